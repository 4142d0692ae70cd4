package id.rekam.app.service;

/** Where a record stands on this station. */
public enum RecordStatus {
    /** Committed, waiting for a supervisor (per-record or end-of-day batch approval). */
    WAITING_APPROVAL,
    /** Approved, in the outbox, not yet delivered. */
    WAITING_SYNC,
    /** Delivered to the central server. */
    SENT,
    /** The server found the person already recorded (KTP ganda). */
    DUPLICATE,
    /** The server rejected the packet. */
    REJECTED,
    /** Parked for a technician. */
    NEEDS_ATTENTION
}
