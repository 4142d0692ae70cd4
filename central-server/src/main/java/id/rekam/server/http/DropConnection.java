package id.rekam.server.http;

/**
 * Ends the exchange by closing the TCP connection without any response. Used by fault
 * injection; the JDK server closes the connection when a handler throws.
 */
public final class DropConnection extends RuntimeException {

    public DropConnection(String reason) {
        super(reason, null, false, false);
    }
}
