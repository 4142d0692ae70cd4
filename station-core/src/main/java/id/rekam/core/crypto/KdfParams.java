package id.rekam.core.crypto;

/**
 * Iteration counts of the two PBKDF2-HMAC-SHA256 uses. Production values follow OWASP's 2023
 * guidance (600k for the passphrase that guards every key, 210k for operator passwords, which
 * are checked at every login). Tests may lower them, but only by naming that explicitly via
 * {@link #forTestsOnly}: nothing else can construct weaker parameters.
 */
public final class KdfParams {

    public static final int PRODUCTION_PASSPHRASE_ITERATIONS = 600_000;
    public static final int PRODUCTION_PASSWORD_ITERATIONS = 210_000;

    public static final KdfParams PRODUCTION =
            new KdfParams(PRODUCTION_PASSPHRASE_ITERATIONS, PRODUCTION_PASSWORD_ITERATIONS);

    private final int passphraseIterations;
    private final int passwordIterations;

    private KdfParams(int passphraseIterations, int passwordIterations) {
        this.passphraseIterations = passphraseIterations;
        this.passwordIterations = passwordIterations;
    }

    /** Weak parameters so unit tests stay fast. Never use outside tests. */
    public static KdfParams forTestsOnly(int passphraseIterations, int passwordIterations) {
        if (passphraseIterations < 1 || passwordIterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        return new KdfParams(passphraseIterations, passwordIterations);
    }

    public int passphraseIterations() {
        return passphraseIterations;
    }

    public int passwordIterations() {
        return passwordIterations;
    }
}
