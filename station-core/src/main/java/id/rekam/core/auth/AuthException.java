package id.rekam.core.auth;

import id.rekam.core.store.StoreException;

/** Login or account management refused; the message is for the person at the station. */
public class AuthException extends StoreException {

    public AuthException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
