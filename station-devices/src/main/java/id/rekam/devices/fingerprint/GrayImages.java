package id.rekam.devices.fingerprint;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** PNG (or any ImageIO format) to {@link GrayImage} and back; colour is reduced to luminance. */
public final class GrayImages {

    static {
        // Fingerprint images must not pass through ImageIO's temp-file cache.
        id.rekam.core.io.ImageIoCache.off();
    }

    private GrayImages() {
    }

    public static GrayImage decode(byte[] encoded, double dpi) {
        BufferedImage source;
        try {
            source = ImageIO.read(new ByteArrayInputStream(encoded));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (source == null) {
            throw new IllegalArgumentException("not a readable image");
        }
        int w = source.getWidth();
        int h = source.getHeight();
        BufferedImage gray = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        gray.getGraphics().drawImage(source, 0, 0, null);
        byte[] pixels = new byte[w * h];
        gray.getRaster().getDataElements(0, 0, w, h, pixels);
        return new GrayImage(w, h, pixels, dpi);
    }

    public static byte[] encodePng(GrayImage image) {
        BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_BYTE_GRAY);
        out.getRaster().setDataElements(0, 0, image.width(), image.height(), image.pixels());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(out, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
