package id.rekam.installer;

import id.rekam.installer.selftest.SelfTestCheck;
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
        SelfTestCheck broken = new SelfTestCheck() {
            public String name() { return "broken"; }
            public CheckResult run() { return CheckResult.fail("disk on fire"); }
        };
        SelfTestCheck crashing = new SelfTestCheck() {
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
    void aHungCheckIsReportedAtItsTimeLimitAndTheSelfTestStillEnds() {
        SelfTestCheck hung = new SelfTestCheck() {
            public String name() { return "hung driver"; }
            public java.time.Duration budget() { return java.time.Duration.ofSeconds(1); }
            public CheckResult run() {
                while (true) {
                    try {
                        Thread.sleep(10_000);
                    } catch (InterruptedException ignored) {
                        // a native call that does not listen
                    }
                }
            }
        };
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc = new SelfTest(List.of(hung, new RuntimeCheck())).run(new PrintStream(buf, true, StandardCharsets.UTF_8));

        assertThat(rc).isEqualTo(1);
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("[FAIL] hung driver", "Did not finish within 1 seconds",
                "[PASS] runtime", "SELF-TEST FAILED");
    }

    @Test
    void runtimeCheckFailsOnTooOldAJava() {
        CheckResult r = new RuntimeCheck(Runtime.version().feature() + 1).run();

        assertThat(r.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(r.details()).anyMatch(d -> d.contains("is older than"));
    }
}
