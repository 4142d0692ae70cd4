package id.rekam.devices;

import id.rekam.core.domain.DeviceRef;

import java.time.Instant;
import java.util.Objects;

/**
 * A raw fingerprint image as the scanner delivered it: 8-bit grayscale, row-major, one
 * byte per pixel, plus the device that made it. Templates are extracted from it elsewhere.
 */
public record FingerImage(int width, int height, int dpi, byte[] pixels, DeviceRef device, Instant capturedAt) {

    public FingerImage {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(capturedAt, "capturedAt");
        if (width <= 0 || height <= 0 || pixels.length != width * height) {
            throw new IllegalArgumentException("pixels must hold width*height bytes");
        }
    }
}
