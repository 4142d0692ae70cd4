package id.rekam.core.commit;

import id.rekam.core.identification.DuplicatePolicy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Why a record waits for a supervisor's review before it may be approved, and what the
 * station's duplicate check found: the duplicate policy's {@code NEEDS_REVIEW}. Sealed with the
 * record (it names other records and says how a person's fingers resemble theirs).
 *
 * @param reasons    at least one
 * @param candidates earlier records whose fingers match only at other positions, with the pairs
 *                   that matched; empty when the only reason is the exception count
 */
public record ReviewFindings(Set<Reason> reasons, List<Candidate> candidates) {

    public enum Reason {
        /** More fingers marked as exceptions than the duplicate policy allows: the prints left cannot show a duplicate well enough. */
        TOO_MANY_EXCEPTIONS("too-many-exceptions"),
        /** Fingers match an earlier record only at other positions: enrolled in another order, or chance. */
        CROSS_POSITION("cross-position");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        /** The code used in the audit trail and on the wire (sync-protocol.md §5). */
        public String code() {
            return code;
        }
    }

    /** An earlier record of this station and the finger pairs that matched it. */
    public record Candidate(String recordId, List<DuplicatePolicy.FingerScore> matches) {
        public Candidate {
            Objects.requireNonNull(recordId, "recordId");
            matches = List.copyOf(matches);
        }
    }

    public ReviewFindings {
        if (reasons == null || reasons.isEmpty()) {
            throw new IllegalArgumentException("a review needs a reason");
        }
        reasons = Collections.unmodifiableSet(EnumSet.copyOf(reasons));
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    /** The same findings with one more reason. */
    public ReviewFindings and(Reason reason) {
        EnumSet<Reason> more = EnumSet.copyOf(reasons);
        more.add(reason);
        return new ReviewFindings(more, candidates);
    }
}
