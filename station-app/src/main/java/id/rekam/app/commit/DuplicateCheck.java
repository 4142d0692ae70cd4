package id.rekam.app.commit;

import id.rekam.app.ports.FingerprintIdentification;
import id.rekam.app.ports.RecordService;
import id.rekam.app.ports.RecordSummary;
import id.rekam.core.commit.ReviewFindings;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.RegistrationId;
import id.rekam.core.identification.DuplicatePolicy;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * The local duplicate check run before a record is committed: the same NIK on this station
 * blocks it; its fingerprints are checked 1:N against every record of this station (every
 * finger against every position, through the station's index) and judged by the one duplicate
 * policy ({@link DuplicatePolicy#DEFAULT}): a possible KTP ganda only a supervisor may override,
 * or a record that waits for a supervisor's review (fingers matching only at other positions,
 * too many exceptions). Runs off the FX thread; tells a {@link Progress} how it goes.
 */
public final class DuplicateCheck {

    private final RecordService records;
    private final FingerprintIdentification identification;

    public DuplicateCheck(RecordService records, FingerprintIdentification identification) {
        this.records = records;
        this.identification = identification;
    }

    public sealed interface Result permits Clear, SameNik, PossibleDuplicate, NeedsReview {
    }

    public record Clear() implements Result {
    }

    public record SameNik(RecordSummary existing) implements Result {
    }

    /** The same person is probably recorded already: a supervisor may still save it, with a reason. */
    public record PossibleDuplicate(List<Candidate> candidates) implements Result {
    }

    /** The record waits for a supervisor's review before approval; {@code findings} go with it to the store. */
    public record NeedsReview(List<Candidate> candidates, ReviewFindings findings) implements Result {
    }

    /** A stored record the policy did not clear, with its name (null if the record is gone) and the finger pairs that matched. */
    public record Candidate(FingerprintIdentification.Candidate match, String fullName) {
        public RegistrationId id() {
            return match.id();
        }
    }

    /** What the check reports while it runs, from background threads. */
    public interface Progress {
        /** The station's index is still being built: {@code done} of {@code total} records. */
        default void indexProgress(int done, int total) {
        }

        /** {@code verified} of {@code shortlisted} most similar records compared. */
        default void checking(int verified, int shortlisted) {
        }

        /** A candidate, as soon as it is found (before the check ends). */
        default void candidate(Candidate candidate) {
        }
    }

    public Result check(EnrollmentRecord candidate) throws InterruptedException {
        return check(candidate, new Progress() {
        });
    }

    public Result check(EnrollmentRecord candidate, Progress progress) throws InterruptedException {
        Optional<RecordSummary> same = records.findByNik(candidate.demographics().nik());
        if (same.isPresent()) {
            return new SameNik(same.get());
        }
        FingerprintIdentification.Result result = identification.identify(candidate,
                new FingerprintIdentification.Listener() {
                    @Override
                    public void indexProgress(int done, int total) {
                        progress.indexProgress(done, total);
                    }

                    @Override
                    public void checking(int verified, int shortlisted) {
                        progress.checking(verified, shortlisted);
                    }

                    @Override
                    public void candidate(FingerprintIdentification.Candidate c) {
                        progress.candidate(named(c));
                    }
                });
        List<Candidate> candidates = result.candidates().stream().map(this::named).toList();
        return switch (result.verdict()) {
            case NO_MATCH -> new Clear();
            case POSSIBLE_DUPLICATE -> new PossibleDuplicate(candidates);
            case NEEDS_REVIEW -> new NeedsReview(candidates, findings(result));
        };
    }

    private Candidate named(FingerprintIdentification.Candidate c) {
        return new Candidate(c, records.summary(c.id()).map(RecordSummary::fullName).orElse(null));
    }

    private static ReviewFindings findings(FingerprintIdentification.Result result) {
        EnumSet<ReviewFindings.Reason> reasons = EnumSet.noneOf(ReviewFindings.Reason.class);
        if (result.tooManyExceptions()) {
            reasons.add(ReviewFindings.Reason.TOO_MANY_EXCEPTIONS);
        }
        List<ReviewFindings.Candidate> cross = result.candidates().stream()
                .filter(c -> c.verdict() == DuplicatePolicy.Verdict.NEEDS_REVIEW)
                .map(c -> new ReviewFindings.Candidate(c.id().value(), c.matches())).toList();
        if (!cross.isEmpty()) {
            reasons.add(ReviewFindings.Reason.CROSS_POSITION);
        }
        return new ReviewFindings(reasons, cross);
    }
}
