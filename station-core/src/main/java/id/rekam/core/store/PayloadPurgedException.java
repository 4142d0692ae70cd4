package id.rekam.core.store;

/** The record's biometric payload was purged after confirmation; only its tombstone remains. */
public class PayloadPurgedException extends StoreException {

    public PayloadPurgedException(String recordId) {
        super("store.purged", recordId);
    }
}
