package id.rekam.core.domain;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One recording of one citizen: biodata, photo, ten finger slots, signature and where it
 * was made. This is what the outbox turns into an immutable packet.
 */
public record EnrollmentRecord(
        RegistrationId id,
        Demographics demographics,
        PhotoCapture photo,
        List<FingerprintCapture> fingerprints,
        SignatureCapture signature,
        String stationId,
        String operatorId,
        Instant createdAt) {

    public EnrollmentRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(demographics, "demographics");
        Objects.requireNonNull(photo, "photo");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(createdAt, "createdAt");
        fingerprints = List.copyOf(fingerprints);
        Map<FingerPosition, FingerprintCapture> bySlot = new EnumMap<>(FingerPosition.class);
        for (FingerprintCapture f : fingerprints) {
            if (bySlot.put(f.position(), f) != null) {
                throw new IllegalArgumentException("finger slot captured twice: " + f.position());
            }
        }
        if (bySlot.size() != FingerPosition.values().length) {
            throw new IllegalArgumentException("all 10 finger slots need a print or an exception");
        }
        fingerprints = List.copyOf(bySlot.values());
    }

    public FingerprintCapture finger(FingerPosition position) {
        return fingerprints.stream().filter(f -> f.position() == position).findFirst().orElseThrow();
    }
}
