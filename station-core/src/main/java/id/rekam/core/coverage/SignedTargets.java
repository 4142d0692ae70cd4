package id.rekam.core.coverage;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * Coverage targets as the central server publishes them: signed reference data
 * ({@code docs/schemas/api/coverage-targets.schema.json}), trusted only once a
 * {@link ReferenceDataVerifier} accepts the signature over the exact bytes received.
 */
public record SignedTargets(String kind, int format, String district, Instant issuedAt, List<Target> targets) {

    public static final String KIND = "coverage-targets";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Refused data: the signature does not verify, or the document is not a target list. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SignedTargets verify(byte[] data, byte[] signature, ReferenceDataVerifier verifier) throws Refused {
        if (!verifier.verifies(data, signature)) {
            throw new Refused("coverage targets are not signed by the central server's pinned key");
        }
        SignedTargets t;
        try {
            t = JSON.readValue(data, SignedTargets.class);
        } catch (IOException e) {
            throw new Refused("signed, but not a coverage target list: " + e.getMessage());
        }
        if (!KIND.equals(t.kind()) || t.format() != 1 || t.targets() == null || t.issuedAt() == null) {
            throw new Refused("signed, but not a coverage target list of format 1");
        }
        for (Target x : t.targets()) {
            if (x.villageCode() == null || !TargetsCsv.VILLAGE.matcher(x.villageCode()).matches()
                    || x.residents() < 0 || x.villageName() == null) {
                throw new Refused("signed, but a target is out of range: " + x);
            }
        }
        return t;
    }
}
