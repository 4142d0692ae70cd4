package id.rekam.installer;

import id.rekam.core.diag.Finding;
import id.rekam.core.diag.Status;
import id.rekam.diag.DiagnosticListener;
import id.rekam.diag.DiagnosticRun;
import id.rekam.diag.DiagnosticsEngine;
import id.rekam.diag.Texts;
import id.rekam.installer.selftest.ConfigCheck;
import id.rekam.installer.selftest.DevicesCheck;
import id.rekam.installer.selftest.JavaFxCheck;
import id.rekam.installer.selftest.ModulesCheck;
import id.rekam.installer.selftest.RuntimeCheck;
import id.rekam.installer.selftest.SelfTestCheck;
import id.rekam.installer.selftest.StoreCheck;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * {@code rekam --self-test}: proves an installed station can run here — bundled runtime,
 * JavaFX, settings, store, device drivers — without a display and without touching real data.
 * Runs on the station's diagnostics engine (each check side by side, with a time limit; a crash
 * is a failure of that check only). Exit status 0 when nothing failed (warnings allowed), 1 otherwise.
 * For the station with its devices and server, a technician runs {@code rekam diag}.
 */
public final class SelfTest {

    private final List<SelfTestCheck> checks;

    public SelfTest(List<SelfTestCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    public static SelfTest standard() {
        return new SelfTest(List.of(new RuntimeCheck(), new ModulesCheck(), new JavaFxCheck(), new ConfigCheck(LauncherSettings.current()),
                new StoreCheck(), new DevicesCheck()));
    }

    public static void main(String[] args) {
        // The report is the output; library debug logging (native extraction, discovery) is noise.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "id/rekam/installer/logback-selftest.xml");
        }
        System.exit(standard().run(System.out));
    }

    /** Runs every check (a failing one does not stop the rest) and prints the report in the checks' order. */
    public int run(PrintStream out) {
        out.println("rekam self-test");
        DiagnosticRun run = new DiagnosticsEngine(checks, new Texts(Locale.ENGLISH), Clock.systemUTC())
                .run(DiagnosticListener.NONE);
        boolean failed = false;
        for (SelfTestCheck check : checks) {
            for (Finding f : run.area(check.area())) {
                out.printf("[%s] %s (%d ms)%n", word(f.status()), check.name(), f.millis());
                for (String d : f.result().split("\n")) {
                    out.println("       " + d);
                }
                failed |= f.status() == Status.FAILED;
            }
        }
        out.println(failed ? "SELF-TEST FAILED" : "SELF-TEST PASSED");
        return failed ? 1 : 0;
    }

    private static String word(Status s) {
        return switch (s) {
            case OK -> "PASS";
            case WARNING -> "WARN";
            case FAILED -> "FAIL";
        };
    }
}
