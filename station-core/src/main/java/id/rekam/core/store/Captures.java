package id.rekam.core.store;

import id.rekam.core.audit.AuditActions;
import id.rekam.core.audit.AuditLog;
import id.rekam.core.auth.Role;
import id.rekam.core.commit.CaptureCommit;
import id.rekam.core.commit.CommitPolicy;
import id.rekam.core.commit.DuplicateOverride;
import id.rekam.core.crypto.Aead;
import id.rekam.core.domain.RegistrationId;
import id.rekam.core.outbox.OutboxState;

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
 * inside it on the roles the store holds: committing a capture (record, sealed packet, outbox
 * entry, audit; the supervisor's duplicate override with its reason sealed; approval and queueing
 * when the policy approves at commit) and approving records (APPROVED and QUEUED together). A
 * failure at any step leaves nothing of the call behind: no record without its packet, outbox
 * entry and audit entry, no override without its record, nothing approved but not queued.
 */
public final class Captures {

    /** AAD purpose of {@code duplicate_overrides.reason} (row key: the record id). */
    static final String OVERRIDE_REASON = "duplicate-override";

    private final Database db;
    private final RecordRepository records;
    private final SqlOutbox outbox;
    private final AuditLog audit;
    private final Aead data;
    private final Clock clock;

    Captures(Database db, RecordRepository records, SqlOutbox outbox, AuditLog audit, Aead data, Clock clock) {
        this.db = db;
        this.records = records;
        this.outbox = outbox;
        this.audit = audit;
        this.data = data;
        this.clock = clock;
    }

    /**
     * Commits a capture. Durable when this returns ({@code synchronous=FULL}).
     *
     * @return the receipt; its state is CAPTURED (waits for a supervisor) or QUEUED (approved at commit)
     * @throws id.rekam.core.auth.AuthException an override by someone who is not a supervisor; nothing stored
     * @throws StoreException                   an override without a usable reason; nothing stored
     * @throws StoreFullException               the disk is full; nothing stored
     */
    public SavedEnrollment commit(CaptureCommit request) {
        RecordRepository.Prepared prepared = records.prepare(request.record());
        String operator = request.record().operatorId();
        OutboxState state = db.inTransaction(c -> {
            records.insert(c, prepared);
            if (request.override() != null) {
                overridden(c, prepared.recordId(), operator, request.override());
            }
            Role committer = SqlOperators.activeRole(c, operator).orElse(null);
            if (!CommitPolicy.approvedAtCommit(committer, request.mode())) {
                return OutboxState.CAPTURED;
            }
            String packetId = prepared.packet().id();
            outbox.approved(c, packetId, operator);
            outbox.transition(c, packetId, OutboxState.QUEUED, operator, null, null);
            return OutboxState.QUEUED;
        });
        return records.committed(prepared, state);
    }

    private void overridden(Connection c, String recordId, String operator, DuplicateOverride o) throws SQLException {
        String reason = CommitPolicy.overrideReason(o.supervisor(),
                SqlOperators.activeRole(c, o.supervisor()).orElse(null), o.reason());
        try (PreparedStatement p = c.prepareStatement("INSERT INTO duplicate_overrides "
                + "(record_id, supervisor, operator, reason, at) VALUES (?,?,?,?,?)")) {
            p.setString(1, recordId);
            p.setString(2, o.supervisor());
            p.setString(3, operator);
            p.setBytes(4, data.encrypt(reason.getBytes(StandardCharsets.UTF_8), recordId, OVERRIDE_REASON));
            p.setLong(5, clock.millis());
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
     */
    public void approve(Collection<RegistrationId> ids, String supervisor) {
        db.inTransaction(c -> {
            SqlOutbox.requireApprover(c, supervisor);
            for (RegistrationId id : ids) {
                String packetId = RecordRepository.packetOf(c, id)
                        .orElseThrow(() -> new StoreException("store.notFound", id.value()));
                outbox.approved(c, packetId, supervisor);
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
        review(id, supervisor, reason, OutboxState.DECLINED);
    }

    /**
     * A supervisor sends a record back to its operator for correction: CAPTURED → RETURNED, the
     * reason sealed, audited. The corrected recording is a new record; this one never leaves the
     * station, and no longer counts for the local duplicate checks.
     */
    public void sendBack(RegistrationId id, String supervisor, String reason) {
        review(id, supervisor, reason, OutboxState.RETURNED);
    }

    private void review(RegistrationId id, String supervisor, String reason, OutboxState to) {
        db.inTransaction(c -> {
            String kept = CommitPolicy.reviewReason(supervisor, SqlOperators.activeRole(c, supervisor).orElse(null),
                    reason);
            String packetId = RecordRepository.packetOf(c, id)
                    .orElseThrow(() -> new StoreException("store.notFound", id.value()));
            outbox.reviewed(c, packetId, to, supervisor, kept);
            return null;
        });
    }

    /** A supervisor's refusal or sending back: which, who, why, when. */
    public record ReviewNote(OutboxState decision, String supervisor, String reason, java.time.Instant at) {

        /** Never prints the reason. */
        @Override
        public String toString() {
            return "ReviewNote[" + decision + " by " + supervisor + "]";
        }
    }

    /** Why a record was refused or sent back; empty for a record in any other state. */
    public Optional<ReviewNote> reviewNote(RegistrationId id) {
        Optional<String> packetId = db.read(c -> RecordRepository.packetOf(c, id));
        return packetId.flatMap(outbox::entry)
                .filter(e -> e.state() == OutboxState.DECLINED || e.state() == OutboxState.RETURNED)
                .map(e -> new ReviewNote(e.state(), db.read(c -> SqlOutbox.decidedBy(c, e.packetId())).orElse(""),
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

    /** The override a record was saved under, its reason opened; empty when it needed none. */
    public Optional<DuplicateOverride> override(RegistrationId id) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT supervisor, reason FROM duplicate_overrides WHERE record_id = ?")) {
                p.setString(1, id.value());
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new DuplicateOverride(rs.getString(1),
                            new String(data.decrypt(rs.getBytes(2), id.value(), OVERRIDE_REASON), StandardCharsets.UTF_8)));
                }
            }
        });
    }
}
