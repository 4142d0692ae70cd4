package id.rekam.devices.fingerprint.synth;

/**
 * Henry pattern classes with their approximate share in the population, the same
 * frequencies SFinGe draws from (Cappelli, Maio, Maltoni). Whorls include double loops.
 */
public enum PatternClass {
    ARCH(0.037),
    TENTED_ARCH(0.029),
    LEFT_LOOP(0.338),
    RIGHT_LOOP(0.317),
    WHORL(0.279);

    private final double share;

    PatternClass(double share) {
        this.share = share;
    }

    public double share() {
        return share;
    }

    static PatternClass draw(double u) {
        double total = 0;
        for (PatternClass c : values()) {
            total += c.share;
        }
        double acc = 0;
        for (PatternClass c : values()) {
            acc += c.share / total;
            if (u < acc) {
                return c;
            }
        }
        return WHORL;
    }
}
