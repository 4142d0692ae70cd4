package id.rekam.app.commit;

import id.rekam.app.AppConfig;
import id.rekam.app.ports.OperatorService;
import id.rekam.app.ports.Operator;
import id.rekam.app.ports.RecordService;
import id.rekam.app.ports.RecordStatus;
import id.rekam.core.domain.EnrollmentRecord;

import java.util.Optional;

/**
 * Commits a finished recording: duplicate check first, then the store; a possible duplicate
 * needs a supervisor's override with a reason (audited); per-record approval is done at once
 * when a supervisor is at hand. No FX here: the review screen calls it from a worker thread.
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
     * @param override non-null when a supervisor overrides a possible-duplicate verdict
     * @return the status the record now has
     */
    public RecordStatus commit(EnrollmentRecord record, Operator operator, Override override) {
        if (override != null && (!override.supervisor().supervisor() || override.reason().isBlank())) {
            throw new IllegalArgumentException("an override needs a supervisor and a reason");
        }
        boolean approveNow = approvalMode == AppConfig.ApprovalMode.PER_RECORD && operator.supervisor();
        records.commit(record, operator, !approveNow, override == null ? null : override.supervisor(),
                override == null ? null : override.reason());
        return approveNow ? RecordStatus.WAITING_SYNC : RecordStatus.WAITING_APPROVAL;
    }

    public void approve(EnrollmentRecord record, Operator supervisor) {
        records.approve(record.id(), supervisor);
    }

    public record Override(Operator supervisor, String reason) {
    }
}
