package id.rekam.core.outbox;

import java.util.EnumSet;
import java.util.Set;

/**
 * Life of one packet on the station. The happy path is
 * CAPTURED → APPROVED → QUEUED → UPLOADING → ACKNOWLEDGED → CONFIRMED; REJECTED and DUPLICATE
 * are the server's final verdicts, NEEDS_ATTENTION parks a packet for a technician, who may
 * put it back in the queue explicitly. Nothing else: no skipping, no silent going back.
 */
public enum OutboxState {
    CAPTURED,
    APPROVED,
    QUEUED,
    UPLOADING,
    ACKNOWLEDGED,
    CONFIRMED,
    REJECTED,
    DUPLICATE,
    NEEDS_ATTENTION;

    public Set<OutboxState> successors() {
        return switch (this) {
            case CAPTURED -> EnumSet.of(APPROVED, NEEDS_ATTENTION);
            case APPROVED -> EnumSet.of(QUEUED, NEEDS_ATTENTION);
            case QUEUED -> EnumSet.of(UPLOADING, NEEDS_ATTENTION);
            case UPLOADING -> EnumSet.of(ACKNOWLEDGED, DUPLICATE, REJECTED, NEEDS_ATTENTION);
            case ACKNOWLEDGED -> EnumSet.of(CONFIRMED, DUPLICATE, REJECTED, NEEDS_ATTENTION);
            case NEEDS_ATTENTION -> EnumSet.of(QUEUED);
            case CONFIRMED, REJECTED, DUPLICATE -> EnumSet.noneOf(OutboxState.class);
        };
    }

    public boolean canMoveTo(OutboxState next) {
        return successors().contains(next);
    }

    public boolean isFinal() {
        return successors().isEmpty();
    }

    /** States the sync client works on. */
    public boolean isDeliverable() {
        return this == QUEUED || this == UPLOADING;
    }
}
