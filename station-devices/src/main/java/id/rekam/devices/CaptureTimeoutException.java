package id.rekam.devices;

/** Nothing to capture within the time allowed, e.g. no finger was placed on the scanner. */
public class CaptureTimeoutException extends DeviceException {

    public CaptureTimeoutException(String key, Object... args) {
        super(key, args);
    }
}
