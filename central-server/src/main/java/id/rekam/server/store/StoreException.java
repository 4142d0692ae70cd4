package id.rekam.server.store;

/** A database or file-system failure on the server; answered with 500/503. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
