package id.rekam.app.ports;

import id.rekam.core.commit.ApprovalMode;
import id.rekam.core.commit.DuplicateOverride;
import id.rekam.core.commit.ReviewFindings;
import id.rekam.core.commit.ReviewNote;
import id.rekam.core.commit.ReviewFlags;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.Nik;
import id.rekam.core.domain.RegistrationId;
import id.rekam.core.verdict.ServerVerdict;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Records on this station's encrypted store. */
public interface RecordService {

    /**
     * Commits a finished record in one store transaction: the record (encrypted, with provenance),
     * its audit line, a supervisor's duplicate override (reason sealed) and, when the station's
     * commit policy approves at commit, its approval and queueing. Who may override and whether
     * the record waits for approval are decided by the store's policy, not by the caller; the
     * record's {@code operatorId} is who recorded it.
     *
     * @param override present when a supervisor overrode a possible-duplicate warning
     * @return the status the record now has
     */
    default RecordStatus commit(EnrollmentRecord record, ApprovalMode mode, Optional<DuplicateOverride> override) {
        return commit(record, mode, override, Optional.empty(), Optional.empty());
    }

    /**
     * As {@link #commit(EnrollmentRecord, ApprovalMode, Optional)}, for a record the duplicate
     * check sent to review: it waits for a supervisor's review note (given here when a supervisor
     * reviewed it at the desk) before it may be approved. The store adds its own reason when the
     * record has more exceptions than the duplicate policy allows. After the commit the record
     * joins the station's fingerprint index.
     */
    RecordStatus commit(EnrollmentRecord record, ApprovalMode mode, Optional<DuplicateOverride> override,
                        Optional<ReviewFindings> review, Optional<ReviewNote> reviewNote);

    Optional<RecordSummary> summary(RegistrationId id);

    Optional<RecordSummary> findByNik(Nik nik);

    Optional<EnrollmentRecord> load(RegistrationId id);

    /** Search by (part of) NIK or name; empty query lists the latest records. */
    List<RecordSummary> search(String query, int limit);

    List<RecordSummary> waitingApproval();

    /** A supervisor approves these records for delivery, all of them or none (one transaction). */
    default void approve(List<RegistrationId> ids, Operator supervisor) {
        approve(ids, supervisor, null);
    }

    /**
     * As {@link #approve(List, Operator)}; the records among them waiting for a review are
     * reviewed with {@code reviewNote} (required for them: the store refuses to approve them
     * without one).
     */
    void approve(List<RegistrationId> ids, Operator supervisor, String reviewNote);

    /**
     * What the central server decided about a record (duplicate: the other record whole; rejected:
     * code and message), from the store; empty before a verdict. A NIK in it is not masked: mask
     * it where it is shown.
     */
    Optional<ServerVerdict> verdict(RegistrationId id);

    Counters counters(LocalDate today, ZoneId zone);

    /**
     * A record as a supervisor reviews it: the record, where it stands, and what core's capture
     * rules flag in it (the photo's backdrop against the birth year, fingers, an override).
     */
    Optional<Review> review(RegistrationId id);

    /** A supervisor refuses a record waiting for approval, with a reason (core's policy decides who may). */
    void decline(RegistrationId id, Operator supervisor, String reason);

    /** A supervisor sends a record back to its operator for correction, with a reason. */
    void sendBack(RegistrationId id, Operator supervisor, String reason);

    /** Records sent back to {@code operator} whose corrected recording is not saved yet. */
    List<Returned> returnedTo(Operator operator);

    record Review(EnrollmentRecord record, RecordStatus status, ReviewFlags.Findings findings) {
    }

    /** A record sent back: which, why, by whom. */
    record Returned(EnrollmentRecord record, String reason, String supervisor) {
    }

}
