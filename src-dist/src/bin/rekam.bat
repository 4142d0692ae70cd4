@echo off
rem Starts the rekam recording station (JavaFX).
rem Needs a Java 17+ runtime: %JAVA_HOME%\bin\java.exe, else java on PATH.
rem Extra JVM options: JAVA_OPTS (given after the defaults, so they win). Defaults as the installed
rem launcher's (docs/design/packaging.md, "Launcher memory").
setlocal
set "APP_HOME=%~dp0.."
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (set "JAVA=java")
"%JAVA%" -Dfile.encoding=UTF-8 -Xss2m -Xmx512m -XX:G1PeriodicGCInterval=15000 -XX:MinHeapFreeRatio=5 -XX:MaxHeapFreeRatio=15 -XX:+ExplicitGCInvokesConcurrent -XX:+IgnoreUnrecognizedVMOptions -XX:TrimNativeHeapInterval=15000 %JAVA_OPTS% "-Drekam.home=%APP_HOME%" -cp "%APP_HOME%\lib\*" id.rekam.installer.StationLauncher %*
exit /b %ERRORLEVEL%
