package id.rekam.devices.scanner;

import id.rekam.devices.DeviceException;

/** A failure talking to an R30x module. Subclasses say which kind, for retry decisions. */
public class R30xException extends DeviceException {

    public R30xException(String key, Object... args) {
        super(key, args);
    }

    public R30xException(Throwable cause, String key, Object... args) {
        super(cause, key, args);
    }

    /** No (complete) answer within the timeout: module silent, wrong baud or unplugged. */
    public static final class Timeout extends R30xException {
        public Timeout(String what, long millis) {
            super("r30x.timeout", what, millis);
        }
    }

    /** The port went away or was closed: cable pulled, adapter removed. */
    public static final class Closed extends R30xException {
        public Closed(String port, Throwable cause) {
            super(cause, "r30x.closed", port);
        }
    }

    /** A frame arrived whose checksum does not match its content. */
    public static final class Checksum extends R30xException {
        public Checksum(int expected, int actual) {
            super("r30x.checksum", String.format("%04X", expected), String.format("%04X", actual));
        }
    }

    /** A frame that cannot be an R30x frame (bad length, unexpected packet type). */
    public static final class Protocol extends R30xException {
        public Protocol(String detail) {
            super("r30x.protocol", detail);
        }
    }

    /** The module answered with a non-zero confirmation code. */
    public static final class Command extends R30xException {
        private final int code;

        public Command(int instruction, int code) {
            super(R30xConfirmation.messageKey(code), String.format("%02X", instruction), String.format("%02X", code));
            this.code = code;
        }

        public int code() {
            return code;
        }
    }
}
