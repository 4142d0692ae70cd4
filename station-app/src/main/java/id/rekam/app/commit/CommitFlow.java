package id.rekam.app.commit;

import id.rekam.app.AppConfig;
import id.rekam.app.ports.OperatorService;
import id.rekam.app.ports.Operator;
import id.rekam.app.ports.RecordService;
import id.rekam.app.ports.RecordStatus;
import id.rekam.core.commit.ApprovalMode;
import id.rekam.core.commit.DuplicateOverride;
import id.rekam.core.domain.EnrollmentRecord;

import java.util.List;
import java.util.Optional;

/**
 * Commits a finished recording: duplicate check first, then one store call that saves the
 * record with a supervisor's override of a possible duplicate (reason sealed, audited) and, when
 * the commit policy says so, its approval. The policy itself (who overrides, who approves, when a
 * record waits) is station-core's {@code CommitPolicy}, enforced by the store. No FX here: the
 * review screen calls it from a worker thread.
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

    public DuplicateCheck.Result check(EnrollmentRecord record) {
        return duplicates.check(record);
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
        if (!record.operatorId().equals(operator.id())) {
            throw new IllegalArgumentException("record " + record.id() + " was not recorded by " + operator.id());
        }
        return records.commit(record, ApprovalMode.valueOf(approvalMode.name()), Optional.ofNullable(override)
                .map(o -> new DuplicateOverride(o.supervisor().id(), o.reason())));
    }

    public void approve(EnrollmentRecord record, Operator supervisor) {
        records.approve(List.of(record.id()), supervisor);
    }

    public record Override(Operator supervisor, String reason) {
    }
}
