package id.rekam.devices;

import java.time.Duration;

/** A fingerprint scanner: waits for a finger and delivers its image. */
public interface FingerprintScanner extends Device {

    /**
     * Waits until a finger is on the sensor, then uploads its image. Blocks for up to
     * {@code timeout} plus the upload time, so call it from a worker thread, never the UI's.
     *
     * @throws CaptureTimeoutException no finger within the timeout
     * @throws DeviceException         the scanner failed, was unplugged or answered garbage
     */
    FingerImage captureFinger(Duration timeout) throws DeviceException;

    /** Makes a running {@link #captureFinger} give up at its next poll. Safe from any thread. */
    void cancel();
}
