package id.rekam.bench.fingerprint;

import java.util.Arrays;
import java.util.Locale;

/** Sorted sample with nearest-rank percentiles. */
final class Stats {

    private final double[] sorted;

    Stats(double[] values) {
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    int size() {
        return sorted.length;
    }

    double percentile(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    double max() {
        return sorted[sorted.length - 1];
    }

    double mean() {
        double s = 0;
        for (double v : sorted) {
            s += v;
        }
        return s / sorted.length;
    }

    /** Share of values at or above the threshold. */
    double rateAtOrAbove(double threshold) {
        int count = 0;
        for (double v : sorted) {
            if (v >= threshold) {
                count++;
            }
        }
        return count / (double) sorted.length;
    }

    long countAtOrAbove(double threshold) {
        return Math.round(rateAtOrAbove(threshold) * sorted.length);
    }

    static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
