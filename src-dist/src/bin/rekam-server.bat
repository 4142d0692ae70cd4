@echo off
rem rekam reference central server (development, demos, tests).
rem Needs a Java 17+ runtime: %JAVA_HOME%\bin\java.exe, else java on PATH.
rem Extra JVM options: JAVA_OPTS.
setlocal
set "APP_HOME=%~dp0.."
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (set "JAVA=java")
"%JAVA%" %JAVA_OPTS% "-Drekam.home=%APP_HOME%" -cp "%APP_HOME%\lib\*" id.rekam.server.CentralServerMain %*
exit /b %ERRORLEVEL%
