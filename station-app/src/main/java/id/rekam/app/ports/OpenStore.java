package id.rekam.app.ports;

/** What becomes available once the store is unlocked. */
public interface OpenStore extends AutoCloseable {

    /** The id the store was created with; it is inside every packet, so it never changes. */
    String stationId();

    OperatorService operators();

    RecordService records();

    DraftService drafts();

    /** Card lifecycle: custody, hand-over, blank-card ledger, destruction. */
    CardService cards();

    /** KTP ganda cases: the one list, letters, outcomes, reports. */
    CaseService cases();

    /** What the central server has not received yet, and its export to a removable disk. */
    PendingExports pendingExports();

    /** Guardrails, safety bundles and coverage of a mobile team. */
    FieldWork fieldWork();

    /** The 1:N fingerprint check over this store's records (index built in the background at unlock). */
    FingerprintIdentification identification();

    @Override
    void close();
}
