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

    /**
     * PENDING → NEEDS_ATTENTION: the server refused the event for good (conflict, malformed).
     * The reason is sealed (it may quote the server's text) and audited with any NIK masked;
     * parking an event already parked changes nothing.
     */
    void markNeedsAttention(String eventId, String reason, String actor);

    /** Parked events, oldest first, each with the reason it was parked. */
    List<ParkedEvent> needingAttention(int limit);

    /** Technician's explicit retry: NEEDS_ATTENTION → PENDING, audited. */
    void requeue(String eventId, String reason, String technician);

    Map<EventState, Long> countByState();

    /** A parked event: what it is and why the server refused it (in full: mask it where it is shown). */
    record ParkedEvent(String id, String type, java.time.Instant createdAt, String reason) {
    }
}
