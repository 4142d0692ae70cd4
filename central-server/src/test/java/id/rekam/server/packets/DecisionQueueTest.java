package id.rekam.server.packets;

import id.rekam.core.packet.Packet;
import id.rekam.core.packet.PacketCodec;
import id.rekam.core.packet.PacketPart;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A burst of completed uploads larger than the decision queue: memory stays bounded (jobs and
 * decoded bodies), nothing is lost or decided twice, and the order stays the acknowledgement
 * order. The database's list of {@code received} packets is played by a list the test keeps as
 * the worker would leave it (a packet leaves it when decided).
 */
class DecisionQueueTest {

    private static Packet packet(String id) {
        return new PacketCodec().encode(id, "enrollment", "ST-327601-0001", "2026-11-25T03:00:00Z",
                List.of(new PacketPart("extra.json", "application/json", "{}".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aBurstBeyondTheCapacityWaitsInTheDatabaseAndIsDecidedOnceInOrder() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        DecisionQueue q = new DecisionQueue(3, 1, () -> List.copyOf(received));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String id = "p-" + i;
            ids.add(id);
            received.add(id);
            q.submit(id, packet(id));
            assertThat(q.bodiesHeldNow()).isLessThanOrEqualTo(1);
        }
        assertThat(q.highWater()).isEqualTo(3);
        assertThat(q.idle()).isFalse();

        List<String> decided = new ArrayList<>();
        // Until the queue says it is idle: a refill from the database may take longer than one poll
        // on a loaded machine, and an empty poll is not the end of the work.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!q.idle() && System.nanoTime() < deadline) {
            DecisionQueue.Job job = q.take(50, TimeUnit.MILLISECONDS);
            if (job == null) {
                continue;
            }
            if (received.remove(job.packetId())) {
                decided.add(job.packetId());
            }
            q.done(job.packetId());
            assertThat(q.highWater()).isLessThanOrEqualTo(3);
        }
        assertThat(decided).containsExactlyElementsOf(ids);
        assertThat(q.idle()).isTrue();
        assertThat(q.bodiesHeldNow()).isZero();
    }

    @Test
    void aFullQueueTakesMoreWithoutGrowingAndForgetsNone() {
        // On this (request) thread: a blocking submit would hang the test here.
        DecisionQueue q = new DecisionQueue(1, 0, List::of);
        for (int i = 0; i < 1000; i++) {
            q.submit("p-" + i, null);
        }
        assertThat(q.highWater()).isEqualTo(1);
        assertThat(q.idle()).as("the 999 that did not fit are still pending").isFalse();
    }
}
