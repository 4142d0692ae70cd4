package id.rekam.core.commit;

import id.rekam.core.domain.EnrollmentRecord;

import java.util.Objects;
import java.util.Optional;

/**
 * What the desk asks the store to commit: the finished record (its {@code operatorId} is who
 * recorded it), the station's approval mode and, when a supervisor overrode a possible-duplicate
 * warning, that override.
 */
public record CaptureCommit(EnrollmentRecord record, ApprovalMode mode, DuplicateOverride override) {

    public CaptureCommit {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(mode, "mode");
    }

    public static CaptureCommit of(EnrollmentRecord record, ApprovalMode mode) {
        return new CaptureCommit(record, mode, null);
    }

    public CaptureCommit withOverride(DuplicateOverride o) {
        return new CaptureCommit(record, mode, Objects.requireNonNull(o, "override"));
    }

    public Optional<DuplicateOverride> duplicateOverride() {
        return Optional.ofNullable(override);
    }
}
