package id.rekam.sync;

import id.rekam.core.outbox.OutboxEntry;
import id.rekam.core.outbox.OutboxState;
import id.rekam.netfaults.FaultyProxy;
import id.rekam.server.packets.PacketRecord;
import id.rekam.server.packets.PacketState;
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
 * 500 packets through {@link FaultyProxy} (resets mid-body, stalls, 503, 429 + Retry-After,
 * captive portal) to a real in-process central server: at the end every packet is stored on
 * the server exactly once with the station's hash, and confirmed on the station.
 */
class ChaosTest {

    static final int PACKETS = 500;

    @TempDir
    Path dir;

    @Test
    // Caps a hang only; the drain ends as soon as every packet is confirmed (loaded CI is slow).
    @Timeout(value = 400, unit = TimeUnit.SECONDS)
    void everyPacketConfirmedExactlyOnceThroughABadLink() throws Exception {
        try (SyncTestKit kit = SyncTestKit.start(dir);
             FaultyProxy proxy = new FaultyProxy(kit.server.baseUri(), 42)) {
            long t0 = System.nanoTime();
            List<String> ids = kit.capture(PACKETS, 7, true);
            long t1 = System.nanoTime();
            proxy.mix(new FaultyProxy.Mix(10, 4, 8, 5, 4, 20_000, 300, 300_000));
            SyncConfig config = SyncTestKit.fastConfig(proxy.uri()).withChunkSize(64 * 1024);
            List<String> failures = new ArrayList<>();
            try (SyncService sync = new SyncService(kit.store, config)) {
                sync.addListener(new SyncListener() {
                    @Override
                    public void failed(SyncFailure failure, String reason) {
                        synchronized (failures) {
                            failures.add(failure.kind().name());
                            if (failure.kind() == SyncFailure.Kind.PROTOCOL) {
                                System.out.println("chaos: protocol failure " + failure.getMessage());
                            }
                        }
                    }
                });
                sync.start();
                assertThat(sync.awaitDrained(Duration.ofSeconds(330)))
                        .as("drained; status %s; proxy %s", sync.status(), proxy.counts()).isTrue();
                sync.stop();
            }
            long t2 = System.nanoTime();
            System.out.printf("chaos: capture %d ms, drain %d ms%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
            long payload = ids.stream().mapToLong(i -> kit.store.outbox().entry(i).orElseThrow().bodyLength()).sum();
            System.out.println("chaos: " + proxy.counts() + " payloadBytes=" + payload + " failures=" + failures.size()
                    + " " + failures.stream().distinct().toList());

            Map<String, PacketRecord> onServer = new HashMap<>();
            for (PacketRecord p : kit.server.admin().packets()) {
                assertThat(onServer.put(p.packetId(), p)).as("listed once: %s", p.packetId()).isNull();
            }
            assertThat(onServer).hasSize(PACKETS);
            for (String id : ids) {
                OutboxEntry local = kit.store.outbox().entry(id).orElseThrow();
                assertThat(local.state()).as(id).isEqualTo(OutboxState.CONFIRMED);
                PacketRecord remote = onServer.get(id);
                assertThat(remote).as(id).isNotNull();
                assertThat(remote.contentSha256()).isEqualTo(local.sha256());
                assertThat(remote.state()).isEqualTo(PacketState.ACCEPTED);
            }
            // The faults really happened, each kind of them.
            FaultyProxy.Counts faults = proxy.counts();
            assertThat(faults.resets()).isPositive();
            assertThat(faults.stalls()).isPositive();
            assertThat(faults.injected503() + faults.injected429()).isPositive();
            assertThat(faults.portals()).isPositive();
            assertThat(failures).contains("OFFLINE", "CAPTIVE_PORTAL");
            assertThat(kit.store.verify().ok()).isTrue();
        }
    }
}
