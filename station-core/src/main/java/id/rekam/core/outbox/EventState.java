package id.rekam.core.outbox;

/**
 * A small event waits as PENDING until the server has taken it (SENT). One the server refused
 * (conflict, malformed) is parked in NEEDS_ATTENTION with the server's reason; only a
 * technician puts it back to PENDING.
 */
public enum EventState {
    PENDING,
    SENT,
    NEEDS_ATTENTION
}
