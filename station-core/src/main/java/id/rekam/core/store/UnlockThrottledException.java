package id.rekam.core.store;

import java.time.Instant;

/** Too many wrong passphrases in a row: the next attempt is refused, without trying, until {@code retryAt}. */
public class UnlockThrottledException extends StoreException {

    private final Instant retryAt;

    public UnlockThrottledException(int failures, Instant retryAt) {
        super("store.unlockThrottled", failures, retryAt);
        this.retryAt = retryAt;
    }

    public Instant retryAt() {
        return retryAt;
    }
}
