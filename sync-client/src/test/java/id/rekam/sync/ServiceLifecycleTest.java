package id.rekam.sync;

import id.rekam.core.outbox.OutboxEntry;
import id.rekam.core.outbox.OutboxState;
import id.rekam.server.CentralServer;
import id.rekam.server.faults.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceLifecycleTest {

    @TempDir
    Path dir;

    @Test
    void stopCancelsTheRequestInFlightAndLeavesAConsistentState() throws Exception {
        try (SyncTestKit kit = SyncTestKit.start(dir)) {
            String id = kit.capture(1, 31, true).get(0);
            // The one request of this one-chunk packet (announce + creation + body) stalls on the server.
            kit.server.faults().add(Fault.stall(30_000).on("POST", "/v1/uploads").times(1));
            List<SyncStatus> seen = new CopyOnWriteArrayList<>();
            SyncService sync = new SyncService(kit.store, SyncTestKit.fastConfig(kit.server.baseUri()));
            sync.addListener(new SyncListener() {
                @Override
                public void statusChanged(SyncStatus status) {
                    seen.add(status);
                }
            });
            sync.start();
            // Wait until the upload request is stalled on the server: the one-shot fault is used up when it arrives.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!kit.server.faults().list().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(kit.server.faults().list()).as("the upload request reached the server and stalls").isEmpty();
            long t0 = System.nanoTime();
            sync.close();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
            assertThat(sync.status().running()).isFalse();
            OutboxEntry e = kit.store.outbox().entry(id).orElseThrow();
            // A one-chunk upload records nothing before the server's acknowledgement.
            assertThat(e.state()).isEqualTo(OutboxState.QUEUED);
            assertThat(e.uploadOffset()).isZero();
            assertThat(kit.store.verify().ok()).isTrue();

            kit.server.faults().clear();
            try (SyncService again = new SyncService(kit.store, SyncTestKit.fastConfig(kit.server.baseUri()))) {
                kit.pass(again);
            }
            assertThat(kit.store.outbox().entry(id).orElseThrow().state()).isEqualTo(OutboxState.CONFIRMED);
            assertThat(seen).isNotEmpty();
        }
    }

    @Test
    void stationClockTenMinutesOffIsCorrectedFromTheServerTime() throws Exception {
        try (SyncTestKit kit = SyncTestKit.start(dir)) {
            kit.capture(1, 32, true);
            Clock wrong = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10));
            try (SyncService sync = new SyncService(kit.store, SyncTestKit.fastConfig(kit.server.baseUri()), wrong,
                    id.rekam.sync.retry.Backoff.threadLocalRandom(), Messages.indonesian())) {
                SyncFailure first = (SyncFailure) catchThrowable(sync);
                assertThat(first.kind()).isEqualTo(SyncFailure.Kind.AUTH);
                assertThat(first.getMessage()).contains("stale-timestamp");
                kit.pass(sync);
                assertThat(sync.status().confirmed()).isEqualTo(1);
            }
        }
    }

    private static Throwable catchThrowable(SyncService sync) {
        try {
            sync.runOnce();
        } catch (SyncFailure f) {
            return f;
        }
        throw new AssertionError("first pass should fail");
    }

    @Test
    void unreachableServerIsReportedAndRetriedLater() throws Exception {
        try (SyncTestKit kit = SyncTestKit.start(dir)) {
            kit.capture(1, 33, true);
            CentralServer server = kit.server;
            var base = server.baseUri();
            server.stop();
            kit.server = null;
            try (SyncService sync = new SyncService(kit.store, SyncTestKit.fastConfig(base))) {
                sync.start();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (sync.status().nextRetry() == null && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                SyncStatus s = sync.status();
                assertThat(s.nextRetry()).isNotNull();
                assertThat(s.lastFailure()).contains("Tidak tersambung");
                assertThat(s.waiting()).isEqualTo(1);
            }
        }
    }
}
