package id.rekam.core.audit;

/** Names of audited actions. Stable strings: they are part of the chained, signed history. */
public final class AuditActions {

    public static final String STORE_INITIALISED = "STORE_INITIALISED";
    public static final String STORE_UNLOCKED = "STORE_UNLOCKED";
    public static final String UNLOCK_FAILED = "UNLOCK_FAILED";
    public static final String PASSPHRASE_CHANGED = "PASSPHRASE_CHANGED";
    public static final String BACKUP_WRITTEN = "BACKUP_WRITTEN";
    public static final String ENROLLMENT_CAPTURED = "ENROLLMENT_CAPTURED";
    public static final String OUTBOX_TRANSITION = "OUTBOX_TRANSITION";
    public static final String UPLOAD_STARTED = "UPLOAD_STARTED";
    public static final String PAYLOAD_PURGED = "PAYLOAD_PURGED";
    public static final String EVENT_CREATED = "EVENT_CREATED";
    public static final String EVENT_SENT = "EVENT_SENT";
    public static final String EVENT_PARKED = "EVENT_PARKED";
    public static final String EVENT_REQUEUED = "EVENT_REQUEUED";
    public static final String DRAFT_DELETED = "DRAFT_DELETED";
    public static final String OPERATOR_CREATED = "OPERATOR_CREATED";
    public static final String LOGIN_OK = "LOGIN_OK";
    public static final String LOGIN_FAILED = "LOGIN_FAILED";
    public static final String ACCOUNT_LOCKED = "ACCOUNT_LOCKED";
    /** A supervisor saved a record despite a possible-duplicate warning (the reason is sealed in its row). */
    public static final String DUPLICATE_OVERRIDE = "DUPLICATE_OVERRIDE";
    /** The first unlock after schema 9 turned the staged pre-V9 verdicts, reasons and overrides into sealed rows. */
    public static final String VERDICTS_MIGRATED = "VERDICTS_MIGRATED";
    /** The first unlock after schema 10 sealed the templates of older records in rows of their own. */
    public static final String TEMPLATES_EXTRACTED = "TEMPLATES_EXTRACTED";
    /** The duplicate check (or the exception count) sent a record to a supervisor's review (findings sealed in its row). */
    public static final String REVIEW_REQUIRED = "REVIEW_REQUIRED";
    /** A supervisor reviewed such a record (the note is sealed in its row). */
    public static final String RECORD_REVIEWED = "RECORD_REVIEWED";
    /** A technician wrote pending packets and events into an encrypted export bundle. */
    public static final String RECORDS_EXPORTED = "RECORDS_EXPORTED";
    /** An operator copied unconfirmed records into a safety bundle; their state did not change. */
    public static final String SAFETY_BUNDLE_WRITTEN = "SAFETY_BUNDLE_WRITTEN";
    /** This station forwarded a team member's bundle to the central server. */
    public static final String BUNDLE_RELAYED = "BUNDLE_RELAYED";
    /** A supervisor imported coverage targets (CSV or the server's signed reference data). */
    public static final String COVERAGE_TARGETS_IMPORTED = "COVERAGE_TARGETS_IMPORTED";

    // ---- keyed security state (issue 14)
    /** The security state was sealed under the state key: at creation, or at the first unlock after schema 10. */
    public static final String STATE_SEALED = "STATE_SEALED";
    /** The central server's signed receipt for the audit head was stored (sync-protocol.md, audit anchors). */
    public static final String AUDIT_ANCHORED = "AUDIT_ANCHORED";
    /** Backups were replaced after a passphrase change (the old ones open with the old passphrase). */
    public static final String BACKUPS_REPLACED = "BACKUPS_REPLACED";

    // ---- issue 14 (secA): server trust, sealing, journal, commands, unlock policy
    /** The central server's address, TLS pin and keys were pinned (provisioning, or learned over the pinned channel). */
    public static final String SERVER_PINNED = "SERVER_PINNED";
    /** Server URL and pin moved from the settings file into the store. */
    public static final String SERVER_SETTINGS_MIGRATED = "SERVER_SETTINGS_MIGRATED";
    /** Packets recorded before the server's packet key was known were sealed to it. */
    public static final String QUEUE_SEALED = "QUEUE_SEALED";
    /** What the locked sync service received (signed receipts, verdicts) was checked and applied. */
    public static final String JOURNAL_APPLIED = "JOURNAL_APPLIED";
    /** Something in the journal did not carry the pinned server's signature and was dropped. */
    public static final String JOURNAL_REFUSED = "JOURNAL_REFUSED";
    /** A signed station command (lock, unlock, crypto-erase) from the server. */
    public static final String STATION_COMMAND = "STATION_COMMAND";
    /** The supervisor set the failed-unlock policy (crypto-erase after N, even with pending records or not). */
    public static final String UNLOCK_POLICY_SET = "UNLOCK_POLICY_SET";

    private AuditActions() {
    }
}
