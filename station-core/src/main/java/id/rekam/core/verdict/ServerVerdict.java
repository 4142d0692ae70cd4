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
        REJECTED("rejected", OutboxState.REJECTED);

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

    /** One finger position compared on the server, its SourceAFIS score and whether it counts as a match. */
    record FingerScore(FingerPosition position, double score, boolean matched) {
        public FingerScore {
            Objects.requireNonNull(position, "position");
        }
    }
}
