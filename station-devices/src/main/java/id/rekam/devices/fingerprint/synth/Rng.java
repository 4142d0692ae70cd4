package id.rekam.devices.fingerprint.synth;

import java.util.SplittableRandom;

/**
 * Deterministic random numbers for the generator. Every stream is derived from explicit
 * keys, so a print depends only on (seed, finger) and an impression only on (master,
 * index) — never on call order or thread. Gaussian numbers use Box–Muller over
 * {@link StrictMath} so the bytes are the same on every JVM.
 */
final class Rng {

    private final SplittableRandom random;

    private Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    static Rng of(long... keys) {
        long h = 0x9E3779B97F4A7C15L;
        for (long k : keys) {
            h = mix(h ^ mix(k + 0x632BE59BD9B4E019L));
        }
        return new Rng(h);
    }

    /** SplitMix64 finaliser: spreads nearby keys (finger 1, finger 2) to unrelated seeds. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    double uniform() {
        return random.nextDouble();
    }

    double uniform(double min, double max) {
        return min + (max - min) * random.nextDouble();
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    double gaussian() {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }
}
