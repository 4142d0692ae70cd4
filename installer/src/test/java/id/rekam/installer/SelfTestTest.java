package id.rekam.installer;

import id.rekam.installer.selftest.Check;
import id.rekam.installer.selftest.CheckResult;
import id.rekam.installer.selftest.RuntimeCheck;
import id.rekam.installer.selftest.StoreCheck;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SelfTestTest {

    @Test
    void standardChecksPassOnTheBuildJdk() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc = SelfTest.standard().run(new PrintStream(buf, true, StandardCharsets.UTF_8));
        String report = buf.toString(StandardCharsets.UTF_8);

        assertThat(report).contains("[PASS] runtime", "[PASS] runtime modules", "[PASS] javafx", "[PASS] store", "SELF-TEST PASSED")
                .containsPattern("\\[(PASS|WARN)\\] devices");
        if (!System.getProperty("os.name").startsWith("Windows")) {
            assertThat(report).as("scanner reads do not go through jssc's reader").contains("scanner reads through a libc read end");
        }
        assertThat(rc).isZero();
    }

    @Test
    void aFailingCheckFailsTheRunButTheOthersStillRun() {
        Check broken = new Check() {
            public String name() { return "broken"; }
            public CheckResult run() { return CheckResult.fail("disk on fire"); }
        };
        Check crashing = new Check() {
            public String name() { return "crashing"; }
            public CheckResult run() { throw new IllegalStateException("boom"); }
        };
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc = new SelfTest(List.of(broken, crashing, new StoreCheck()))
                .run(new PrintStream(buf, true, StandardCharsets.UTF_8));

        assertThat(rc).isEqualTo(1);
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("[FAIL] broken", "disk on fire",
                "[FAIL] crashing", "IllegalStateException: boom", "[PASS] store", "SELF-TEST FAILED");
    }

    @Test
    void runtimeCheckFailsOnTooOldAJava() {
        CheckResult r = new RuntimeCheck(Runtime.version().feature() + 1).run();

        assertThat(r.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(r.details()).anyMatch(d -> d.contains("is older than"));
    }
}
