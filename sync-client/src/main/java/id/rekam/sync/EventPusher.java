package id.rekam.sync;

import id.rekam.core.outbox.OutboxEvent;
import id.rekam.core.outbox.EventOutbox;
import id.rekam.sync.api.CentralApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends pending small events before any packet (they are tiny and often unblock work at the
 * office). The event id is the idempotency key, so a batch re-sent after a lost answer is safe.
 * An event the server refuses for good ({@code rejected}, {@code conflict}) is parked in
 * NEEDS_ATTENTION with the server's answer — counted with the packets that need a technician,
 * who may requeue it — and does not stop the pass or come back on every pass.
 */
public final class EventPusher {

    private static final Logger LOG = LoggerFactory.getLogger(EventPusher.class);
    static final int BATCH = 100;
    /** Answers that no re-send can change (docs/sync-protocol.md, events). */
    static final Set<String> REFUSED = Set.of("rejected", "conflict");

    private final StationSide side;
    private volatile int refused;
    private final CentralApi api;

    public EventPusher(StationSide side, CentralApi api) {
        this.side = side;
        this.api = api;
    }

    /** Events the server refused (and that were parked) in the last push. */
    public int refused() {
        return refused;
    }

    /** @return events the server stored in this call (none when locked: their payloads are sealed under the data key) */
    public int push() throws SyncFailure {
        if (side.events().isEmpty()) {
            return 0;
        }
        EventOutbox events = side.events().get();
        int sent = 0;
        int parked = 0;
        while (true) {
            List<OutboxEvent> batch = events.pending(BATCH);
            if (batch.isEmpty()) {
                refused = parked;
                return sent;
            }
            Map<String, String> results = api.events(batch);
            int settled = 0;
            for (OutboxEvent e : batch) {
                String status = results.get(e.id());
                if ("stored".equals(status)) {
                    events.markSent(e.id(), VerdictApplier.ACTOR);
                    sent++;
                    settled++;
                } else if (REFUSED.contains(status)) {
                    LOG.warn("event {} ({}) refused by the server ({}); parked for a technician", e.id(), e.type(),
                            status);
                    events.markNeedsAttention(e.id(), "server refused the event: " + status,
                            VerdictApplier.ACTOR);
                    parked++;
                    settled++;
                } else {
                    LOG.error("event {} ({}) got no usable answer from the server: {}", e.id(), e.type(), status);
                }
            }
            if (settled < batch.size()) {
                // Left pending: the next pass sends it again, after the packets.
                refused = parked;
                return sent;
            }
        }
    }
}
