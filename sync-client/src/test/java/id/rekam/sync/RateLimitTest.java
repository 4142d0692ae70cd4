package id.rekam.sync;

import id.rekam.core.outbox.OutboxEntry;
import id.rekam.core.outbox.OutboxState;
import id.rekam.server.packets.PacketRecord;
import id.rekam.server.packets.PacketState;
import id.rekam.server.quota.Quotas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server whose per-station quota is below what one pass asks: the station is answered
 * {@code 429} with {@code Retry-After} again and again, waits each time, parks nothing, and in
 * the end every packet is on the server exactly once and confirmed.
 */
class RateLimitTest {

    static final int PACKETS = 12;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void a429IsWaitedOutAndEveryPacketArrivesOnce() throws Exception {
        // Eight requests at once, then eight a second, per station (bytes and enrollment unlimited): a
        // pass of twelve packets takes more, while one Retry-After (1 s) buys a whole pass without uploads.
        Quotas quotas = new Quotas(new Quotas.Rate(8, 8), null, null);
        try (SyncTestKit kit = SyncTestKit.start(dir, b -> b.quotas(quotas))) {
            List<String> ids = kit.capture(PACKETS, 11, true);
            List<SyncFailure> failures = new ArrayList<>();
            // A long poll interval: after a clean pass the service stays drained long enough to be seen so.
            SyncConfig config = SyncTestKit.fastConfig(kit.server.baseUri()).withPollInterval(Duration.ofSeconds(3));
            try (SyncService sync = new SyncService(kit.store, config)) {
                sync.addListener(new SyncListener() {
                    @Override
                    public void failed(SyncFailure failure, String reason) {
                        synchronized (failures) {
                            failures.add(failure);
                        }
                    }
                });
                long t0 = System.nanoTime();
                sync.start();
                assertThat(sync.awaitDrained(Duration.ofSeconds(90))).as("drained; %s", sync.status()).isTrue();
                sync.stop();
                // The server's Retry-After (1 s) was honoured: the client's own backoff caps at 400 ms.
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThan(Duration.ofSeconds(1));
            }
            synchronized (failures) {
                assertThat(failures).isNotEmpty();
                assertThat(failures).allSatisfy(f -> {
                    assertThat(f.kind()).isEqualTo(SyncFailure.Kind.RATE_LIMITED);
                    assertThat(f.retryAfter()).hasValueSatisfying(d -> assertThat(d).isGreaterThanOrEqualTo(
                            Duration.ofSeconds(1)));
                });
            }

            Map<String, PacketRecord> onServer = new HashMap<>();
            for (PacketRecord p : kit.server.admin().packets()) {
                assertThat(onServer.put(p.packetId(), p)).as("stored once: %s", p.packetId()).isNull();
            }
            assertThat(onServer).hasSize(PACKETS);
            for (String id : ids) {
                OutboxEntry local = kit.store.outbox().entry(id).orElseThrow();
                assertThat(local.state()).as(id).isEqualTo(OutboxState.CONFIRMED);
                assertThat(onServer.get(id).contentSha256()).isEqualTo(local.sha256());
                assertThat(onServer.get(id).state()).isEqualTo(PacketState.ACCEPTED);
            }
            assertThat(kit.store.outbox().countByState().getOrDefault(OutboxState.NEEDS_ATTENTION, 0L)).isZero();
        }
    }
}
