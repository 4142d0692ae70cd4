package id.rekam.core.commit;

import id.rekam.core.domain.EnrollmentRecord;

import java.util.Objects;
import java.util.Optional;

/**
 * What the desk asks the store to commit: the finished record (its {@code operatorId} is who
 * recorded it), the station's approval mode and, when a supervisor overrode a possible-duplicate
 * warning, that override; when the duplicate check sent the record to review, its findings and,
 * if a supervisor reviewed it at the desk, the review note.
 */
public record CaptureCommit(EnrollmentRecord record, ApprovalMode mode, DuplicateOverride override,
                            ReviewFindings review, ReviewNote reviewNote) {

    public CaptureCommit {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(mode, "mode");
    }

    public static CaptureCommit of(EnrollmentRecord record, ApprovalMode mode) {
        return new CaptureCommit(record, mode, null, null, null);
    }

    public CaptureCommit withOverride(DuplicateOverride o) {
        return new CaptureCommit(record, mode, Objects.requireNonNull(o, "override"), review, reviewNote);
    }

    /** The check's {@code NEEDS_REVIEW}: the record waits for a supervisor's review note. */
    public CaptureCommit withReview(ReviewFindings findings) {
        return new CaptureCommit(record, mode, override, Objects.requireNonNull(findings, "findings"), reviewNote);
    }

    /** A supervisor reviewed the record at the desk before it was saved. */
    public CaptureCommit withReviewNote(ReviewNote note) {
        return new CaptureCommit(record, mode, override, review, Objects.requireNonNull(note, "note"));
    }

    public Optional<DuplicateOverride> duplicateOverride() {
        return Optional.ofNullable(override);
    }
}
