@echo off
rem rekam store CLI: init, demo, verify and stats of a station's encrypted store (headless).
rem Needs a Java 17+ runtime: %JAVA_HOME%\bin\java.exe, else java on PATH.
rem Extra JVM options: JAVA_OPTS.
setlocal
set "APP_HOME=%~dp0.."
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (set "JAVA=java")
"%JAVA%" %JAVA_OPTS% "-Drekam.home=%APP_HOME%" -cp "%APP_HOME%\lib\*" id.rekam.tools.StoreCli %*
exit /b %ERRORLEVEL%
