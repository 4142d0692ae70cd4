package id.rekam.core.store;

import java.time.Instant;

/**
 * The store's wrapped keys were destroyed (crypto-erase, on the server's signed command or after
 * too many wrong passphrases as the supervisor chose): nothing in it opens again, not even with
 * the right passphrase.
 */
public class StoreErasedException extends StoreException {

    public StoreErasedException(Instant at) {
        super("store.erased", at);
    }
}
