package id.rekam.devices.scanner;

/**
 * The module's image format: 256×288 pixels, 4 bits each, two pixels per byte with the
 * left pixel in the high nibble. Decoding stretches 0..15 to 0..255 (×17) so white stays white.
 */
public final class R30xImages {

    public static final int WIDTH = 256;
    public static final int HEIGHT = 288;
    public static final int DPI = 500;
    public static final int PACKED_SIZE = WIDTH * HEIGHT / 2;

    private R30xImages() {
    }

    public static byte[] unpack(byte[] packed) {
        if (packed.length != PACKED_SIZE) {
            throw new IllegalArgumentException("expected " + PACKED_SIZE + " bytes, got " + packed.length);
        }
        byte[] gray = new byte[WIDTH * HEIGHT];
        for (int i = 0; i < packed.length; i++) {
            int b = packed[i] & 0xFF;
            gray[2 * i] = (byte) ((b >> 4) * 17);
            gray[2 * i + 1] = (byte) ((b & 0x0F) * 17);
        }
        return gray;
    }

    /** 8-bit gray to the module's 4-bit format (what a sensor would send), rounding to the nearest of 16 levels. */
    public static byte[] pack(byte[] gray) {
        if (gray.length != WIDTH * HEIGHT) {
            throw new IllegalArgumentException("expected " + WIDTH * HEIGHT + " pixels, got " + gray.length);
        }
        byte[] packed = new byte[PACKED_SIZE];
        for (int i = 0; i < packed.length; i++) {
            int hi = ((gray[2 * i] & 0xFF) + 8) / 17;
            int lo = ((gray[2 * i + 1] & 0xFF) + 8) / 17;
            packed[i] = (byte) ((hi << 4) | lo);
        }
        return packed;
    }
}
