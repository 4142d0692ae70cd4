package id.rekam.core.photo;

import id.rekam.core.io.ImageIoCache;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The KTP-el portrait from a camera frame: the centred 3:4 crop, and the JPEG the record keeps. */
public final class Portraits {

    /**
     * ImageIO's default, which every station has written so far (~60 KB at 360×480); explicit
     * so that a JDK change cannot alter what a record holds.
     */
    public static final float JPEG_QUALITY = 0.75f;

    static {
        ImageIoCache.off();
    }

    private Portraits() {
    }

    /** The largest centred region of exactly 3:4 (width:height), as a new RGB image. */
    public static BufferedImage crop3x4(BufferedImage frame) {
        int w = frame.getWidth();
        int h = frame.getHeight();
        int cw;
        int ch;
        if (w * 4 > h * 3) {
            ch = h - h % 4;
            cw = ch / 4 * 3;
        } else {
            cw = w - w % 3;
            ch = cw / 3 * 4;
        }
        return toRgb(frame.getSubimage((w - cw) / 2, (h - ch) / 2, cw, ch));
    }

    /** Baseline JPEG at {@link #JPEG_QUALITY}; alpha is flattened onto white (JPEG has none). */
    public static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image.getType() == BufferedImage.TYPE_INT_RGB ? image : toRgb(image),
                    null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static BufferedImage toRgb(BufferedImage src) {
        BufferedImage rgb = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(src, 0, 0, Color.WHITE, null);
        g.dispose();
        return rgb;
    }
}
