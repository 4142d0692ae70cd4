package id.rekam.devices.fingerprint.synth;

import id.rekam.devices.fingerprint.GrayImage;

import java.util.ArrayList;
import java.util.List;

/**
 * SIMULATED fingerprints for tests, demos and benchmarks — never for real enrolment.
 *
 * <p>Follows the SFinGe recipe (Cappelli, Maio, Maltoni): a pattern class and singular
 * points give the orientation field (Sherlock–Monro), a smooth map gives the ridge
 * period, and ridges are grown from random seeds by iterated contextual Gabor filtering
 * on a half-resolution grid. {@link #master} depends only on (seed, finger);
 * {@link #impression} only on (master, index), and both are bit-for-bit reproducible
 * (all maths through {@link StrictMath}).
 */
public final class SyntheticFingerprints {

    /** Master canvas: 19.5 × 24.4 mm at 500 dpi, a whole fingertip. */
    public static final int CANVAS_WIDTH = 384;
    public static final int CANVAS_HEIGHT = 480;
    public static final double DPI = 500;

    private static final int SCALE = 2;
    private static final int ITERATIONS = 7;
    private static final double NOISE = 0.2;

    private final long seed;
    private final RidgeGrower grower = new RidgeGrower();
    private final ImpressionRenderer renderer = new ImpressionRenderer();

