package id.rekam.devices.fingerprint.synth;

/**
 * Even-symmetric Gabor kernels for every quantised (orientation, ridge period) pair, built
 * once and shared. Each kernel has zero mean (so flat areas give no response) and gives
 * response 1 to a cosine ridge wave of its own orientation and period, which makes the
 * growth iteration's gain independent of the period.
 */
final class GaborBank {

    static final int ORIENTATIONS = 32;
    static final double MIN_PERIOD = 3.6;
    static final double PERIOD_STEP = 0.2;
    static final int PERIODS = 12;

    private final float[][] kernels = new float[ORIENTATIONS * PERIODS][];
    private final int[] radii = new int[ORIENTATIONS * PERIODS];
    private final int maxRadius;

    private static final GaborBank SHARED = new GaborBank();

    static GaborBank shared() {
        return SHARED;
    }

    private GaborBank() {
        int max = 0;
        for (int p = 0; p < PERIODS; p++) {
            double period = MIN_PERIOD + p * PERIOD_STEP;
            double sigmaAcross = 0.45 * period;
            double sigmaAlong = 0.60 * period;
            int r = (int) StrictMath.ceil(2.1 * sigmaAlong);
            max = Math.max(max, r);
            for (int o = 0; o < ORIENTATIONS; o++) {
                double theta = StrictMath.PI * o / ORIENTATIONS;
                kernels[index(o, p)] = build(theta, period, sigmaAcross, sigmaAlong, r);
                radii[index(o, p)] = r;
            }
        }
        maxRadius = max;
    }

    static int index(int orientation, int period) {
        return period * ORIENTATIONS + orientation;
    }

    static int orientationBin(double theta) {
        double t = theta % StrictMath.PI;
        if (t < 0) {
            t += StrictMath.PI;
        }
        int bin = (int) StrictMath.floor(t / StrictMath.PI * ORIENTATIONS + 0.5);
        return bin % ORIENTATIONS;
    }

    static int periodBin(double period) {
        int bin = (int) StrictMath.floor((period - MIN_PERIOD) / PERIOD_STEP + 0.5);
        return Math.max(0, Math.min(PERIODS - 1, bin));
    }

    float[] kernel(int index) {
        return kernels[index];
    }

    int radius(int index) {
        return radii[index];
    }

    int maxRadius() {
        return maxRadius;
    }

    private static float[] build(double theta, double period, double sigmaAcross, double sigmaAlong, int r) {
        int size = 2 * r + 1;
        double[] gauss = new double[size * size];
        double[] wave = new double[size * size];
        // The ridge runs along (cos θ, sin θ); the wave varies across it.
        double nx = -StrictMath.sin(theta);
        double ny = StrictMath.cos(theta);
        double ax = StrictMath.cos(theta);
        double ay = StrictMath.sin(theta);
        double gaussSum = 0;
        double kernelSum = 0;
        for (int y = -r; y <= r; y++) {
            for (int x = -r; x <= r; x++) {
                double across = x * nx + y * ny;
                double along = x * ax + y * ay;
                double g = StrictMath.exp(-0.5 * (across * across / (sigmaAcross * sigmaAcross)
                        + along * along / (sigmaAlong * sigmaAlong)));
                double c = StrictMath.cos(2 * StrictMath.PI * across / period);
                int i = (y + r) * size + (x + r);
                gauss[i] = g;
                wave[i] = c;
                gaussSum += g;
                kernelSum += g * c;
            }
        }
        double dc = kernelSum / gaussSum;
        double response = 0;
        double[] k = new double[size * size];
        for (int i = 0; i < k.length; i++) {
            k[i] = gauss[i] * (wave[i] - dc);
            response += k[i] * wave[i];
        }
        float[] out = new float[k.length];
        for (int i = 0; i < k.length; i++) {
            out[i] = (float) (k[i] / response);
        }
        return out;
    }
}
