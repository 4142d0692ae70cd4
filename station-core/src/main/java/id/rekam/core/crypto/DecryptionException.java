package id.rekam.core.crypto;

/** A sealed value did not authenticate: wrong key, wrong row/field, or tampered bytes. */
public class DecryptionException extends RuntimeException {

    public DecryptionException(String message) {
        super(message);
    }
}
