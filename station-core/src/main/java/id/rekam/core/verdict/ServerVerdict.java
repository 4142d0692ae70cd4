package id.rekam.core.verdict;

import id.rekam.core.domain.FingerPosition;
import id.rekam.core.domain.Nik;
import id.rekam.core.outbox.OutboxState;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the central server decided about one of this station's records (docs/sync-protocol.md
 * §5, §6), as the store keeps it: the record's state says which verdict, the verdict's data is
 * sealed beside it in full (the other record's NIK included) and masked only where it is shown.
 * {@code at} is the server's time of the decision; null when the server did not say.
 */
public sealed interface ServerVerdict {

    /**
     * Verdict kinds that raise a KTP ganda case (the cases' policy, {@code CasePolicy}; here so that
     * the store, which sits below the cases, can keep such a verdict for them after applying it).
     */
    java.util.Set<String> CASE_RAISING_KINDS = java.util.Set.of("duplicate", "needs-review");

    Instant at();

    Kind kind();

    /** The state this verdict puts the record in. */
    default OutboxState state() {
        return kind().state;
    }

    enum Kind {
        ACCEPTED("accepted", OutboxState.CONFIRMED),
        PRINT_READY("print-ready", OutboxState.PRINT_READY),
        DUPLICATE("duplicate", OutboxState.DUPLICATE),
        REJECTED("rejected", OutboxState.REJECTED),
        /** Not a final verdict: an official reviews the record, then accepts it or marks it duplicate or rejected. */
        NEEDS_REVIEW("needs-review", OutboxState.SERVER_REVIEW);

        private final String wire;
        private final OutboxState state;

        Kind(String wire, OutboxState state) {
            this.wire = wire;
            this.state = state;
        }

        /** The protocol's name, also the store's {@code verdicts.kind}. */
        public String wire() {
            return wire;
        }

        public static Kind fromWire(String s) {
            for (Kind k : values()) {
                if (k.wire.equals(s)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown verdict kind " + s);
        }
    }

    /** Unique on the server; {@code warnings} name fingers it could not compare (demo servers only). */
    record Accepted(Instant at, List<String> warnings) implements ServerVerdict {
        public Accepted {
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }

        @Override
        public Kind kind() {
            return Kind.ACCEPTED;
        }
    }

    /** Accepted, and the card may be printed. */
    record PrintReady(Instant at) implements ServerVerdict {
        @Override
        public Kind kind() {
            return Kind.PRINT_READY;
        }
    }

    /**
     * The server already holds this person (KTP ganda): the earlier record, how it was found and
     * the score of every finger position the two records share.
     *
     * @param matchThreshold score at which a finger counts as matching; null when the server did not say
     */
    record Duplicate(Instant at, MatchedBy matchedBy, OtherRecord other, List<FingerScore> fingers,
                     Double matchThreshold) implements ServerVerdict {
        public Duplicate {
            Objects.requireNonNull(matchedBy, "matchedBy");
            Objects.requireNonNull(other, "other");
            fingers = fingers == null ? List.of() : List.copyOf(fingers);
        }

        @Override
        public Kind kind() {
            return Kind.DUPLICATE;
        }

        /** Never prints the other record's NIK. */
        @Override
        public String toString() {
            return "Duplicate[" + matchedBy + " of " + other.registrationId() + " at " + other.stationId() + "]";
        }
    }

    /** Refused for good: the server's reason code (e.g. {@code unparseable-template}) and its message. */
    record Rejected(Instant at, String code, String message) implements ServerVerdict {
        public Rejected {
            Objects.requireNonNull(code, "code");
        }

        @Override
        public Kind kind() {
            return Kind.REJECTED;
        }
    }

    /**
     * The server's duplicate policy sent the record to an official instead of accepting it
     * (sync-protocol.md §5): too many fingers marked as exceptions to check it, or earlier records
     * whose fingers match only at other positions (fingers enrolled in another order).
     *
     * @param reasons        the protocol's codes, e.g. {@code too-many-exceptions}, {@code cross-position}
     * @param candidates     the earlier records the prints resemble, each with its matching finger pairs
     * @param exceptions     fingers marked as exceptions in this record; null when the server did not say
     * @param matchThreshold score at which a finger counts as matching; null when the server did not say
     */
    record NeedsReview(Instant at, List<String> reasons, List<ReviewCandidate> candidates, Integer exceptions,
                       Double matchThreshold) implements ServerVerdict {
        public NeedsReview {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
            candidates = candidates == null ? List.of() : List.copyOf(candidates);
        }

        @Override
        public Kind kind() {
            return Kind.NEEDS_REVIEW;
        }

        /** Never prints another record's NIK. */
        @Override
        public String toString() {
            return "NeedsReview[" + reasons + ", " + candidates.size() + " candidates]";
        }
    }

    /** An earlier record a review is about, and its finger pairs that matched. */
    record ReviewCandidate(OtherRecord other, List<FingerScore> fingers) {
        public ReviewCandidate {
            Objects.requireNonNull(other, "other");
            fingers = fingers == null ? List.of() : List.copyOf(fingers);
        }
    }

    enum MatchedBy {
        NIK("nik"), FINGERPRINT("fingerprint"), UNKNOWN("unknown");

        private final String wire;

        MatchedBy(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        public static MatchedBy fromWire(String s) {
            for (MatchedBy m : values()) {
                if (m.wire.equals(s)) {
                    return m;
                }
            }
            return UNKNOWN;
        }
    }

    /**
     * The earlier record a duplicate refers to. Any field may be null on a verdict stored before
     * schema 9, which kept only a masked sentence.
     *
     * @param registrationId the other record's registration id (= its packet id)
     * @param stationId      the station that recorded it
     * @param office         that station's kecamatan, {@code PP.KK.CC}
     * @param nik            its NIK as the server sent it: in full, or masked ({@code nikMasked})
     * @param receivedAt     when the server received it
     */
    record OtherRecord(String registrationId, String stationId, String office, String nik, boolean nikMasked,
                       Instant receivedAt) {

        /** The NIK when the server gave it in full. */
        public Optional<Nik> fullNik() {
            return nik == null || nikMasked || !Nik.isWellFormed(nik) ? Optional.empty() : Optional.of(Nik.of(nik));
        }

        /** Never prints the NIK. */
        @Override
        public String toString() {
            return "OtherRecord[" + registrationId + ", " + stationId + "]";
        }
    }

    /**
     * One finger of this record compared on the server, its SourceAFIS score and whether it counts
     * as a match.
     *
     * @param storedPosition the earlier record's finger it was compared with when that is another
     *                       position (fingers enrolled in another order); null: the same position
     */
    record FingerScore(FingerPosition position, double score, boolean matched, FingerPosition storedPosition) {
        public FingerScore {
            Objects.requireNonNull(position, "position");
        }

        public FingerScore(FingerPosition position, double score, boolean matched) {
            this(position, score, matched, null);
        }

        /** The earlier record's finger compared: its own position unless the server said otherwise. */
        public FingerPosition against() {
            return storedPosition == null ? position : storedPosition;
        }
    }
}
