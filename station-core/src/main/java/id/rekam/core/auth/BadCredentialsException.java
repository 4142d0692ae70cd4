package id.rekam.core.auth;

/** Unknown user or wrong password; deliberately does not say which. */
public class BadCredentialsException extends AuthException {

    public BadCredentialsException() {
        super("auth.badCredentials");
    }
}
