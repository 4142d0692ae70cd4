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
 */
public final class EventPusher {

    private static final Logger LOG = LoggerFactory.getLogger(EventPusher.class);
    static final int BATCH = 100;

    private final StationStore store;
    private final CentralApi api;

    public EventPusher(StationStore store, CentralApi api) {
        this.store = store;
        this.api = api;
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
                throw new SyncFailure(SyncFailure.Kind.PROTOCOL, (batch.size() - stored)
                        + " event(s) refused by the server");
            }
        }
    }
}
