package id.rekam.sync;

import id.rekam.core.outbox.OutboxEvent;
import id.rekam.core.store.StationStore;
import id.rekam.sync.api.CentralApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * Sends pending small events before any packet (they are tiny and often unblock work at the
 * office). The event id is the idempotency key, so a batch re-sent after a lost answer is safe.
 * An event the server refuses (conflict, malformed) is logged and left pending; it does not stop
 * the pass.
 */
public final class EventPusher {

    private static final Logger LOG = LoggerFactory.getLogger(EventPusher.class);
    static final int BATCH = 100;

    private final StationStore store;
    private volatile int refused;
    private final CentralApi api;

    public EventPusher(StationStore store, CentralApi api) {
        this.store = store;
        this.api = api;
    }

    /** Events the server refused in the last push (they stay pending). */
    public int refused() {
        return refused;
    }

    /** @return events the server stored in this call */
    public int push() throws SyncFailure {
        int sent = 0;
        while (true) {
            List<OutboxEvent> batch = store.events().pending(BATCH);
            if (batch.isEmpty()) {
                return sent;
            }
            Map<String, String> results = api.events(batch);
            int stored = 0;
            for (OutboxEvent e : batch) {
                String status = results.get(e.id());
                if ("stored".equals(status)) {
                    store.events().markSent(e.id(), VerdictApplier.ACTOR);
                    stored++;
                } else {
                    LOG.error("event {} ({}) not stored by the server: {}", e.id(), e.type(), status);
                }
            }
            sent += stored;
            if (stored < batch.size()) {
                // A refused event (conflict, malformed) is final on the server's side; it stays
                // pending for a technician and must not hold back the packets behind it.
                refused = batch.size() - stored;
                return sent;
            }
            refused = 0;
        }
    }
}
