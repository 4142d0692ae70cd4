package id.rekam.core.export;

/** An export could not be written, or a bundle cannot be trusted or opened. */
public final class ExportException extends Exception {

    public enum Problem {
        /**
         * A packet is not sealed to the central server yet: the station has not learned its server's
         * key (register it first). Bundles carry sealed packets only, so their carrier reads nothing.
         */
        NOT_SEALED,
        /** The export passphrase is shorter than {@link BundleCrypto#MIN_PASSPHRASE}. */
        WEAK_PASSPHRASE,
        /** The target directory cannot be written (stick full, read-only, removed). */
        TARGET_NOT_WRITABLE,
        /** The directory holds no readable bundle manifest. */
        NOT_A_BUNDLE,
        /** The manifest's signature does not verify with the station's key. */
        BAD_SIGNATURE,
        /** The passphrase does not open this bundle. */
        WRONG_PASSPHRASE,
        /** A file is missing or its content differs from what the signed manifest says. */
        TAMPERED
    }

    private final Problem problem;

    public ExportException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public ExportException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
