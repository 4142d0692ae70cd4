package id.rekam.core.domain;

import java.time.Instant;
import java.util.Objects;

/** Who captured what, with which device, when. */
public record CaptureProvenance(DeviceRef device, String operatorId, Instant capturedAt) {

    public CaptureProvenance {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(capturedAt, "capturedAt");
    }
}
