package id.rekam.app.commit;

import id.rekam.app.AppConfig;
import id.rekam.app.ports.OperatorService;
import id.rekam.app.ports.Operator;
import id.rekam.app.ports.RecordService;
import id.rekam.app.ports.RecordStatus;
import id.rekam.core.commit.ApprovalMode;
import id.rekam.core.commit.DuplicateOverride;
import id.rekam.core.commit.ReviewNote;
import id.rekam.core.domain.EnrollmentRecord;

import java.util.List;
import java.util.Optional;

/**
 * Commits a finished recording: duplicate check first, then one store call that saves the
 * record with a supervisor's override of a possible duplicate (reason sealed, audited), or with
 * the check's review findings (and a supervisor's review note when one reviewed it at the desk)
 * and, when the commit policy says so, its approval. The policy itself (who overrides, who
 * approves, when a record waits, what a review takes) is station-core's {@code CommitPolicy},
 * enforced by the store. No FX here: the review screen calls it from a worker thread.
 */
public final class CommitFlow {

    private final RecordService records;
    private final OperatorService operators;
    private final DuplicateCheck duplicates;
    private final AppConfig.ApprovalMode approvalMode;

    public CommitFlow(RecordService records, OperatorService operators, DuplicateCheck duplicates,
                      AppConfig.ApprovalMode approvalMode) {
        this.records = records;
        this.operators = operators;
        this.duplicates = duplicates;
        this.approvalMode = approvalMode;
    }

    public DuplicateCheck.Result check(EnrollmentRecord record) throws InterruptedException {
        return duplicates.check(record);
    }

    public DuplicateCheck.Result check(EnrollmentRecord record, DuplicateCheck.Progress progress)
            throws InterruptedException {
        return duplicates.check(record, progress);
    }

    /** A supervisor's credentials, checked; empty when wrong or not a supervisor. */
    public Optional<Operator> supervisor(String id, char[] pin) {
        try {
            return operators.login(id, pin).filter(Operator::supervisor);
        } catch (OperatorService.LockedException e) {
            return Optional.empty();
        }
    }

    /**
     * @param operator who recorded it: the record must name the same account
     * @param override non-null when a supervisor overrides a possible-duplicate verdict
     * @return the status the record now has
     */
    public RecordStatus commit(EnrollmentRecord record, Operator operator, Override override) {
        requireRecordedBy(record, operator);
        return records.commit(record, ApprovalMode.valueOf(approvalMode.name()), Optional.ofNullable(override)
                .map(o -> new DuplicateOverride(o.supervisor().id(), o.reason())));
    }

    /**
     * Commits a record the check sent to review ({@link DuplicateCheck.NeedsReview}).
     *
     * @param reviewer the supervisor who reviewed it at the desk, with their note; null: it waits
     *                 for a supervisor's review (the approval then takes a note)
     */
    public RecordStatus commit(EnrollmentRecord record, Operator operator, DuplicateCheck.NeedsReview review,
                               Review reviewer) {
        requireRecordedBy(record, operator);
        return records.commit(record, ApprovalMode.valueOf(approvalMode.name()), Optional.empty(),
                Optional.of(review.findings()), Optional.ofNullable(reviewer)
                        .map(r -> new ReviewNote(r.supervisor().id(), r.note())));
    }

    private static void requireRecordedBy(EnrollmentRecord record, Operator operator) {
        if (!record.operatorId().equals(operator.id())) {
            throw new IllegalArgumentException("record " + record.id() + " was not recorded by " + operator.id());
        }
    }

    public void approve(EnrollmentRecord record, Operator supervisor) {
        records.approve(List.of(record.id()), supervisor);
    }

    public record Override(Operator supervisor, String reason) {
    }

    /** A supervisor's review of a record the check sent to review, at the desk. */
    public record Review(Operator supervisor, String note) {
    }
}
