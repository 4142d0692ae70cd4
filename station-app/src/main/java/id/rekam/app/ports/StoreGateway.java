package id.rekam.app.ports;

/**
 * Opens the station's encrypted store with the supervisor passphrase. Nothing else in the
 * app can run before this succeeds, which is what keeps a stolen station unreadable.
 */
public interface StoreGateway {

    /** True when a store already exists in the data directory (else the passphrase creates it). */
    boolean exists();

    /**
     * @return the services bound to the opened store
     * @throws WrongPassphraseException when the passphrase does not open the store
     */
    OpenStore unlock(char[] passphrase) throws WrongPassphraseException;

    final class WrongPassphraseException extends Exception {
        public WrongPassphraseException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
