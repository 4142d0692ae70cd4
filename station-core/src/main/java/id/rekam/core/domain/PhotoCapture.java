package id.rekam.core.domain;

import java.util.Objects;

/** The face photo, JPEG, cropped 3:4. */
public record PhotoCapture(byte[] jpeg, CaptureProvenance provenance) {

    public PhotoCapture {
        Objects.requireNonNull(jpeg, "jpeg");
        Objects.requireNonNull(provenance, "provenance");
    }
}
