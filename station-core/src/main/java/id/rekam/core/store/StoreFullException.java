package id.rekam.core.store;

/** The disk (or the configured size limit) is full; the operation was rolled back whole. */
public class StoreFullException extends StoreException {

    public StoreFullException(Throwable cause) {
        super(cause, "store.full");
    }

    /** A refusal before the disk actually filled, with its own explanation. */
    protected StoreFullException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
