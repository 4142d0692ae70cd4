package id.rekam.devices.fingerprint.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * Ridge orientation of a master print: the Sherlock–Monro zero-pole model, where each
 * core turns the orientation by +½ of the angle towards it and each delta by −½, so a
 * pattern class is fully described by where its cores and deltas lie. Arches have no
 * singular points and use a smooth bump instead. A weak low-frequency perturbation keeps
 * two fingers of one class from having identical flow.
 */
final class OrientationModel {

    record Point(double x, double y) {
    }

    private final PatternClass patternClass;
    private final List<Point> cores;
    private final List<Point> deltas;
    private final double baseAngle;
    private final double archCenterX;
    private final double archTopY;
    private final double archWidth;
    private final double archHeight;
    /** Per core: the direction in which its loop opens (where the flow runs radially). */
    private final double[] coreOpening;
    private final double coreWarp;
    private final double[] waveKx = new double[3];
    private final double[] waveKy = new double[3];
    private final double[] wavePhase = new double[3];
    private final double[] waveAmp = new double[3];

    private OrientationModel(PatternClass patternClass, List<Point> cores, List<Point> deltas, double baseAngle,
                             double archCenterX, double archTopY, double archWidth, double archHeight, Rng rng) {
        this.patternClass = patternClass;
        this.cores = cores;
        this.deltas = deltas;
        this.baseAngle = baseAngle;
        this.archCenterX = archCenterX;
        this.archTopY = archTopY;
        this.archWidth = archWidth;
        this.archHeight = archHeight;
        this.coreWarp = rng.uniform(0.45, 0.7);
        this.coreOpening = new double[cores.size()];
        for (int i = 0; i < cores.size(); i++) {
            Point c = cores.get(i);
            double other = baseAngle;
            for (Point d : deltas) {
                other -= 0.5 * StrictMath.atan2(c.y - d.y, c.x - d.x);
            }
            for (int j = 0; j < cores.size(); j++) {
                if (j != i) {
                    other += 0.5 * StrictMath.atan2(c.y - cores.get(j).y, c.x - cores.get(j).x);
                }
            }
            coreOpening[i] = 2 * other;
        }
        for (int i = 0; i < 3; i++) {
            double wavelength = rng.uniform(180, 420);
            double dir = rng.uniform(0, StrictMath.PI);
            waveKx[i] = 2 * StrictMath.PI / wavelength * StrictMath.cos(dir);
            waveKy[i] = 2 * StrictMath.PI / wavelength * StrictMath.sin(dir);
            wavePhase[i] = rng.uniform(0, 2 * StrictMath.PI);
            waveAmp[i] = rng.uniform(0.02, 0.07);
        }
    }

    /**
     * Places the singular points of one finger. {@code cx, cy} is where the core region
     * sits on the canvas (full-resolution pixels at 500 dpi).
     */
    static OrientationModel create(PatternClass patternClass, double cx, double cy, Rng rng) {
        List<Point> cores = new ArrayList<>();
        List<Point> deltas = new ArrayList<>();
        double tilt = rng.uniform(-0.12, 0.12);
        switch (patternClass) {
            case LEFT_LOOP, RIGHT_LOOP -> {
                double side = patternClass == PatternClass.LEFT_LOOP ? 1 : -1;
                cores.add(new Point(cx, cy));
                deltas.add(new Point(cx + side * rng.uniform(70, 120), cy + rng.uniform(95, 150)));
            }
            case TENTED_ARCH -> {
                cores.add(new Point(cx, cy));
                deltas.add(new Point(cx + rng.uniform(-12, 12), cy + rng.uniform(45, 75)));
            }
            case WHORL -> {
                double dx = rng.uniform(-14, 14);
                double gap = rng.uniform(16, 40);
                cores.add(new Point(cx - dx, cy - gap / 2));
                cores.add(new Point(cx + dx, cy + gap / 2));
                deltas.add(new Point(cx - rng.uniform(95, 135), cy + rng.uniform(100, 150)));
                deltas.add(new Point(cx + rng.uniform(95, 135), cy + rng.uniform(100, 150)));
            }
            case ARCH -> {
                // no singular points
            }
        }
        return new OrientationModel(patternClass, rotate(cores, cx, cy, tilt), rotate(deltas, cx, cy, tilt), tilt,
                cx, cy - rng.uniform(10, 50), rng.uniform(70, 110), rng.uniform(200, 280), rng);
    }

    private static List<Point> rotate(List<Point> points, double cx, double cy, double angle) {
        double c = StrictMath.cos(angle);
        double s = StrictMath.sin(angle);
        List<Point> out = new ArrayList<>();
        for (Point p : points) {
            double dx = p.x - cx;
            double dy = p.y - cy;
            out.add(new Point(cx + c * dx - s * dy, cy + s * dx + c * dy));
        }
        return List.copyOf(out);
    }

    List<Point> cores() {
        return cores;
    }

    List<Point> deltas() {
        return deltas;
    }

    /** Ridge direction at (x, y) in radians, image coordinates (y down), modulo π. */
    double angle(double x, double y) {
        double theta;
        if (patternClass == PatternClass.ARCH) {
            double u = (x - archCenterX) / archWidth;
            double v = (y - archTopY) / archHeight;
            double strength = clamp(1.1 - v, 0.15, 1.3);
            // Ridges are humps y = -h·exp(-u²); their slope gives the direction.
            double slope = 2 * u * StrictMath.exp(-u * u) * strength * 1.4;
            theta = StrictMath.atan(slope) + baseAngle;
        } else {
            theta = baseAngle;
            for (Point d : deltas) {
                theta -= 0.5 * StrictMath.atan2(y - d.y, x - d.x);
            }
            for (int i = 0; i < cores.size(); i++) {
                Point c = cores.get(i);
                // Vizcaya–Gerhardt style warp of the core's angle: the plain model makes
                // loop legs diverge like confocal parabolas (and the ridge growth then
                // inserts a fan of endings into every loop, the same in every finger);
                // warping keeps the legs near-parallel and the recurve tight, as in real loops.
                double alpha = StrictMath.atan2(y - c.y, x - c.x) - coreOpening[i];
                theta += 0.5 * (coreOpening[i] + alpha - coreWarp * StrictMath.sin(alpha));
            }
        }
        for (int i = 0; i < 3; i++) {
            theta += waveAmp[i] * StrictMath.sin(waveKx[i] * x + waveKy[i] * y + wavePhase[i]);
        }
        return theta;
    }

    private static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : (v > hi ? hi : v);
    }
}
