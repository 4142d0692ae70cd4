package id.rekam.core.domain;

import java.util.Objects;

/**
 * The signature: rendered PNG plus the pen strokes as vectors (JSON), kept so the
 * signature can be re-rendered at card resolution.
 */
public record SignatureCapture(byte[] png, String strokesJson, CaptureProvenance provenance) {

    public SignatureCapture {
        Objects.requireNonNull(png, "png");
        Objects.requireNonNull(provenance, "provenance");
        strokesJson = strokesJson == null ? "[]" : strokesJson;
    }
}
