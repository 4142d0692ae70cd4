package id.rekam.core.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * One finger slot: either a print (SourceAFIS template, the image it came from, its
 * quality 0–100) or an exception with its reason. Never both, never neither.
 *
 * <p>Byte arrays are held as given; callers must not mutate them afterwards.
 */
public record FingerprintCapture(
        FingerPosition position,
        byte[] template,
        byte[] image,
        String imageFormat,
        int quality,
        FingerException exception,
        CaptureProvenance provenance) {

    /**
     * A print at least this good is accepted at the first try (the desk retries weaker ones, the
     * technician's scanner test calls a weaker test print a warning). SourceAFIS-based 0–100.
     */
    public static final int ACCEPTED_QUALITY = 40;

    public FingerprintCapture {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(provenance, "provenance");
        boolean hasPrint = template != null && template.length > 0;
        if (hasPrint == (exception != null)) {
            throw new IllegalArgumentException(position + ": a finger slot holds either a print or an exception");
        }
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException(position + ": quality must be 0-100");
        }
    }

    public static FingerprintCapture print(FingerPosition position, byte[] template, byte[] image, String imageFormat,
                                           int quality, CaptureProvenance provenance) {
        return new FingerprintCapture(position, template, image, imageFormat, quality, null, provenance);
    }

    public static FingerprintCapture exception(FingerPosition position, FingerException reason, CaptureProvenance provenance) {
        return new FingerprintCapture(position, null, null, null, 0, reason, provenance);
    }

    public Optional<FingerException> exceptionReason() {
        return Optional.ofNullable(exception);
    }

    public boolean hasPrint() {
        return exception == null;
    }
}
