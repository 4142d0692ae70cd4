package id.rekam.core.photo;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges a portrait (the 3:4 crop) before the desk accepts it: exposure as the mean Rec. 601
 * luma (0–255), sharpness as the variance of the Laplacian of the luma, and whether the backdrop
 * has the colour the rule requires.
 *
 * <p>Exposure and sharpness are measured on a copy area-averaged down to {@link #MEASURE_WIDTH}
 * pixels, the width of the crop of a 640×480 frame (the simulated and the test cameras' size; that
 * crop is measured as it is, so the limits keep the meaning they had when measured there). At full size
 * the Laplacian of a larger frame measures the sensor's noise more than the focus: a 1920×1080
 * portrait blurred by σ = 4.5 px with two grey levels of noise scores 82 at full size, above the
 * limit, and 19 on the copy ({@code PhotoQualityTest}; docs/design/devices.md, "Photo quality").
 */
public final class PhotoQuality {

    public static final int MEASURE_WIDTH = 360;
    public static final double TOO_DARK_BELOW = 60;
    public static final double TOO_BRIGHT_ABOVE = 200;
    /** Separates sharp portraits from those blurred by a Gaussian of σ ≥ 1 px at 640×480. */
    public static final double BLURRED_BELOW = 40;

    public enum Problem { TOO_DARK, TOO_BRIGHT, BLURRED, WRONG_BACKGROUND }

    /** @param background the backdrop colour seen, null when it is none of the three */
    public record Verdict(double brightness, double sharpness, PhotoBackground background, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private PhotoQuality() {
    }

    /** @param required the backdrop the rule asks for; null when not known (no background check) */
    public static Verdict judge(BufferedImage portrait, PhotoBackground required) {
        Luma luma = Luma.of(portrait).areaAveraged(MEASURE_WIDTH);
        double brightness = luma.mean();
        double sharpness = luma.laplacianVariance();
        PhotoBackground seen = background(portrait);
        List<Problem> problems = new ArrayList<>();
        if (brightness < TOO_DARK_BELOW) {
            problems.add(Problem.TOO_DARK);
        } else if (brightness > TOO_BRIGHT_ABOVE) {
            problems.add(Problem.TOO_BRIGHT);
        }
        if (sharpness < BLURRED_BELOW) {
            problems.add(Problem.BLURRED);
        }
        if (required != null && seen != required) {
            problems.add(Problem.WRONG_BACKGROUND);
        }
        return new Verdict(brightness, sharpness, seen, List.copyOf(problems));
    }

    /** The backdrop's colour class, read from the two top corners (the head is in the middle). */
    static PhotoBackground background(BufferedImage img) {
        int bw = Math.max(1, img.getWidth() / 8);
        int bh = Math.max(1, img.getHeight() / 8);
        long r = 0;
        long g = 0;
        long b = 0;
        int n = 0;
        for (int y = 0; y < bh; y++) {
            for (int x = 0; x < bw; x++) {
                for (int px : new int[] {img.getRGB(x, y), img.getRGB(img.getWidth() - 1 - x, y)}) {
                    r += (px >> 16) & 0xff;
                    g += (px >> 8) & 0xff;
                    b += px & 0xff;
                    n++;
                }
            }
        }
        double rr = (double) r / n;
        double gg = (double) g / n;
        double bb = (double) b / n;
        if (bb > rr + 30 && bb > gg + 10) {
            return PhotoBackground.BLUE;
        }
        // Orange before red: the official orange (239, 125, 34) is also far redder than green; what
        // tells it from red is green well above blue (91 there, 0 in the official red).
        if (rr > bb + 60 && gg > bb + 40) {
            return PhotoBackground.ORANGE;
        }
        if (rr > bb + 40 && rr > gg + 70) {
            return PhotoBackground.RED;
        }
        return null;
    }

    /** A luma plane, row-major. */
    private record Luma(double[] v, int w, int h) {

        static Luma of(BufferedImage img) {
            int w = img.getWidth();
            int h = img.getHeight();
            int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
            double[] v = new double[rgb.length];
            for (int i = 0; i < rgb.length; i++) {
                int p = rgb[i];
                v[i] = 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
            }
            return new Luma(v, w, h);
        }

        /** Each target pixel the mean of the source pixels under it; unchanged when not wider than {@code width}. */
        Luma areaAveraged(int width) {
            if (w <= width) {
                return this;
            }
            int height = Math.max(3, (int) Math.round((double) h * width / w));
            double[] out = new double[width * height];
            for (int ty = 0; ty < height; ty++) {
                int y0 = (int) ((long) ty * h / height);
                int y1 = Math.max(y0 + 1, (int) ((long) (ty + 1) * h / height));
                for (int tx = 0; tx < width; tx++) {
                    int x0 = (int) ((long) tx * w / width);
                    int x1 = Math.max(x0 + 1, (int) ((long) (tx + 1) * w / width));
                    double sum = 0;
                    for (int y = y0; y < y1; y++) {
                        for (int x = x0; x < x1; x++) {
                            sum += v[y * w + x];
                        }
                    }
                    out[ty * width + tx] = sum / ((y1 - y0) * (x1 - x0));
                }
            }
            return new Luma(out, width, height);
        }

        double mean() {
            double sum = 0;
            for (double l : v) {
                sum += l;
            }
            return sum / v.length;
        }

        double laplacianVariance() {
            double sum = 0;
            double sumSq = 0;
            int n = 0;
            for (int y = 1; y < h - 1; y++) {
                for (int x = 1; x < w - 1; x++) {
                    int i = y * w + x;
                    double lap = v[i - w] + v[i + w] + v[i - 1] + v[i + 1] - 4 * v[i];
                    sum += lap;
                    sumSq += lap * lap;
                    n++;
                }
            }
            if (n == 0) {
                return 0; // fewer than three rows or columns: nothing to call sharp
            }
            double mean = sum / n;
            return sumSq / n - mean * mean;
        }
    }
}
