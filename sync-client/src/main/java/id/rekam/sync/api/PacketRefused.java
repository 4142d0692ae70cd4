package id.rekam.sync.api;

/**
 * The server refuses this packet for good (same id with other content, malformed, too
 * large...): retrying the same bytes can never succeed, so it goes to a technician.
 */
public final class PacketRefused extends Exception {

    private final String code;

    public PacketRefused(String code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
