package id.rekam.core.auth;

import java.time.Instant;

/** Too many failed logins: the account waits until {@link #until()}. */
public class AccountLockedException extends AuthException {

    private final Instant until;

    public AccountLockedException(String username, Instant until) {
        super("auth.locked", username, until.toString());
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}
