package id.rekam.devices.camera;

import id.rekam.core.domain.DeviceRef;
import id.rekam.core.domain.PhotoCapture;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Crop, JPEG and quality measures on synthetic images (frames of the SIMULATED camera). */
class PhotoToolsTest {

    private final SimulatedWebcamDevice sim = new SimulatedWebcamDevice(1, Clock.systemUTC());
    private final BufferedImage frame = sim.render(640, 480, 1_700_000_000_000L, 7);

    @Test
    void cropIsCentred3by4Portrait() {
        BufferedImage landscape = Photos.cropTo3x4(frame);
        assertThat(landscape.getWidth() * 4).isEqualTo(landscape.getHeight() * 3);
        assertThat(landscape.getHeight()).isEqualTo(480);
        assertThat(landscape.getWidth()).isEqualTo(360);

        BufferedImage tall = Photos.cropTo3x4(new BufferedImage(300, 1000, BufferedImage.TYPE_INT_RGB));
        assertThat(tall.getWidth()).isEqualTo(300);
        assertThat(tall.getHeight()).isEqualTo(400);
    }

    @Test
    void jpegDecodesBackAtTheSameSizeAndQualityChangesSize() throws Exception {
        BufferedImage crop = Photos.cropTo3x4(frame);
        byte[] good = Photos.jpeg(crop, 0.9f);
        byte[] poor = Photos.jpeg(crop, 0.3f);
        assertThat(good).startsWith(0xFF, 0xD8);
        assertThat(poor.length).isLessThan(good.length);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(good));
        assertThat(back.getWidth()).isEqualTo(360);
        assertThat(back.getHeight()).isEqualTo(480);
    }

    @Test
    void captureCarriesTheDeviceIncludingTheSimulatedFlag() {
        DeviceRef ref = new DeviceRef("cam-sim-1", "camera", "SIMULATED camera 1", "", "Kec. Kronjo", true);
        PhotoCapture capture = Photos.capture(frame, ref, "op-7", Instant.parse("2026-11-25T08:00:00Z"));
        assertThat(capture.provenance().device().simulated()).isTrue();
        assertThat(capture.provenance().operatorId()).isEqualTo("op-7");
        assertThat(capture.jpeg()).isNotEmpty();
    }

    @Test
    void sharpFrameIsOkAndItsBlurredCopyIsBlurry() {
        PhotoQuality sharp = PhotoQuality.measure(frame);
        PhotoQuality blurred = PhotoQuality.measure(blur(frame, 9));
        System.out.printf("Laplacian variance: sharp %.1f, blurred %.1f%n", sharp.sharpness(), blurred.sharpness());
        assertThat(sharp.verdict()).isEqualTo(PhotoQuality.Verdict.OK);
        assertThat(blurred.verdict()).isEqualTo(PhotoQuality.Verdict.BLURRY);
        assertThat(sharp.sharpness()).isGreaterThan(5 * blurred.sharpness());
    }

    @Test
    void darkAndBrightFramesAreFlagged() {
        PhotoQuality dark = PhotoQuality.measure(scale(frame, 0.15f, 0));
        PhotoQuality bright = PhotoQuality.measure(scale(frame, 0.3f, 200));
        assertThat(dark.verdict()).isEqualTo(PhotoQuality.Verdict.TOO_DARK);
        assertThat(dark.meanLuma()).isLessThan(PhotoQuality.TOO_DARK_BELOW);
        assertThat(bright.verdict()).isEqualTo(PhotoQuality.Verdict.TOO_BRIGHT);
        assertThat(bright.meanLuma()).isGreaterThan(PhotoQuality.TOO_BRIGHT_ABOVE);
        assertThat(PhotoQuality.measure(frame).meanLuma()).isBetween(PhotoQuality.TOO_DARK_BELOW, PhotoQuality.TOO_BRIGHT_ABOVE);
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
