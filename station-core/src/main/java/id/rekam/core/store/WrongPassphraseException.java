package id.rekam.core.store;

/** The supervisor's passphrase does not unlock this station's store. Counted in the audit trail. */
public class WrongPassphraseException extends StoreException {

    public WrongPassphraseException(int failuresSinceLastUnlock) {
        super("store.wrongPassphrase", failuresSinceLastUnlock);
    }
}
