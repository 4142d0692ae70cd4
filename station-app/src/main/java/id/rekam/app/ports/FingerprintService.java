package id.rekam.app.ports;

import id.rekam.core.domain.DeviceRef;
import id.rekam.core.domain.FingerPosition;

/** The fingerprint scanner. Called from a background thread only: a capture waits for a finger. */
public interface FingerprintService {

    DeviceRef device();

    /** Captures one finger: image, template and quality 0–100. */
    FingerSample capture(FingerPosition position) throws ScanException;

    record FingerSample(byte[] image, String imageFormat, byte[] template, int quality) {
    }

    /**
     * A capture that failed; {@link #failure()} is what the operator is told, the message is for
     * the log (it may name a port path or quote the driver).
     */
    final class ScanException extends Exception {
        private final DeviceFailure failure;

        public ScanException(DeviceFailure failure, String message, Throwable cause) {
            super(message, cause);
            this.failure = java.util.Objects.requireNonNull(failure, "failure");
        }

        public DeviceFailure failure() {
            return failure;
        }
    }

    /**
     * Who is at the desk now (their NIK): a real scanner reads whatever finger is on it and
     * ignores this; a SIMULATED one places that person's finger, a new impression of the same
     * print at each scan, so a 1:1 match at card hand-over works in demo mode.
     */
    default void personAtDesk(String nik) {
    }
}
