package id.rekam.installer;

import id.rekam.app.Main;
import id.rekam.diag.cli.DiagCommand;

import java.util.Arrays;
import java.util.List;

/**
 * Main class of the installed launcher and of the binary zip's {@code bin/rekam}:
 * {@code --self-test} runs {@link SelfTest}; {@code diag ...} runs the technician's diagnostics
 * ({@link DiagCommand}, after reading the installed settings, so it finds the station's data
 * directory); anything else reads the installed settings
 * ({@link LauncherSettings}) and starts the station. Kept out of station-app so the app
 * stays free of packaging concerns.
 */
public final class StationLauncher {

    private StationLauncher() {
    }

    public static void main(String[] args) throws Exception {
        List<String> list = Arrays.asList(args);
        if (list.contains("--self-test")) {
            SelfTest.main(args);
            return;
        }
        if (!list.isEmpty() && "diag".equals(list.get(0))) {
            // Like the self-test: the findings are the output; library logging would bury them.
            if (System.getProperty("logback.configurationFile") == null) {
                System.setProperty("logback.configurationFile", "id/rekam/installer/logback-selftest.xml");
            }
            LauncherSettings.current().apply(false);
            DiagCommand.main(list.subList(1, list.size()).toArray(String[]::new));
            return;
        }
        LauncherSettings.current().apply(list.contains("--demo") || Boolean.getBoolean("rekam.demo"));
        Main.main(args);
    }
}
