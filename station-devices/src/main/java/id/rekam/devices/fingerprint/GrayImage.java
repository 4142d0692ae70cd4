package id.rekam.devices.fingerprint;

import java.util.Arrays;
import java.util.Objects;

/**
 * An 8-bit grayscale image, row-major, one unsigned byte per pixel (0 = black), with the
 * resolution it was captured at. Fingerprint images are dark ridges on a light background.
 *
 * <p>The pixel array is held as given; callers must not mutate it afterwards.
 */
public record GrayImage(int width, int height, byte[] pixels, double dpi) {

    public GrayImage {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
        }
        Objects.requireNonNull(pixels, "pixels");
        if (pixels.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " pixels, got " + pixels.length);
        }
        if (!(dpi > 0)) {
            throw new IllegalArgumentException("dpi must be positive: " + dpi);
        }
    }

    /** Gray value 0–255 at (x, y). */
    public int gray(int x, int y) {
        return pixels[y * width + x] & 0xFF;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GrayImage other && width == other.width && height == other.height
                && Double.compare(dpi, other.dpi) == 0 && Arrays.equals(pixels, other.pixels);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(width, height, dpi) + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "GrayImage[" + width + "x" + height + " @" + dpi + " dpi]";
    }
}
