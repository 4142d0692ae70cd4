package id.rekam.devices.fingerprint.synth;

import java.util.List;

/**
 * The ideal ridge pattern of one synthetic finger, before any impression is taken: a
 * field of ridge values in [−1, 1] (positive = ridge) over the whole fingertip, the
 * finger's silhouette, and the singular points it was built from. Coordinates are
 * pixels at 500 dpi. Instances are immutable; the arrays are not exposed.
 */
public final class MasterFingerprint {

    /** A core or delta position on the master canvas. */
    public record SingularPoint(double x, double y) {
    }

    private final long seed;
    private final long finger;
    private final PatternClass patternClass;
    private final int width;
    private final int height;
    private final float[] ridges;
    private final float[] mask;
    private final double ridgePeriod;
    private final double centerX;
    private final double centerY;
    private final List<SingularPoint> cores;
    private final List<SingularPoint> deltas;

    MasterFingerprint(long seed, long finger, PatternClass patternClass, int width, int height, float[] ridges,
                      float[] mask, double ridgePeriod, double centerX, double centerY,
                      List<SingularPoint> cores, List<SingularPoint> deltas) {
        this.seed = seed;
        this.finger = finger;
        this.patternClass = patternClass;
        this.width = width;
        this.height = height;
        this.ridges = ridges;
        this.mask = mask;
        this.ridgePeriod = ridgePeriod;
        this.centerX = centerX;
        this.centerY = centerY;
        this.cores = List.copyOf(cores);
        this.deltas = List.copyOf(deltas);
    }

    public long seed() {
        return seed;
    }

    public long finger() {
        return finger;
    }

    public PatternClass patternClass() {
        return patternClass;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Mean ridge period (ridge-to-ridge distance) in pixels at 500 dpi. */
    public double ridgePeriod() {
        return ridgePeriod;
    }

    public List<SingularPoint> cores() {
        return cores;
    }

    public List<SingularPoint> deltas() {
        return deltas;
    }

    /** Where a scanner centres the finger pad: a little below the core region. */
    double centerX() {
        return centerX;
    }

    double centerY() {
        return centerY;
    }

    /** Ridge value at a sub-pixel position, bilinear; 0 outside the canvas. */
    double ridgeAt(double x, double y) {
        return bilinear(ridges, x, y);
    }

    /** Finger silhouette 0–1 at a sub-pixel position. */
    double maskAt(double x, double y) {
        return bilinear(mask, x, y);
    }

    private double bilinear(float[] field, double x, double y) {
        if (!(x >= 0 && y >= 0 && x < width - 1 && y < height - 1)) {
            return 0;
        }
        int x0 = (int) x;
        int y0 = (int) y;
        double fx = x - x0;
        double fy = y - y0;
        int i = y0 * width + x0;
        double top = field[i] + (field[i + 1] - field[i]) * fx;
        double bottom = field[i + width] + (field[i + width + 1] - field[i + width]) * fx;
        return top + (bottom - top) * fy;
    }

    /** An 8-bit rendering of the ideal pattern (dark ridges), for inspection and docs. */
    public byte[] render() {
        byte[] out = new byte[width * height];
        for (int i = 0; i < out.length; i++) {
            double dark = 0.5 + 0.5 * ridges[i];
            double v = 255 - 255 * dark * mask[i];
            out[i] = (byte) Math.max(0, Math.min(255, (int) (v + 0.5)));
        }
        return out;
    }
}
