package id.rekam.core.packet;

/** A packet body that does not follow docs/packet-format.md. */
public class PacketFormatException extends Exception {

    public PacketFormatException(String message) {
        super(message);
    }

    public PacketFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
