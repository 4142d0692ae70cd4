package id.rekam.app.photo;

import id.rekam.app.enroll.PhotoBackground;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges a captured photo before it is accepted: exposure (mean luminance), sharpness
 * (variance of the Laplacian) and whether the background has the colour the birth-year
 * rule requires. Thresholds are for 8-bit luminance on the 3:4 crop.
 */
public final class PhotoQuality {

    static final double TOO_DARK = 60;
    static final double TOO_BRIGHT = 200;
    static final double BLURRED = 40;

    public enum Problem { TOO_DARK, TOO_BRIGHT, BLURRED, WRONG_BACKGROUND }

    public record Verdict(double brightness, double sharpness, PhotoBackground background, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private PhotoQuality() {
    }

    /** The centred 3:4 (portrait) crop of a frame. */
    public static BufferedImage crop34(BufferedImage frame) {
        int w = frame.getWidth();
        int h = frame.getHeight();
        int cw = Math.min(w, h * 3 / 4);
        int ch = cw * 4 / 3;
        BufferedImage out = new BufferedImage(cw, ch, BufferedImage.TYPE_INT_RGB);
        out.getGraphics().drawImage(frame.getSubimage((w - cw) / 2, (h - ch) / 2, cw, ch), 0, 0, null);
        return out;
    }

    public static Verdict judge(BufferedImage img, PhotoBackground required) {
        int w = img.getWidth();
        int h = img.getHeight();
        double[][] lum = new double[h][w];
        double sum = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = img.getRGB(x, y);
                double l = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
                lum[y][x] = l;
                sum += l;
            }
        }
        double brightness = sum / ((double) w * h);
        double sharpness = laplacianVariance(lum, w, h);
        PhotoBackground seen = background(img);
        List<Problem> problems = new ArrayList<>();
        if (brightness < TOO_DARK) {
            problems.add(Problem.TOO_DARK);
        } else if (brightness > TOO_BRIGHT) {
            problems.add(Problem.TOO_BRIGHT);
        }
        if (sharpness < BLURRED) {
            problems.add(Problem.BLURRED);
        }
        if (required != null && seen != required) {
            problems.add(Problem.WRONG_BACKGROUND);
        }
        return new Verdict(brightness, sharpness, seen, List.copyOf(problems));
    }

    private static double laplacianVariance(double[][] lum, int w, int h) {
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                double v = lum[y - 1][x] + lum[y + 1][x] + lum[y][x - 1] + lum[y][x + 1] - 4 * lum[y][x];
                sum += v;
                sumSq += v * v;
                n++;
            }
        }
        double mean = sum / n;
        return sumSq / n - mean * mean;
    }

    /** The background colour class, read from the two top corners (the head is in the middle). */
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
        if (rr > bb + 40 && rr > gg + 70) {
            return PhotoBackground.RED;
        }
        if (rr > bb + 60 && gg > bb + 20) {
            return PhotoBackground.ORANGE;
        }
        return null;
    }
}
