package id.rekam.core.commit;

import id.rekam.core.auth.AuthException;
import id.rekam.core.auth.Role;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.identification.DuplicatePolicy;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.store.StoreException;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Who may approve a record, when a record needs approval, what overriding a possible-duplicate
 * warning takes and when a record waits for a supervisor's review: the station's rules for a
 * capture, written once. The store enforces them inside
 * the transaction that acts on them ({@code Captures}, {@code Outbox.approve}), on the roles it
 * holds itself, so no screen can skip them.
 */
public final class CommitPolicy {

    /** Longest override reason kept; a reason is a sentence, not a document. */
    public static final int MAX_OVERRIDE_REASON = 500;
    /** Longest review note kept, for the same reason. */
    public static final int MAX_REVIEW_NOTE = 500;

    private CommitPolicy() {
    }

    /** Only a supervisor approves a record for delivery (per record or in the end-of-day batch). */
    public static boolean mayApprove(Role role) {
        return role == Role.SUPERVISOR;
    }

    /** @throws AuthException when {@code role} may not approve; {@code user} names who tried */
    public static void requireApprover(String user, Role role) {
        if (!mayApprove(role)) {
            throw new AuthException("auth.notSupervisor", String.valueOf(user));
        }
    }

    /**
     * A supervisor approving a record they recorded themselves. Off unless the station's
     * supervisors chose otherwise ({@code StoreOptions.withSelfApproval}): approval is the second
     * pair of eyes on a capture, and one person holding both roles has none. A one-supervisor
     * office that must work alone can turn it on; every self-approval is audited as such.
     *
     * @throws AuthException {@code commit.selfApproval} when {@code approver} recorded it and self-approval is off
     */
    public static void requireNotOwnRecord(String approver, String recordedBy, boolean selfApproval) {
        if (!selfApproval && approver != null && approver.equals(recordedBy)) {
            throw new AuthException("commit.selfApproval", approver);
        }
    }

    /**
     * A record needs a supervisor's approval before it may leave the station, unless the person
     * recording it is a supervisor at a desk that approves per record and the station allows
     * self-approval: then the commit is the approval.
     *
     * @param committer    role of the account that recorded; null when it is not an active account
     * @param selfApproval whether a supervisor may approve their own records ({@link #requireNotOwnRecord})
     */
    public static boolean approvedAtCommit(Role committer, ApprovalMode mode, boolean selfApproval) {
        return selfApproval && mode == ApprovalMode.PER_RECORD && mayApprove(committer);
    }

    /** Longest reason a supervisor gives for refusing a record or sending it back. */
    public static final int MAX_REVIEW_REASON = 500;

    /**
     * Whether a record in {@code state} stands for its person on this station: the local
     * duplicate checks (same NIK, fingerprints) compare new recordings with these only. A record
     * a supervisor refused or sent back for correction does not: the corrected recording of the
     * same person must be allowed.
     */
    public static boolean countsAsRecorded(OutboxState state) {
        return state != OutboxState.DECLINED && state != OutboxState.RETURNED;
    }

    /**
     * Refusing a record or sending it back for correction takes a supervisor and a reason (the
     * operator reads it to correct the record).
     *
     * @return the reason as kept (trimmed)
     * @throws AuthException  the reviewer is not a supervisor
     * @throws StoreException the reason is blank or longer than {@link #MAX_REVIEW_REASON}
     */
    public static String reviewReason(String reviewer, Role role, String reason) {
        requireApprover(reviewer, role);
        String kept = reason == null ? "" : reason.strip();
        if (kept.isEmpty() || kept.length() > MAX_REVIEW_REASON) {
            throw new StoreException("review.reason", MAX_REVIEW_REASON);
        }
        return kept;
    }

    /**
     * Who sees an unfinished recording (a draft): the operator who made it, to resume it, and a
     * supervisor, to see what was left and discard it; nobody else's desk lists it. A draft of
     * unknown origin (made before drafts named their operator) is everyone's.
     *
     * @param owner  the account that made the draft; null when unknown
     * @param viewer the account asking
     */
    public static boolean maySeeDraft(String owner, String viewer, Role viewerRole) {
        return owner == null || owner.equals(viewer) || mayApprove(viewerRole);
    }

    /**
     * Saving a record despite a possible-duplicate warning takes a supervisor and a reason.
     *
     * @return the reason as kept (trimmed)
     * @throws AuthException  the overrider is not a supervisor
     * @throws StoreException the reason is blank or longer than {@link #MAX_OVERRIDE_REASON}
     */
    public static String overrideReason(String overrider, Role role, String reason) {
        requireApprover(overrider, role);
        String kept = reason == null ? "" : reason.strip();
        if (kept.isEmpty() || kept.length() > MAX_OVERRIDE_REASON) {
            throw new StoreException("commit.overrideReason", MAX_OVERRIDE_REASON);
        }
        return kept;
    }

    /**
     * Whether a record waits for a supervisor's review, and why: the duplicate check's findings
     * ({@code NEEDS_REVIEW}), and in any case a record with more fingers marked as exceptions
     * than {@link DuplicatePolicy#DEFAULT} allows. Any operator may mark an exception; marking
     * more than the allowance therefore takes a supervisor, whatever the screen let through.
     *
     * @param fromCheck what the desk's check found; null when it asked for no review
     */
    public static Optional<ReviewFindings> review(EnrollmentRecord record, ReviewFindings fromCheck) {
        int exceptions = (int) record.fingerprints().stream().filter(f -> !f.hasPrint()).count();
        if (!DuplicatePolicy.DEFAULT.tooManyExceptions(exceptions)) {
            return Optional.ofNullable(fromCheck);
        }
        return Optional.of(fromCheck == null
                ? new ReviewFindings(EnumSet.of(ReviewFindings.Reason.TOO_MANY_EXCEPTIONS), List.of())
                : fromCheck.and(ReviewFindings.Reason.TOO_MANY_EXCEPTIONS));
    }

    /**
     * Reviewing a record takes a supervisor and a note.
     *
     * @return the note as kept (trimmed)
     * @throws AuthException  the reviewer is not a supervisor
     * @throws StoreException the note is blank or longer than {@link #MAX_REVIEW_NOTE}
     */
    public static String reviewNote(String reviewer, Role role, String note) {
        requireApprover(reviewer, role);
        String kept = note == null ? "" : note.strip();
        if (kept.isEmpty() || kept.length() > MAX_REVIEW_NOTE) {
            throw new StoreException("commit.reviewNote", MAX_REVIEW_NOTE);
        }
        return kept;
    }

    /**
     * A record sent to review is approved only once a supervisor has written a review note for
     * it.
     *
     * @throws StoreException it waits for its review
     */
    public static void requireReviewed(String recordId, boolean awaitingReview) {
        if (awaitingReview) {
            throw new StoreException("commit.reviewRequired", recordId);
        }
    }
}
