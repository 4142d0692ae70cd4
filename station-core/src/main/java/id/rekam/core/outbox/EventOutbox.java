package id.rekam.core.outbox;

import java.util.List;
import java.util.Map;

/** Events outbox: append, deliver oldest first, mark sent. Payloads are sealed at rest. */
public interface EventOutbox {

    /** Stores a new PENDING event; returns its id. */
    String append(String type, String jsonPayload, String actor);

    /** PENDING events, oldest first. */
    List<OutboxEvent> pending(int limit);

    /** PENDING → SENT. Marking an already-sent event again is a no-op (idempotent). */
    void markSent(String eventId, String actor);

    Map<EventState, Long> countByState();
}
