package id.rekam.core.outbox;

/** A small event waits as PENDING until the server has taken it (SENT). */
public enum EventState {
    PENDING,
    SENT
}
