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

    final class ScanException extends Exception {
        public ScanException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
