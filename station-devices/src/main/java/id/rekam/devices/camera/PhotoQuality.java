package id.rekam.devices.camera;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Exposure and focus of a frame for the operator's live feedback: mean luma (0..255) and
 * sharpness as the variance of the Laplacian of the luma, measured on a copy scaled to a
 * fixed width so the numbers do not depend on the camera's resolution.
 */
public record PhotoQuality(double meanLuma, double sharpness, Verdict verdict) {

    /** What to tell the operator; the key names a text in the device message bundle. */
    public enum Verdict {
        OK("photo.ok"), TOO_DARK("photo.tooDark"), TOO_BRIGHT("photo.tooBright"), BLURRY("photo.blurry");

        private final String messageKey;

        Verdict(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    public static final int MEASURE_WIDTH = 320;
    public static final double TOO_DARK_BELOW = 60;
    public static final double TOO_BRIGHT_ABOVE = 200;
    /** Variance of the Laplacian below which a face at this scale looks soft. */
    public static final double BLURRY_BELOW = 100;

    public static PhotoQuality measure(BufferedImage image) {
        int w = MEASURE_WIDTH;
        int h = Math.max(3, (int) Math.round((double) image.getHeight() * w / image.getWidth()));
        BufferedImage gray = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = gray.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        int[] px = gray.getRaster().getPixels(0, 0, w, h, (int[]) null);

        double sum = 0;
        for (int v : px) {
            sum += v;
        }
        double mean = sum / px.length;

        double lapSum = 0;
        double lapSq = 0;
        int n = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                int lap = px[i - w] + px[i + w] + px[i - 1] + px[i + 1] - 4 * px[i];
                lapSum += lap;
                lapSq += (double) lap * lap;
                n++;
            }
        }
        double lapMean = lapSum / n;
        double variance = lapSq / n - lapMean * lapMean;

        Verdict verdict;
        if (mean < TOO_DARK_BELOW) {
            verdict = Verdict.TOO_DARK;
        } else if (mean > TOO_BRIGHT_ABOVE) {
            verdict = Verdict.TOO_BRIGHT;
        } else if (variance < BLURRY_BELOW) {
            verdict = Verdict.BLURRY;
        } else {
            verdict = Verdict.OK;
        }
        return new PhotoQuality(mean, variance, verdict);
    }
}
