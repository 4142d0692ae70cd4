package id.rekam.devices.fingerprint;

/**
 * How usable a captured print is, for the operator's "press again" decision.
 *
 * @param score    0–100, see {@link FingerprintQuality} for the formula
 * @param minutiae minutiae SourceAFIS found in the template
 * @param coverage share of the image covered by ridges (0–1)
 * @param clarity  how clean and contrasted the ridge flow is where there are ridges (0–1)
 */
public record QualityReport(int score, int minutiae, double coverage, double clarity) {

    public QualityReport {
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be 0-100: " + score);
        }
    }
}
