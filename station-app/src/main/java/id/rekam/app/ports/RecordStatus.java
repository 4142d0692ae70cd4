package id.rekam.app.ports;

/** Where a record stands on this station. */
public enum RecordStatus {
    /** Committed, waiting for a supervisor (per-record or end-of-day batch approval). */
    WAITING_APPROVAL,
    /**
     * Committed, waiting for a supervisor's review before approval: the duplicate check found
     * fingers matching another record only at other positions, or too many fingers are exceptions.
     */
    WAITING_REVIEW,
    /** Approved, in the outbox, not yet delivered. */
    WAITING_SYNC,
    /** Being uploaded now. */
    UPLOADING,
    /** Stored by the central server, its verdict not yet known. */
    SENT,
    /** Accepted by the central server. */
    CONFIRMED,
    /** Accepted, and the server reports the card is ready to print. */
    PRINT_READY,
    /** The server found the person already recorded (KTP ganda). */
    DUPLICATE,
    /** The server rejected the packet. */
    REJECTED,
    /** The server holds the record for an official's review (needs-review); its decision follows. */
    SERVER_REVIEW,
    /** Parked for a technician. */
    NEEDS_ATTENTION,
    /** In an encrypted export bundle a technician took to the central office; delivered again if the network returns. */
    EXPORTED,
    /** Refused by a supervisor at review; never leaves the station. */
    DECLINED,
    /** Sent back to its operator for correction; the corrected recording is a new record. */
    RETURNED
}
