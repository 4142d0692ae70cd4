package id.rekam.app.ports;

import id.rekam.core.auth.PassphrasePolicy;

import java.util.Optional;

/**
 * Opens the station's encrypted store with the supervisor passphrase. Nothing else in the
 * app can run before this succeeds, which is what keeps a stolen station unreadable.
 */
public interface StoreGateway {

    /** True when a store already exists in the data directory (else the passphrase creates it). */
    boolean exists();

    /**
     * Opens the store, or on a station without one creates it with this passphrase (which core's
     * {@code PassphrasePolicy} must accept: else {@link WeakPassphraseException}, nothing created).
     *
     * @return the services bound to the opened store
     * @throws WrongPassphraseException when the passphrase does not open the store
     */
    OpenStore unlock(char[] passphrase) throws WrongPassphraseException;

    /**
     * What core's passphrase rule says of {@code passphrase} for this station's new store: the
     * store's own judgement (same rule, same station words), asked before anything is created so
     * the desk can say why. Empty when the store will accept it.
     */
    Optional<PassphrasePolicy.Weakness> newStoreWeakness(char[] passphrase);

    /**
     * Creating a store with a passphrase core's {@code PassphrasePolicy} refuses: nothing was
     * created. The desk checks first and says why; this is the store's own guard.
     */
    final class WeakPassphraseException extends RuntimeException {
        private final PassphrasePolicy.Weakness weakness;

        public WeakPassphraseException(PassphrasePolicy.Weakness weakness) {
            super("passphrase refused: " + weakness);
            this.weakness = weakness;
        }

        public PassphrasePolicy.Weakness weakness() {
            return weakness;
        }
    }

    final class WrongPassphraseException extends Exception {
        public WrongPassphraseException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
