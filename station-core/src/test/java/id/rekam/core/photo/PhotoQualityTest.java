package id.rekam.core.photo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Crop, JPEG and the desk's photo check on painted portraits at the resolutions webcams deliver. */
class PhotoQualityTest {

    private static final Color BLUE = new Color(31, 95, 191);
    private static final Color RED = new Color(198, 40, 40);
    private static final Color ORANGE = new Color(239, 125, 34);

    @Test
    void cropIsExactlyThreeByFourAndCentred() {
        BufferedImage landscape = Portraits.crop3x4(frame(BLUE, 640, 480));
        assertThat(landscape.getWidth()).isEqualTo(360);
        assertThat(landscape.getHeight()).isEqualTo(480);
        BufferedImage tall = Portraits.crop3x4(new BufferedImage(301, 1000, BufferedImage.TYPE_INT_RGB));
        assertThat(tall.getWidth()).isEqualTo(300);
        assertThat(tall.getHeight()).isEqualTo(400);
        BufferedImage odd = Portraits.crop3x4(new BufferedImage(1279, 719, BufferedImage.TYPE_INT_ARGB));
        assertThat(odd.getWidth() * 4).isEqualTo(odd.getHeight() * 3);
        assertThat(odd.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    }

    @Test
    void jpegDecodesBackAtTheSameSize() throws Exception {
        byte[] jpeg = Portraits.jpeg(Portraits.crop3x4(frame(BLUE, 640, 480)));
        assertThat(jpeg).startsWith(0xFF, 0xD8);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(back.getWidth()).isEqualTo(360);
        assertThat(back.getHeight()).isEqualTo(480);
    }

    @Test
    void wellLitPortraitOnTheRequiredBlueIsAccepted() {
        var v = PhotoQuality.judge(Portraits.crop3x4(frame(BLUE, 640, 480)), PhotoBackground.BLUE);
        assertThat(v.problems()).isEmpty();
        assertThat(v.ok()).isTrue();
        assertThat(v.background()).isEqualTo(PhotoBackground.BLUE);
    }

    @Test
    void backdropColoursAreToldApartAndCheckedOnlyWhenARuleApplies() {
        var red = PhotoQuality.judge(Portraits.crop3x4(frame(RED, 640, 480)), PhotoBackground.BLUE);
        assertThat(red.background()).isEqualTo(PhotoBackground.RED);
        assertThat(red.problems()).containsExactly(PhotoQuality.Problem.WRONG_BACKGROUND);
        assertThat(PhotoQuality.judge(Portraits.crop3x4(frame(ORANGE, 640, 480)), PhotoBackground.ORANGE).problems())
                .isEmpty();
        var grey = PhotoQuality.judge(Portraits.crop3x4(frame(new Color(128, 128, 128), 640, 480)), null);
        assertThat(grey.background()).isNull();
        assertThat(grey.problems()).isEmpty();
    }

    /**
     * The same scene, sharp and with the same optical blur (a Gaussian of σ = 1 px at 480 rows,
     * scaled with the frame): the verdict must not depend on the camera's resolution.
     */
    @ParameterizedTest
    @ValueSource(ints = {480, 720, 1080})
    void sharpnessVerdictDoesNotDependOnTheResolution(int rows) {
        int cols = rows == 480 ? 640 : rows * 16 / 9;
        var sharp = PhotoQuality.judge(Portraits.crop3x4(frame(BLUE, cols, rows)), PhotoBackground.BLUE);
        var soft = PhotoQuality.judge(Portraits.crop3x4(blur(frame(BLUE, cols, rows), rows / 480.0)),
                PhotoBackground.BLUE);
        System.out.printf("photo sharpness at %d rows: sharp %.1f, blurred %.1f (limit %.0f)%n", rows,
                sharp.sharpness(), soft.sharpness(), PhotoQuality.BLURRED_BELOW);
        assertThat(sharp.problems()).isEmpty();
        assertThat(soft.problems()).containsExactly(PhotoQuality.Problem.BLURRED);
    }

    /**
     * On a 1920×1080 frame the sensor's noise (two grey levels here) is most of the Laplacian at full
     * size: there a clearly blurred frame (σ = 4.5 px) scores above the limit. Measured on the
     * 360-pixel copy it is rejected and the sharp one still accepted.
     */
    @Test
    void noiseOfALargeFrameDoesNotPassForDetail() {
        BufferedImage sharp = Portraits.crop3x4(noisy(frame(BLUE, 1920, 1080), 2));
        BufferedImage soft = Portraits.crop3x4(noisy(blur(frame(BLUE, 1920, 1080), 4.5), 2));
        var s = PhotoQuality.judge(sharp, PhotoBackground.BLUE);
        var b = PhotoQuality.judge(soft, PhotoBackground.BLUE);
        System.out.printf("noisy 1920x1080: sharp %.1f, blurred %.1f on the %d-px copy%n", s.sharpness(),
                b.sharpness(), PhotoQuality.MEASURE_WIDTH);
        assertThat(s.problems()).isEmpty();
        assertThat(b.problems()).containsExactly(PhotoQuality.Problem.BLURRED);
    }

    @Test
    void darkAndBrightAreToldApartFromBlurred() {
        var dark = PhotoQuality.judge(Portraits.crop3x4(shifted(frame(BLUE, 640, 480), -150)), null);
        assertThat(dark.problems()).contains(PhotoQuality.Problem.TOO_DARK);
        assertThat(dark.brightness()).isLessThan(PhotoQuality.TOO_DARK_BELOW);
        BufferedImage white = new BufferedImage(300, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = white.createGraphics();
        g.setColor(new Color(250, 250, 250));
        g.fillRect(0, 0, 300, 400);
        g.dispose();
        assertThat(PhotoQuality.judge(white, null).problems())
                .containsExactly(PhotoQuality.Problem.TOO_BRIGHT, PhotoQuality.Problem.BLURRED);
    }

    @Test
    void backdropRule() {
        assertThat(PhotoBackground.required(false, LocalDate.of(1990, 5, 1))).contains(PhotoBackground.BLUE);
        assertThat(PhotoBackground.required(false, LocalDate.of(1991, 5, 1))).contains(PhotoBackground.RED);
        assertThat(PhotoBackground.required(true, LocalDate.of(1990, 5, 1))).contains(PhotoBackground.ORANGE);
        assertThat(PhotoBackground.required(true, null)).contains(PhotoBackground.ORANGE);
        assertThat(PhotoBackground.required(false, null)).isEmpty();
        assertThat(PhotoBackground.BLUE.web()).isEqualTo("#1f5fbf");
    }

    /** A head and shoulders with skin texture on a backdrop, scaled with the frame's height. */
    static BufferedImage frame(Color backdrop, int w, int h) {
        double s = h / 480.0;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(backdrop);
        g.fillRect(0, 0, w, h);
        double cx = w / 2.0;
        g.setColor(new Color(40, 44, 60));
        g.fill(new RoundRectangle2D.Double(cx - 120 * s, 330 * s, 240 * s, 200 * s, 120 * s, 120 * s));
        g.setColor(new Color(222, 178, 140));
        g.fill(new Ellipse2D.Double(cx - 70 * s, 110 * s, 140 * s, 180 * s));
        g.setColor(new Color(30, 26, 24));
        g.fill(new Ellipse2D.Double(cx - 74 * s, 96 * s, 148 * s, 70 * s));
        g.fill(new Ellipse2D.Double(cx - 37 * s, 180 * s, 18 * s, 10 * s));
        g.fill(new Ellipse2D.Double(cx + 19 * s, 180 * s, 18 * s, 10 * s));
        Random random = new Random(7);
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color(200 + random.nextInt(40), 160 + random.nextInt(30), 120 + random.nextInt(30)));
            g.fill(new Ellipse2D.Double(cx - 70 * s + random.nextInt(140) * s, (120 + random.nextInt(160)) * s,
                    2 * s, 2 * s));
        }
        g.dispose();
        return img;
    }

