package id.rekam.core.commit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A record's review as the store keeps it: why it was sent to review, when, and the
 * supervisor's note once it was reviewed.
 *
 * @param note       null while the record waits for its review
 * @param reviewedAt null while the record waits for its review
 */
public record RecordReview(ReviewFindings findings, Instant flaggedAt, ReviewNote note, Instant reviewedAt) {

    public RecordReview {
        Objects.requireNonNull(findings, "findings");
        Objects.requireNonNull(flaggedAt, "flaggedAt");
    }

    public boolean awaiting() {
        return note == null;
    }

    public Optional<ReviewNote> reviewNote() {
        return Optional.ofNullable(note);
    }
}
