package id.rekam.diag;

import id.rekam.core.diag.Finding;
import id.rekam.core.diag.Status;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine never waits for a stuck check beyond its budget, and one broken check spoils no other. */
class DiagnosticsEngineTest {

    private static Check check(String area, Duration budget, Probe.Work work) {
        return new Check() {
            public String area() {
                return area;
            }

            public Duration budget() {
                return budget;
            }

            public void run(Probe probe) throws Exception {
                work.run(probe);
            }
        };
    }

    @Test
    void aCheckStuckInACallThatIgnoresInterruptsIsReportedAtItsBudgetAndTheOthersStillReport() {
        CountDownLatch never = new CountDownLatch(1);
        Check stuck = check("scanner", Duration.ofSeconds(2), p -> {
            p.step("ports").ok("scanner.ports.ok", "/dev/ttyUSB0");
            while (true) {
                try {
                    never.await(); // a native call that never returns, interrupted or not
                } catch (InterruptedException ignored) {
                    // like a driver that swallows it
                }
            }
        });
        Check crashing = check("camera", Duration.ofSeconds(5), p -> {
            throw new IllegalStateException("driver exploded");
        });
        Check fine = check("software", Duration.ofSeconds(5), p -> p.step("version").ok("software.version.ok", "9.9"));
        List<String> seen = Collections.synchronizedList(new ArrayList<>());

        DiagnosticRun run = new DiagnosticsEngine(List.of(stuck, crashing, fine), new Texts(Locale.forLanguageTag("id")),
                Clock.systemUTC()).run(new DiagnosticListener() {
                    @Override
                    public void finding(Finding f) {
                        seen.add(f.id());
                    }
                });

        assertThat(run.took()).isGreaterThanOrEqualTo(Duration.ofSeconds(2)).isLessThan(Duration.ofSeconds(5));
        assertThat(run.findings()).extracting(Finding::id, Finding::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("scanner.ports", Status.OK),
                org.assertj.core.groups.Tuple.tuple("scanner.check", Status.FAILED),
                org.assertj.core.groups.Tuple.tuple("camera.check", Status.FAILED),
                org.assertj.core.groups.Tuple.tuple("software.version", Status.OK));
        Finding timeout = run.findings().get(1);
        assertThat(timeout.title()).isEqualTo("Pemindai sidik jari");
        assertThat(timeout.result()).isEqualTo("Tidak selesai dalam 2 detik; pemeriksaan dihentikan.");
        assertThat(timeout.nextStep()).contains("Cabut lalu pasang lagi");
        assertThat(run.findings().get(2).result()).contains("IllegalStateException: driver exploded");
        assertThat(seen).containsExactlyInAnyOrder("scanner.ports", "scanner.check", "camera.check", "software.version");
        assertThat(run.status()).isEqualTo(Status.FAILED);
    }

    @Test
    void aFindingAfterTheDeadlineIsDroppedNotAddedToAFinishedRun() throws Exception {
        CountDownLatch late = new CountDownLatch(1);
        Check slow = check("network", Duration.ofMillis(800), p -> {
            long end = System.nanoTime() + 1_500_000_000L;
            while (System.nanoTime() < end) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ignored) {
                    // a check that does not listen
                }
            }
            p.step("dns").ok("network.dns.literal", "127.0.0.1");
            late.countDown();
        });
        DiagnosticRun run = new DiagnosticsEngine(List.of(slow), new Texts(Locale.forLanguageTag("id")),
                Clock.systemUTC()).run(DiagnosticListener.NONE);
        assertThat(run.findings()).extracting(Finding::id).containsExactly("network.check");
        assertThat(run.findings().get(0).result()).isEqualTo("Tidak selesai dalam 1 detik; pemeriksaan dihentikan.");
        assertThat(late.await(3, java.util.concurrent.TimeUnit.SECONDS)).as("the late step did run").isTrue();
        assertThat(run.findings()).hasSize(1);
    }

    @Test
    void everyStationCheckStaysWithinThirtySecondsWhateverTheCaptureWait() {
        for (Duration wait : List.of(Duration.ZERO, StationDiagnostics.CAPTURE_TIMEOUT, Duration.ofMinutes(5))) {
            StationDiagnostics d = new StationDiagnostics(java.nio.file.Path.of("x"), () -> null, () -> { }, r -> r,
                    java.util.Optional::empty, java.util.Optional::empty, null, wait, Clock.systemUTC());
            assertThat(d.checks()).allSatisfy(c -> assertThat(c.budget()).as(c.area()).isLessThan(Duration.ofSeconds(30)));
        }
    }
}
