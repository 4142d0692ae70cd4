package id.rekam.app.finger;

import id.rekam.app.ports.FingerprintService.FingerSample;

/**
 * Attempts at one finger: a print of at least {@link #MIN_QUALITY} is accepted at once; after
 * {@link #MAX_ATTEMPTS} weaker ones the operator accepts the best or records an exception.
 */
public final class FingerAttempts {

    public static final int MIN_QUALITY = id.rekam.core.domain.FingerprintCapture.ACCEPTED_QUALITY;
    public static final int MAX_ATTEMPTS = 3;

    private int attempts;
    private FingerSample best;

    public enum Outcome { ACCEPTED, RETRY, EXHAUSTED }

    public Outcome record(FingerSample sample) {
        attempts++;
        if (best == null || sample.quality() > best.quality()) {
            best = sample;
        }
        if (sample.quality() >= MIN_QUALITY) {
            return Outcome.ACCEPTED;
        }
        return attempts >= MAX_ATTEMPTS ? Outcome.EXHAUSTED : Outcome.RETRY;
    }

    public int attempts() {
        return attempts;
    }

    public FingerSample best() {
        return best;
    }

    public boolean exhausted() {
        return attempts >= MAX_ATTEMPTS && (best == null || best.quality() < MIN_QUALITY);
    }
}
