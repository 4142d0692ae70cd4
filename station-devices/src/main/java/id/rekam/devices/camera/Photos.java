package id.rekam.devices.camera;

import id.rekam.core.domain.CaptureProvenance;
import id.rekam.core.domain.DeviceRef;
import id.rekam.core.domain.PhotoCapture;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** Photo helpers without UI: the KTP-el 3:4 portrait crop and JPEG encoding. */
public final class Photos {

    public static final float DEFAULT_JPEG_QUALITY = 0.9f;

    private Photos() {
    }

    /** The largest centred 3:4 (width:height) portrait region, as a new RGB image. */
    public static BufferedImage cropTo3x4(BufferedImage src) {
        int w = src.getWidth();
        int h = src.getHeight();
        int cw;
        int ch;
        if (w * 4 > h * 3) {
            ch = h - h % 4;
            cw = ch / 4 * 3;
        } else {
            cw = w - w % 3;
            ch = cw / 3 * 4;
        }
        return toRgb(src.getSubimage((w - cw) / 2, (h - ch) / 2, cw, ch));
    }

    /** Baseline JPEG at the given quality (0..1); alpha is dropped (JPEG has none). */
    public static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(toRgb(image), null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** A camera frame as the record's photo: cropped 3:4, JPEG, with who/what/when. */
    public static PhotoCapture capture(BufferedImage frame, DeviceRef device, String operatorId, Instant at) {
        return new PhotoCapture(jpeg(cropTo3x4(frame), DEFAULT_JPEG_QUALITY), new CaptureProvenance(device, operatorId, at));
    }

    static BufferedImage toRgb(BufferedImage src) {
        BufferedImage rgb = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(src, 0, 0, java.awt.Color.WHITE, null);
        g.dispose();
        return rgb;
    }
}
