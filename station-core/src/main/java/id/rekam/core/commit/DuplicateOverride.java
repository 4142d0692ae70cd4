package id.rekam.core.commit;

import id.rekam.core.domain.RegistrationId;
import id.rekam.core.verdict.ServerVerdict;

import java.util.List;
import java.util.Objects;

/**
 * A supervisor saving a record although the local check found a possible duplicate. The reason
 * is personal data (it often names people or documents) and is stored sealed, and so are the
 * records the check found similar: each becomes a KTP ganda case with the new record
 * ({@code id.rekam.core.cases}).
 *
 * @param supervisor user name of the supervisor who decided
 * @param reason     why the record is not a duplicate, in the supervisor's words
 * @param candidates the local records the check found similar, with the score of each finger
 *                   position compared; empty when the caller did not say
 */
public record DuplicateOverride(String supervisor, String reason, List<Candidate> candidates) {

    public DuplicateOverride {
        Objects.requireNonNull(supervisor, "supervisor");
        Objects.requireNonNull(reason, "reason");
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    public DuplicateOverride(String supervisor, String reason) {
        this(supervisor, reason, List.of());
    }

    /** A local record the check found similar, and the score of each finger position both have. */
    public record Candidate(RegistrationId record, List<ServerVerdict.FingerScore> fingers) {
        public Candidate {
            Objects.requireNonNull(record, "record");
            fingers = fingers == null ? List.of() : List.copyOf(fingers);
        }
    }

    /** Never prints the reason. */
    @Override
    public String toString() {
        return "DuplicateOverride[" + supervisor + ", " + candidates.size() + " candidates]";
    }
}
