package id.rekam.devices.camera;

import id.rekam.core.photo.PhotoQuality;
import id.rekam.core.photo.Portraits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** The SIMULATED camera's frames go through the desk's photo check like a real camera's (demo mode relies on it). */
class SimulatedCameraPhotoTest {

    private final SimulatedWebcamDevice sim = new SimulatedWebcamDevice(1, Clock.systemUTC());

    @ParameterizedTest
    @CsvSource({"640, 480", "320, 240"})
    void itsFramesAreAcceptedAndTheirBlurredCopiesAreNot(int width, int height) {
        BufferedImage frame = sim.render(width, height, 1_700_000_000_000L, 7);
        var sharp = PhotoQuality.judge(Portraits.crop3x4(frame), null);
        var blurred = PhotoQuality.judge(Portraits.crop3x4(blur(frame, 9)), null);
        System.out.printf("SIMULATED %dx%d: sharpness %.1f, blurred copy %.1f%n", width, height, sharp.sharpness(),
                blurred.sharpness());
        assertThat(sharp.problems()).isEmpty();
        assertThat(blurred.problems()).containsExactly(PhotoQuality.Problem.BLURRED);
    }

    @Test
    void darkAndBrightFramesAreFlagged() {
        BufferedImage frame = sim.render(640, 480, 1_700_000_000_000L, 7);
        var dark = PhotoQuality.judge(Portraits.crop3x4(scale(frame, 0.15f, 0)), null);
        var bright = PhotoQuality.judge(Portraits.crop3x4(scale(frame, 0.3f, 200)), null);
        assertThat(dark.problems()).contains(PhotoQuality.Problem.TOO_DARK);
        assertThat(bright.problems()).contains(PhotoQuality.Problem.TOO_BRIGHT);
    }

    private static BufferedImage blur(BufferedImage src, int size) {
        float[] k = new float[size * size];
        java.util.Arrays.fill(k, 1f / k.length);
        return new ConvolveOp(new Kernel(size, size, k), ConvolveOp.EDGE_NO_OP, null).filter(src, null);
    }

    private static BufferedImage scale(BufferedImage src, float factor, int offset) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < src.getHeight(); y++) {
            for (int x = 0; x < src.getWidth(); x++) {
                Color c = new Color(src.getRGB(x, y));
                out.setRGB(x, y, new Color(clamp(c.getRed() * factor + offset), clamp(c.getGreen() * factor + offset),
                        clamp(c.getBlue() * factor + offset)).getRGB());
            }
        }
        return out;
    }

    private static int clamp(float v) {
        return Math.max(0, Math.min(255, Math.round(v)));
    }
}
