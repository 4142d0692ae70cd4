package id.rekam.app.finger;

import id.rekam.app.ports.FingerprintService.FingerSample;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import java.io.ByteArrayInputStream;

/**
 * Shows a scanned print. R30x images are 256×288 at 4 bits per pixel (two pixels a byte,
 * high nibble first); other formats (PNG, 8-bit raw) are decoded as such.
 */
final class FingerImages {

    static final int R30X_W = 256;
    static final int R30X_H = 288;

    private FingerImages() {
    }

    static Image toImage(FingerSample s) {
        byte[] b = s.image();
        if (b == null || b.length == 0) {
            return null;
        }
        if (b.length == R30X_W * R30X_H / 2) {
            return gray(b, true);
        }
        if (b.length == R30X_W * R30X_H) {
            return gray(b, false);
        }
        Image img = new Image(new ByteArrayInputStream(b));
        return img.isError() ? null : img;
    }

    private static Image gray(byte[] b, boolean packed4) {
        int[] argb = new int[R30X_W * R30X_H];
        for (int i = 0; i < argb.length; i++) {
            int v = packed4 ? ((i % 2 == 0 ? (b[i / 2] >> 4) : b[i / 2]) & 0x0f) * 17 : b[i] & 0xff;
            argb[i] = 0xff000000 | v << 16 | v << 8 | v;
        }
        WritableImage img = new WritableImage(R30X_W, R30X_H);
        img.getPixelWriter().setPixels(0, 0, R30X_W, R30X_H, PixelFormat.getIntArgbInstance(), argb, 0, R30X_W);
        return img;
    }
}