    static BufferedImage blur(BufferedImage src, double sigma) {
        int r = (int) Math.ceil(3 * sigma);
        int n = 2 * r + 1;
        float[] k = new float[n * n];
        double sum = 0;
        for (int y = -r; y <= r; y++) {
            for (int x = -r; x <= r; x++) {
                double v = Math.exp(-(x * x + y * y) / (2 * sigma * sigma));
                k[(y + r) * n + x + r] = (float) v;
                sum += v;
            }
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= (float) sum;
        }
        return new ConvolveOp(new Kernel(n, n, k), ConvolveOp.EDGE_NO_OP, null).filter(src, null);
    }

    static BufferedImage noisy(BufferedImage src, double greyLevels) {
        Random random = new Random(1);
        return offset(src, () -> (int) Math.round(random.nextGaussian() * greyLevels));
    }

    static BufferedImage shifted(BufferedImage src, int by) {
        return offset(src, () -> by);
    }

    /** Adds the same amount to the three channels of each pixel, a new amount per pixel. */
    private static BufferedImage offset(BufferedImage src, java.util.function.IntSupplier perPixel) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < src.getHeight(); y++) {
            for (int x = 0; x < src.getWidth(); x++) {
                int p = src.getRGB(x, y);
                int d = perPixel.getAsInt();
                out.setRGB(x, y, clamp(((p >> 16) & 0xff) + d) << 16 | clamp(((p >> 8) & 0xff) + d) << 8
                        | clamp((p & 0xff) + d));
            }
        }
        return out;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
