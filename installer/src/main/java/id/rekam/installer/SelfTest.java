package id.rekam.installer;

import id.rekam.installer.selftest.Check;
import id.rekam.installer.selftest.CheckResult;
import id.rekam.installer.selftest.ConfigCheck;
import id.rekam.installer.selftest.DevicesCheck;
import id.rekam.installer.selftest.JavaFxCheck;
import id.rekam.installer.selftest.ModulesCheck;
import id.rekam.installer.selftest.RuntimeCheck;
import id.rekam.installer.selftest.StoreCheck;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code rekam --self-test}: proves an installed station can run here — bundled runtime,
 * JavaFX, settings, store, device drivers — without a display and without touching real data.
 * Exit status 0 when nothing failed (warnings allowed), 1 otherwise.
 */
public final class SelfTest {

    private final List<Check> checks;

    public SelfTest(List<Check> checks) {
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

    /** Runs every check (a failing one does not stop the rest) and prints the report. */
    public int run(PrintStream out) {
        out.println("rekam self-test");
        boolean failed = false;
        for (Check check : checks) {
            long start = System.nanoTime();
            CheckResult result;
            try {
                result = check.run();
            } catch (RuntimeException | LinkageError e) {
                result = CheckResult.fail("check crashed: " + CheckResult.describe(e));
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            out.printf("[%s] %s (%d ms)%n", result.status(), check.name(), ms);
            for (String d : result.details()) {
                out.println("       " + d);
            }
            failed |= result.status() == CheckResult.Status.FAIL;
        }
        out.println(failed ? "SELF-TEST FAILED" : "SELF-TEST PASSED");
        return failed ? 1 : 0;
    }
}