    public SyntheticFingerprints(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** The master print of finger {@code finger} (any number: a person × 10 + position, ...). */
    public MasterFingerprint master(long finger) {
        Rng rng = Rng.of(seed, finger, 1);
        PatternClass patternClass = PatternClass.draw(rng.uniform());
        double cx = CANVAS_WIDTH / 2.0 + rng.gaussian() * 10;
        double cy = 205 + rng.uniform(-20, 20);
        OrientationModel orientation = OrientationModel.create(patternClass, cx, cy, rng);

        double period = rng.uniform(8.4, 10.4);
        double[] periodWave = {rng.uniform(0, 2 * StrictMath.PI), rng.uniform(0, 2 * StrictMath.PI),
                rng.uniform(160, 320), rng.uniform(160, 320)};

        double shapeX = CANVAS_WIDTH / 2.0 + rng.uniform(-6, 6);
        double shapeY = CANVAS_HEIGHT / 2.0 + rng.uniform(30, 50);
        double semiX = rng.uniform(150, 178);
        double semiY = rng.uniform(228, 255);
        // The super-ellipse is separable: |dx/a|^2.4 + |dy/b|^2.4, so each term is computed
        // once per column or row instead of twice per pixel (StrictMath.pow is slow).
        double[] shapeU = superTerms(CANVAS_WIDTH, 1, 0, shapeX, semiX);
        double[] shapeV = superTerms(CANVAS_HEIGHT, 1, 0, shapeY, semiY);
        float[] mask = fingerMask(shapeU, shapeV);

        int gw = CANVAS_WIDTH / SCALE;
        int gh = CANVAS_HEIGHT / SCALE;
        int[] kernelIndex = new int[gw * gh];
        double[] gridU = superTerms(gw, SCALE, 0.5 * (SCALE - 1), shapeX, semiX + 12);
        double[] gridV = superTerms(gh, SCALE, 0.5 * (SCALE - 1), shapeY, semiY + 12);
        for (int gy = 0; gy < gh; gy++) {
            for (int gx = 0; gx < gw; gx++) {
                double x = gx * SCALE + 0.5 * (SCALE - 1);
                double y = gy * SCALE + 0.5 * (SCALE - 1);
                // Grow a margin beyond the silhouette so ridges reach its edge intact.
                if (gridU[gx] + gridV[gy] > 1) {
                    kernelIndex[gy * gw + gx] = -1;
                    continue;
                }
                double localPeriod = period + 0.7 * StrictMath.sin(x / periodWave[2] * 2 * StrictMath.PI + periodWave[0])
                        + 0.7 * StrictMath.sin(y / periodWave[3] * 2 * StrictMath.PI + periodWave[1]);
                int o = GaborBank.orientationBin(orientation.angle(x, y));
                int p = GaborBank.periodBin(localPeriod / SCALE);
                kernelIndex[gy * gw + gx] = GaborBank.index(o, p);
            }
        }

        float[] start = new float[gw * gh];
        // Faint noise everywhere lets ridges form where no seed front arrives in time.
        for (int i = 0; i < start.length; i++) {
            start[i] = (float) (rng.gaussian() * NOISE);
        }
        int seeds = 60 + rng.nextInt(40);
        GaborBank bank = GaborBank.shared();
        for (int s = 0; s < seeds; s++) {
            int gx = rng.nextInt(gw);
            int gy = rng.nextInt(gh);
            int k = kernelIndex[gy * gw + gx];
            if (k < 0) {
                continue;
            }
            stamp(start, gw, gh, gx, gy, bank.kernel(k), bank.radius(k), rng.chance(0.5) ? 1 : -1);
        }
        float[] grown = grower.grow(gw, gh, kernelIndex, start, ITERATIONS);
        float[] ridges = upsample(grown, gw, gh);

        List<MasterFingerprint.SingularPoint> cores = new ArrayList<>();
        orientation.cores().forEach(p -> cores.add(new MasterFingerprint.SingularPoint(p.x(), p.y())));
        List<MasterFingerprint.SingularPoint> deltas = new ArrayList<>();
        orientation.deltas().forEach(p -> deltas.add(new MasterFingerprint.SingularPoint(p.x(), p.y())));
        return new MasterFingerprint(seed, finger, patternClass, CANVAS_WIDTH, CANVAS_HEIGHT, ridges, mask, period,
                cx, cy + 35, cores, deltas);
    }

    /** Impression {@code index} of a master as an R30x-sized (256×288) 500 dpi image. */
    public GrayImage impression(MasterFingerprint master, int index) {
        return impression(master, index, 256, 288);
    }

    /** Impression {@code index} of a master at any sensor size up to the canvas size. */
    public GrayImage impression(MasterFingerprint master, int index, int width, int height) {
        if (width < 64 || height < 64 || width > CANVAS_WIDTH || height > CANVAS_HEIGHT) {
            throw new IllegalArgumentException("sensor size must be 64.." + CANVAS_WIDTH + " x 64.." + CANVAS_HEIGHT);
        }
        return renderer.render(master, Rng.of(master.seed(), master.finger(), index, 2), width, height, DPI);
    }

    /** |(i·step + offset − center) / semi|^2.4 for i in [0, n). */
    private static double[] superTerms(int n, int step, double offset, double center, double semi) {
        double[] terms = new double[n];
        for (int i = 0; i < n; i++) {
            terms[i] = StrictMath.pow(StrictMath.abs(i * step + offset - center) / semi, 2.4);
        }
        return terms;
    }

    private static float[] fingerMask(double[] u, double[] v) {
        float[] mask = new float[CANVAS_WIDTH * CANVAS_HEIGHT];
        for (int y = 0; y < CANVAS_HEIGHT; y++) {
            for (int x = 0; x < CANVAS_WIDTH; x++) {
                double e = u[x] + v[y];
                // about 6 px of soft edge
                double m = (1.0 - e) / 0.07;
                mask[y * CANVAS_WIDTH + x] = (float) (m <= 0 ? 0 : (m >= 1 ? 1 : m));
            }
        }
        return mask;
    }

    private static void stamp(float[] field, int w, int h, int cx, int cy, float[] kernel, int r, int sign) {
        int size = 2 * r + 1;
        float peak = kernel[r * size + r];
        for (int dy = -r; dy <= r; dy++) {
            for (int dx = -r; dx <= r; dx++) {
                int x = cx + dx;
                int y = cy + dy;
                if (x >= 0 && y >= 0 && x < w && y < h) {
                    field[y * w + x] += sign * kernel[(dy + r) * size + dx + r] / peak;
                }
            }
        }
    }

    private static float[] upsample(float[] grid, int gw, int gh) {
        float[] out = new float[CANVAS_WIDTH * CANVAS_HEIGHT];
        for (int y = 0; y < CANVAS_HEIGHT; y++) {
            double gy = (y - 0.5 * (SCALE - 1)) / SCALE;
            int y0 = Math.max(0, Math.min(gh - 2, (int) StrictMath.floor(gy)));
            double fy = Math.max(0, Math.min(1, gy - y0));
            for (int x = 0; x < CANVAS_WIDTH; x++) {
                double gx = (x - 0.5 * (SCALE - 1)) / SCALE;
                int x0 = Math.max(0, Math.min(gw - 2, (int) StrictMath.floor(gx)));
                double fx = Math.max(0, Math.min(1, gx - x0));
                int i = y0 * gw + x0;
                double top = grid[i] + (grid[i + 1] - grid[i]) * fx;
                double bottom = grid[i + gw] + (grid[i + gw + 1] - grid[i + gw]) * fx;
                out[y * CANVAS_WIDTH + x] = (float) (top + (bottom - top) * fy);
            }
        }
        return out;
    }
}
