package id.rekam.devices.fingerprint;

/**
 * Converts between the R30x/ZFM image buffer as sent by {@code UpImage} (256×288 pixels,
 * 4 bits each, two pixels per byte, the left pixel in the high nibble, rows top to bottom)
 * and 8-bit gray. The packing follows the public pyfingerprint and Adafruit sources; the
 * nibble is scaled by 17 so that 0x0 maps to 0 and 0xF to 255.
 */
public final class R30xImages {

    public static final int WIDTH = 256;
    public static final int HEIGHT = 288;
    /** Bytes of one packed image: 256 × 288 / 2. */
    public static final int PACKED_LENGTH = WIDTH * HEIGHT / 2;
    /** The R30x optical sensors sample at 500 dpi. */
    public static final double DPI = 500;

    private R30xImages() {
    }

    /** Unpacks a 36,864-byte {@code UpImage} payload into a 256×288 8-bit image. */
    public static GrayImage unpack(byte[] packed) {
        if (packed.length != PACKED_LENGTH) {
            throw new IllegalArgumentException("R30x image must be " + PACKED_LENGTH + " bytes, got " + packed.length);
        }
        byte[] gray = new byte[WIDTH * HEIGHT];
        for (int i = 0; i < packed.length; i++) {
            int b = packed[i] & 0xFF;
            gray[2 * i] = (byte) ((b >>> 4) * 17);
            gray[2 * i + 1] = (byte) ((b & 0x0F) * 17);
        }
        return new GrayImage(WIDTH, HEIGHT, gray, DPI);
    }

    /**
     * Packs a 256×288 8-bit image into the sensor's 4-bit format (rounding to the nearest
     * of the 16 levels). Used by the scanner emulator, which must send what a sensor sends.
     */
    public static byte[] pack(GrayImage image) {
        if (image.width() != WIDTH || image.height() != HEIGHT) {
            throw new IllegalArgumentException("R30x image must be " + WIDTH + "x" + HEIGHT + ", got "
                    + image.width() + "x" + image.height());
        }
        byte[] pixels = image.pixels();
        byte[] packed = new byte[PACKED_LENGTH];
        for (int i = 0; i < packed.length; i++) {
            int hi = ((pixels[2 * i] & 0xFF) + 8) / 17;
            int lo = ((pixels[2 * i + 1] & 0xFF) + 8) / 17;
            packed[i] = (byte) ((hi << 4) | lo);
        }
        return packed;
    }
}
