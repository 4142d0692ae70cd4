package id.rekam.core.outbox;

import java.util.EnumSet;
import java.util.Set;

/**
 * Life of one packet on the station. The happy path is
 * CAPTURED → APPROVED → QUEUED → UPLOADING → ACKNOWLEDGED → CONFIRMED → PRINT_READY; REJECTED
 * and DUPLICATE are the server's other final verdicts (their data: {@code id.rekam.core.verdict}),
 * SERVER_REVIEW its interim one (an official reviews the record: {@code needs-review}, then one of
 * the others),
 * NEEDS_ATTENTION parks a packet for a technician, who may put it back in the queue explicitly. EXPORTED: a technician copied the packet into an
 * encrypted export bundle (e.g. before the station moves to another office); it stays
 * deliverable, because the server treats the same id with the same hash as the same packet,
 * so a later upload or the bundle's import — whichever comes second — changes nothing.
 * DECLINED and RETURNED are a supervisor's review of a CAPTURED record: refused (it never leaves
 * the station), or sent back to its operator for correction (the corrected recording is a new
 * record; this one never leaves the station either). Both keep their reason sealed.
 * Nothing else: no skipping, no silent going back.
 */
public enum OutboxState {
    CAPTURED,
    APPROVED,
    QUEUED,
    UPLOADING,
    ACKNOWLEDGED,
    CONFIRMED,
    /** Accepted, and the server reports the card may be printed. */
    PRINT_READY,
    REJECTED,
    DUPLICATE,
    /** The server holds the record for an official's review ({@code needs-review}); a final verdict follows. */
    SERVER_REVIEW,
    NEEDS_ATTENTION,
    EXPORTED,
    /** A supervisor refused the record at review, with a reason; it is never delivered. */
    DECLINED,
    /** A supervisor sent the record back to its operator for correction, with a reason; never delivered. */
    RETURNED;

    public Set<OutboxState> successors() {
        return switch (this) {
            case CAPTURED -> EnumSet.of(APPROVED, NEEDS_ATTENTION, DECLINED, RETURNED);
            case APPROVED -> EnumSet.of(QUEUED, NEEDS_ATTENTION, EXPORTED);
            case QUEUED -> EnumSet.of(UPLOADING, NEEDS_ATTENTION, EXPORTED);
            case UPLOADING -> EnumSet.of(ACKNOWLEDGED, DUPLICATE, REJECTED, NEEDS_ATTENTION, EXPORTED);
            case ACKNOWLEDGED -> EnumSet.of(CONFIRMED, DUPLICATE, REJECTED, SERVER_REVIEW, NEEDS_ATTENTION, EXPORTED);
            case SERVER_REVIEW -> EnumSet.of(CONFIRMED, DUPLICATE, REJECTED);
            case NEEDS_ATTENTION -> EnumSet.of(QUEUED, EXPORTED);
            // Back on the wire if the network returns; verdicts reach it through that upload.
            case EXPORTED -> EnumSet.of(UPLOADING, NEEDS_ATTENTION);
            case CONFIRMED -> EnumSet.of(PRINT_READY);
            case PRINT_READY, REJECTED, DUPLICATE, DECLINED, RETURNED -> EnumSet.noneOf(OutboxState.class);
        };
    }

    public boolean canMoveTo(OutboxState next) {
        return successors().contains(next);
    }

    public boolean isFinal() {
        return successors().isEmpty();
    }

    /** The server has decided: accepted (CONFIRMED, PRINT_READY), DUPLICATE or REJECTED. */
    public boolean isDecided() {
        return this == CONFIRMED || this == PRINT_READY || this == DUPLICATE || this == REJECTED;
    }

    /** The server holds the body and has said something about it: a verdict, or its review pending. */
    public boolean hasVerdict() {
        return isDecided() || this == SERVER_REVIEW;
    }

    /** States the sync client works on. */
    public boolean isDeliverable() {
        return this == QUEUED || this == UPLOADING || this == EXPORTED;
    }

    /**
     * States a technician may export: approved by a supervisor, no final verdict yet. CAPTURED
     * records are not exportable — the central server must never receive unapproved records.
     */
    public boolean isExportable() {
        return canMoveTo(EXPORTED);
    }
}
