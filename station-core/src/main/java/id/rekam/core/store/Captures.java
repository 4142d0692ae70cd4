package id.rekam.core.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekam.core.audit.AuditActions;
import id.rekam.core.audit.AuditLog;
import id.rekam.core.auth.Role;
import id.rekam.core.commit.CaptureCommit;
import id.rekam.core.commit.CommitPolicy;
import id.rekam.core.commit.DuplicateOverride;
import id.rekam.core.commit.RecordReview;
import id.rekam.core.commit.ReviewFindings;
import id.rekam.core.commit.ReviewNote;
import id.rekam.core.crypto.Aead;
import id.rekam.core.domain.RegistrationId;
import id.rekam.core.outbox.OutboxState;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The desk's two store calls, each one SQLite transaction with {@link CommitPolicy} enforced
 * inside it on the roles the store holds: committing a capture (record, sealed packet, its
 * sealed templates, outbox entry, audit; the supervisor's duplicate override with its reason
 * sealed; the duplicate check's review findings; approval and queueing when the policy approves
 * at commit) and approving records (APPROVED and QUEUED together; a record sent to review only
 * with a supervisor's review note). A failure at any step leaves nothing of the call behind: no
 * record without its packet, templates, outbox entry and audit entry, no override without its
 * record, nothing approved but not queued.
 */
public final class Captures {

    /** AAD purpose of {@code duplicate_overrides.reason} (row key: the record id). */
    static final String OVERRIDE_REASON = "duplicate-override";
    /** AAD purpose of {@code duplicate_overrides.candidates} (row key: the record id). */
    static final String OVERRIDE_CANDIDATES = "duplicate-override-candidates";
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Database db;
    private final RecordRepository records;
    private final SqlOutbox outbox;
    private final SqlOperators operators;
    private final AuditLog audit;
    private final Aead data;
    private final Clock clock;
    private final DiskGuard disk;
    private final SqlReviews reviews;
    private final boolean selfApproval;

    Captures(Database db, RecordRepository records, SqlOutbox outbox, SqlOperators operators, AuditLog audit, Aead data,
             Clock clock, DiskGuard disk, boolean selfApproval) {
        this.disk = disk;
        this.selfApproval = selfApproval;
        this.db = db;
        this.records = records;
        this.outbox = outbox;
        this.operators = operators;
        this.audit = audit;
        this.data = data;
        this.clock = clock;
        this.reviews = new SqlReviews(data, audit, clock, operators);
    }

    /**
     * Commits a capture. Durable when this returns ({@code synchronous=FULL}).
     *
     * A record the check sent to review ({@link CaptureCommit#review()}), or with more exceptions
     * than the duplicate policy allows whatever the check said, waits in CAPTURED for a
     * supervisor's review note unless one came with the commit.
     *
     * @return the receipt; its state is CAPTURED (waits for a supervisor) or QUEUED (approved at commit)
     * @throws id.rekam.core.auth.AuthException an override or review by someone who is not a supervisor; nothing stored
     * @throws StoreException                   an override without a usable reason, a review without a
     *                                          usable note; nothing stored
     * @throws StoreFullException               the disk is full; nothing stored
     * @throws DiskReserveException             the capture would eat into the disk reserve
     *                                          ({@code FieldLimits}); nothing stored
     */
    public SavedEnrollment commit(CaptureCommit request) {
        RecordRepository.Prepared prepared = records.prepare(request.record());
        disk.requireRoomFor(prepared.packet().body().length);
        String operator = request.record().operatorId();
        Optional<ReviewFindings> review = CommitPolicy.review(request.record(), request.review());
        byte[] findings = review.map(f -> reviews.sealFindings(prepared.recordId(), f)).orElse(null);
        OutboxState state = db.inTransaction(c -> {
            records.insert(c, prepared);
            if (request.override() != null) {
                overridden(c, prepared.recordId(), operator, request.override());
            }
            boolean awaitingReview = false;
            if (review.isPresent()) {
                reviews.flag(c, prepared.recordId(), operator, review.get(), findings);
                if (request.reviewNote() != null) {
                    reviews.review(c, prepared.recordId(), request.reviewNote(), operator);
                } else {
                    awaitingReview = true;
                }
            }
            Role committer = operators.activeRole(c, operator).orElse(null);
            if (awaitingReview || !CommitPolicy.approvedAtCommit(committer, request.mode(), selfApproval)) {
                return OutboxState.CAPTURED;
            }
            String packetId = prepared.packet().id();
            outbox.approved(c, packetId, operator, true);
            outbox.transition(c, packetId, OutboxState.QUEUED, operator, null, null);
            return OutboxState.QUEUED;
        });
        return records.committed(prepared, state);
    }

    private void overridden(Connection c, String recordId, String operator, DuplicateOverride o) throws SQLException {
        String reason = CommitPolicy.overrideReason(o.supervisor(),
                operators.activeRole(c, o.supervisor()).orElse(null), o.reason());
        try (PreparedStatement p = c.prepareStatement("INSERT INTO duplicate_overrides "
                + "(record_id, supervisor, operator, reason, at, candidates) VALUES (?,?,?,?,?,?)")) {
            p.setString(1, recordId);
            p.setString(2, o.supervisor());
            p.setString(3, operator);
            p.setBytes(4, data.encrypt(reason.getBytes(StandardCharsets.UTF_8), recordId, OVERRIDE_REASON));
            p.setLong(5, clock.millis());
            p.setBytes(6, o.candidates().isEmpty() ? null : data.encrypt(candidatesJson(o), recordId, OVERRIDE_CANDIDATES));
            p.executeUpdate();
        }
        // Who decided, for whom; the reason itself is personal data and stays sealed in its row.
        audit.append(c, o.supervisor(), AuditActions.DUPLICATE_OVERRIDE, recordId, Map.of("operator", operator));
    }

    /**
     * A supervisor approves records: each CAPTURED → APPROVED → QUEUED, all of them in one
     * transaction, or none.
     *
     * @throws id.rekam.core.auth.AuthException {@code supervisor} may not approve
     * @throws id.rekam.core.outbox.IllegalTransitionException a record is not waiting for approval
     * @throws StoreException a record waits for its review (see {@link #approve(Collection, String, String)})
     */
    public void approve(Collection<RegistrationId> ids, String supervisor) {
        approve(ids, supervisor, null);
    }

    /**
     * A supervisor approves records and, for those among them that wait for a review, reviews
     * them with {@code reviewNote} (sealed with each, audited), all in one transaction, or none.
     *
     * @param reviewNote the supervisor's conclusion for the records sent to review; null when none is
     * @throws StoreException a record waits for its review and the note is missing, blank or too long
     */
    public void approve(Collection<RegistrationId> ids, String supervisor, String reviewNote) {
        db.inTransaction(c -> {
            outbox.requireApprover(c, supervisor);
            for (RegistrationId id : ids) {
                String packetId = RecordRepository.packetOf(c, id)
                        .orElseThrow(() -> new StoreException("store.notFound", id.value()));
                if (reviewNote != null) {
                    reviews.review(c, id.value(), new ReviewNote(supervisor, reviewNote), null);
                }
                outbox.approved(c, packetId, supervisor, outbox.selfApproved(c, packetId, supervisor));
                outbox.transition(c, packetId, OutboxState.QUEUED, supervisor, null, null);
            }
            return null;
        });
    }

    /**
     * A supervisor refuses a record waiting for approval: CAPTURED → DECLINED, the reason sealed,
     * audited. The record never leaves the station.
     *
     * @throws id.rekam.core.auth.AuthException {@code supervisor} may not review
     * @throws StoreException                   no usable reason
     */
    public void decline(RegistrationId id, String supervisor, String reason) {
        decide(id, supervisor, reason, OutboxState.DECLINED);
    }

    /**
     * A supervisor sends a record back to its operator for correction: CAPTURED → RETURNED, the
     * reason sealed, audited. The corrected recording is a new record; this one never leaves the
     * station, and no longer counts for the local duplicate checks.
     */
    public void sendBack(RegistrationId id, String supervisor, String reason) {
        decide(id, supervisor, reason, OutboxState.RETURNED);
    }

    private void decide(RegistrationId id, String supervisor, String reason, OutboxState to) {
        db.inTransaction(c -> {
            String kept = CommitPolicy.reviewReason(supervisor, operators.activeRole(c, supervisor).orElse(null),
                    reason);
            String packetId = RecordRepository.packetOf(c, id)
                    .orElseThrow(() -> new StoreException("store.notFound", id.value()));
            outbox.reviewed(c, packetId, to, supervisor, kept);
            return null;
        });
    }

    /** A supervisor's refusal or sending back: which, who, why, when. */
    public record SupervisorDecision(OutboxState decision, String supervisor, String reason, java.time.Instant at) {

        /** Never prints the reason. */
        @Override
        public String toString() {
            return "SupervisorDecision[" + decision + " by " + supervisor + "]";
        }
    }

    /** Why a record was refused or sent back; empty for a record in any other state. */
    public Optional<SupervisorDecision> supervisorDecision(RegistrationId id) {
        Optional<String> packetId = db.read(c -> RecordRepository.packetOf(c, id));
        return packetId.flatMap(outbox::entry)
                .filter(e -> e.state() == OutboxState.DECLINED || e.state() == OutboxState.RETURNED)
                .map(e -> new SupervisorDecision(e.state(), db.read(c -> SqlOutbox.decidedBy(c, e.packetId())).orElse(""),
                        e.reason(), e.stateSince()));
    }

    /**
     * Records sent back to {@code operator} for correction that no later recording of the same
     * person has replaced yet (the corrected one counts as recorded), oldest first.
     */
    public List<RegistrationId> returnedTo(String operator) {
        List<RegistrationId> returned = db.read(c -> {
            List<RegistrationId> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT p.record_id FROM outbox o JOIN packets p "
                    + "ON p.id = o.packet_id JOIN records r ON r.id = p.record_id "
                    + "WHERE o.state = 'RETURNED' AND r.operator_id = ? ORDER BY o.seq")) {
                p.setString(1, operator);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(new RegistrationId(rs.getString(1)));
                    }
                }
            }
            return out;
        });
        List<RegistrationId> open = new ArrayList<>();
        for (RegistrationId id : returned) {
            records.findSummary(id).ifPresent(s -> {
                boolean replaced = records.findByNik(s.nik()).stream()
                        .anyMatch(other -> CommitPolicy.countsAsRecorded(other.state()));
                if (!replaced) {
                    open.add(id);
                }
            });
        }
        return open;
    }

    /** Records waiting for a supervisor, oldest first. */
    public List<RegistrationId> waitingApproval(int limit) {
        return db.read(c -> {
            List<RegistrationId> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT p.record_id FROM outbox o JOIN packets p "
                    + "ON p.id = o.packet_id WHERE o.state = 'CAPTURED' ORDER BY o.seq LIMIT ?")) {
                p.setInt(1, limit);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(new RegistrationId(rs.getString(1)));
                    }
                }
            }
            return out;
        });
    }

    /** Why a record was sent to review and, once reviewed, the supervisor's note, opened; empty when it needed none. */
    public Optional<RecordReview> review(RegistrationId id) {
        return db.read(c -> reviews.read(c, id.value()));
    }

    /** Whether a record waits for a supervisor's review before it may be approved. */
    public boolean awaitingReview(RegistrationId id) {
        return db.read(c -> SqlReviews.awaiting(c, id.value()));
    }

    /** The override a record was saved under, its reason opened; empty when it needed none. */
    public Optional<DuplicateOverride> override(RegistrationId id) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT supervisor, reason, candidates FROM duplicate_overrides WHERE record_id = ?")) {
                p.setString(1, id.value());
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    byte[] candidates = rs.getBytes(3);
                    return Optional.of(new DuplicateOverride(rs.getString(1),
                            new String(data.decrypt(rs.getBytes(2), id.value(), OVERRIDE_REASON), StandardCharsets.UTF_8),
                            candidates == null ? List.of()
                                    : candidates(data.decrypt(candidates, id.value(), OVERRIDE_CANDIDATES))));
                }
            }
        });
    }

    /** Records saved under an override, oldest first (the KTP ganda intake reads them). */
    public List<RegistrationId> overridden() {
        return db.read(c -> {
            List<RegistrationId> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT record_id FROM duplicate_overrides ORDER BY at, record_id");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new RegistrationId(rs.getString(1)));
                }
            }
            return out;
        });
    }

    private static byte[] candidatesJson(DuplicateOverride o) {
        try {
            return JSON.writeValueAsBytes(o.candidates());
        } catch (IOException e) {
            throw new IllegalArgumentException("override candidates not serialisable", e);
        }
    }

    private static List<DuplicateOverride.Candidate> candidates(byte[] json) {
        try {
            return List.of(JSON.readValue(json, DuplicateOverride.Candidate[].class));
        } catch (IOException e) {
            throw new IllegalStateException("stored override candidates are unreadable", e);
        }
    }
}
