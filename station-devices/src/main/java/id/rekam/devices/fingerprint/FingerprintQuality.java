package id.rekam.devices.fingerprint;

/**
 * A 0–100 quality score for the capture screen. SourceAFIS 3.18 has no public quality
 * API (only extraction, matching and template export), so the score combines three
 * things we can measure:
 *
 * <ul>
 *   <li><b>coverage</b> — the image is cut into 16×16 blocks; a block is foreground when
 *       its gray-level standard deviation is at least {@value #FOREGROUND_STDDEV}, i.e.
 *       it has ridges rather than empty glass. Coverage = foreground blocks / all blocks.</li>
 *   <li><b>clarity</b> — per foreground block, the coherence of the gradient structure
 *       tensor ((λ1 − λ2)/(λ1 + λ2): 1 for parallel ridges, 0 for noise or smudge) times a
 *       contrast factor min(1, stddev / 40); averaged over the foreground.</li>
 *   <li><b>minutiae</b> — min(1, count / {@value #GOOD_MINUTIAE}); a 256×288 sensor sees
 *       about 30–50 minutiae of a well-placed finger.</li>
 * </ul>
 *
 * score = round(100 × √coverage × (0.5 × clarity + 0.5 × minutiae)). Coverage enters as
 * a square root so a slightly small print is mildly penalised and an empty one scores 0.
 */
public final class FingerprintQuality {

    static final int BLOCK = 16;
    static final double FOREGROUND_STDDEV = 12;
    static final int GOOD_MINUTIAE = 35;

    private FingerprintQuality() {
    }

    public static QualityReport assess(GrayImage image, int minutiae) {
        int bw = image.width() / BLOCK;
        int bh = image.height() / BLOCK;
        int blocks = 0;
        int foreground = 0;
        double claritySum = 0;
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                blocks++;
                double stddev = stddev(image, bx * BLOCK, by * BLOCK);
                if (stddev < FOREGROUND_STDDEV) {
                    continue;
                }
                foreground++;
                claritySum += coherence(image, bx * BLOCK, by * BLOCK) * Math.min(1.0, stddev / 40.0);
            }
        }
        double coverage = blocks == 0 ? 0 : (double) foreground / blocks;
        double clarity = foreground == 0 ? 0 : claritySum / foreground;
        double minutiaeScore = Math.min(1.0, minutiae / (double) GOOD_MINUTIAE);
        double score = 100 * Math.sqrt(coverage) * (0.5 * clarity + 0.5 * minutiaeScore);
        int rounded = (int) Math.max(0, Math.min(100, Math.round(score)));
        return new QualityReport(rounded, minutiae, coverage, clarity);
    }

    private static double stddev(GrayImage image, int x0, int y0) {
        double sum = 0;
        double sq = 0;
        for (int y = y0; y < y0 + BLOCK; y++) {
            for (int x = x0; x < x0 + BLOCK; x++) {
                int g = image.gray(x, y);
                sum += g;
                sq += g * g;
            }
        }
        int n = BLOCK * BLOCK;
        double mean = sum / n;
        return Math.sqrt(Math.max(0, sq / n - mean * mean));
    }

    private static double coherence(GrayImage image, int x0, int y0) {
        double gxx = 0;
        double gyy = 0;
        double gxy = 0;
        for (int y = y0; y < y0 + BLOCK; y++) {
            for (int x = x0; x < x0 + BLOCK; x++) {
                int xl = Math.max(0, x - 1);
                int xr = Math.min(image.width() - 1, x + 1);
                int yt = Math.max(0, y - 1);
                int yb = Math.min(image.height() - 1, y + 1);
                double gx = image.gray(xr, y) - image.gray(xl, y);
                double gy = image.gray(x, yb) - image.gray(x, yt);
                gxx += gx * gx;
                gyy += gy * gy;
                gxy += gx * gy;
            }
        }
        double energy = gxx + gyy;
        if (energy == 0) {
            return 0;
        }
        return Math.sqrt((gxx - gyy) * (gxx - gyy) + 4 * gxy * gxy) / energy;
    }
}
