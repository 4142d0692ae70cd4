package id.rekam.app.devices;

/**
 * A 0–100 quality score for a grayscale fingerprint image: the share of the sensor covered by
 * ridges times how clearly oriented they are (orientation certainty of the gradient structure
 * tensor per 16×16 block, the measure behind NFIQ's OCL feature). Smudged, dry or partial
 * prints score low; a well placed finger scores 60–90.
 */
public final class FingerQuality {

    static final int BLOCK = 16;
    /** Blocks whose gray-level spread is below this hold no ridges (background). */
    static final double MIN_BLOCK_STDDEV = 12;

    private FingerQuality() {
    }

    public static int score(byte[] pixels, int width, int height) {
        int blocksX = width / BLOCK;
        int blocksY = height / BLOCK;
        if (blocksX == 0 || blocksY == 0) {
            return 0;
        }
        double certaintySum = 0;
        int foreground = 0;
        for (int by = 0; by < blocksY; by++) {
            for (int bx = 0; bx < blocksX; bx++) {
                double[] b = block(pixels, width, bx * BLOCK, by * BLOCK);
                if (b[0] >= MIN_BLOCK_STDDEV) {
                    foreground++;
                    certaintySum += b[1];
                }
            }
        }
        if (foreground == 0) {
            return 0;
        }
        double coverage = (double) foreground / (blocksX * blocksY);
        double certainty = certaintySum / foreground;
        return (int) Math.round(Math.max(0, Math.min(100, 100 * Math.min(1, coverage / 0.7) * certainty)));
    }

    /** {stddev, orientation certainty 0..1} of one block. */
    private static double[] block(byte[] p, int width, int x0, int y0) {
        double sum = 0;
        double sumSq = 0;
        double gxx = 0;
        double gyy = 0;
        double gxy = 0;
        for (int y = y0; y < y0 + BLOCK; y++) {
            for (int x = x0; x < x0 + BLOCK; x++) {
                int v = p[y * width + x] & 0xff;
                sum += v;
                sumSq += (double) v * v;
                // Central differences: for noise they are uncorrelated, so noise has no orientation.
                if (x > 0 && y > 0 && x + 1 < width && y + 1 < p.length / width) {
                    int gx = (p[y * width + x + 1] & 0xff) - (p[y * width + x - 1] & 0xff);
                    int gy = (p[(y + 1) * width + x] & 0xff) - (p[(y - 1) * width + x] & 0xff);
                    gxx += gx * gx;
                    gyy += gy * gy;
                    gxy += gx * gy;
                }
            }
        }
        int n = BLOCK * BLOCK;
        double mean = sum / n;
        double stddev = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
        double trace = gxx + gyy;
        double certainty = trace == 0 ? 0 : Math.sqrt((gxx - gyy) * (gxx - gyy) + 4 * gxy * gxy) / trace;
        return new double[] {stddev, certainty};
    }
}
