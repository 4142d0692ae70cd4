package id.rekam.devices.scanner;

import id.rekam.devices.fingerprint.R30xImages;

/**
 * Where the scanner emulator gets "the finger on the sensor": a 256×288 8-bit grayscale
 * image, row-major (dark ridges on a light background, as a sensor sees them). The synthetic
 * fingerprint generator plugs in here; the tests also use a plain test pattern
 * ({@code TestPatternFingerImageSource}, test sources).
 */
@FunctionalInterface
public interface FingerImageSource {

    int WIDTH = R30xImages.WIDTH;
    int HEIGHT = R30xImages.HEIGHT;

    /**
     * The image for the {@code placement}-th time a finger is put on the sensor (0, 1, …),
     * so a source can vary fingers or impressions. Must return WIDTH×HEIGHT bytes.
     */
    byte[] image(int placement);

    /**
     * Changes whenever the next finger to place changes (a simulated person steps up to the
     * desk): an image made ahead of time under another version is thrown away and made again.
     */
    default long version() {
        return 0;
    }
}
