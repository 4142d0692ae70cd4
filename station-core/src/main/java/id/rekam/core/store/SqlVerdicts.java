package id.rekam.core.store;

import id.rekam.core.domain.RegistrationId;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.verdict.ServerVerdict;
import id.rekam.core.verdict.Verdicts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Verdicts} over the {@code verdicts} table and the outbox's state machine. */
final class SqlVerdicts implements Verdicts {

    private static final Logger LOG = LoggerFactory.getLogger(SqlVerdicts.class);

    private final Database db;
    private final SqlOutbox outbox;
    private final VerdictSeal seal;
    private final Clock clock;

    SqlVerdicts(Database db, SqlOutbox outbox, VerdictSeal seal, Clock clock) {
        this.db = db;
        this.outbox = outbox;
        this.seal = seal;
        this.clock = clock;
    }

    @Override
    public boolean apply(String packetId, ServerVerdict verdict, String actor) {
        byte[] sealed = seal.seal(packetId, verdict);
        return db.inTransaction(c -> apply(c, packetId, verdict, sealed, actor) != null);
    }

    @Override
    public List<String> applyAccepted(Map<String, ServerVerdict.Accepted> verdicts, String actor) {
        if (verdicts.isEmpty()) {
            return List.of();
        }
        Map<String, byte[]> sealed = new LinkedHashMap<>();
        verdicts.forEach((id, v) -> sealed.put(id, seal.seal(id, v)));
        return db.inTransaction(c -> {
            List<String> confirmed = new ArrayList<>();
            for (Map.Entry<String, ServerVerdict.Accepted> v : verdicts.entrySet()) {
                OutboxState before = apply(c, v.getKey(), v.getValue(), sealed.get(v.getKey()), actor);
                if (before == OutboxState.UPLOADING || before == OutboxState.ACKNOWLEDGED
                        || before == OutboxState.SERVER_REVIEW) {
                    confirmed.add(v.getKey());
                }
            }
            return confirmed;
        });
    }

    /**
     * Applies one verdict on the caller's transaction.
     *
     * @return the state the entry was in when the record reflects the verdict now; null when the
     *         packet is unknown or not waiting for a verdict
     */
    OutboxState apply(Connection c, String packetId, ServerVerdict verdict, byte[] sealed, String actor)
            throws SQLException {
        OutboxState before;
        try {
            before = SqlOutbox.state(c, packetId);
        } catch (StoreException unknown) {
            LOG.warn("{} verdict for packet {} unknown to this station; ignored", verdict.kind().wire(), packetId);
            return null;
        }
        OutboxState s = before;
        OutboxState target = verdict.state();
        if (s != OutboxState.UPLOADING && s != OutboxState.ACKNOWLEDGED && !s.hasVerdict()) {
            // QUEUED, parked or exported: the uploader's announce learns the verdict and comes back here.
            return null;
        }
        if (s == OutboxState.UPLOADING) {
            // A verdict means the server holds the body durably.
            outbox.transition(c, packetId, OutboxState.ACKNOWLEDGED, actor, null, null);
            s = OutboxState.ACKNOWLEDGED;
        }
        boolean accepted = target == OutboxState.CONFIRMED || target == OutboxState.PRINT_READY;
        // The official's decision after a server review lands like a first verdict.
        if (s == OutboxState.ACKNOWLEDGED || (s == OutboxState.SERVER_REVIEW && target != OutboxState.SERVER_REVIEW)) {
            OutboxState first = accepted ? OutboxState.CONFIRMED : target;
            outbox.transition(c, packetId, first, actor, auditDetails(verdict), null);
            s = first;
        }
        if (s == OutboxState.CONFIRMED && target == OutboxState.PRINT_READY) {
            outbox.transition(c, packetId, OutboxState.PRINT_READY, actor, auditDetails(verdict), null);
            s = OutboxState.PRINT_READY;
        }
        boolean reflects = s == target || (verdict.kind() == ServerVerdict.Kind.ACCEPTED && s == OutboxState.PRINT_READY);
        if (!reflects) {
            // Already decided otherwise (a final verdict stands); the feed never does this, but an old page might.
            LOG.warn("{} verdict for packet {} ignored: it is {}", verdict.kind().wire(), packetId, s);
            return before;
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO verdicts (packet_id, kind, decided_at, applied_at, data) "
                + "VALUES (?,?,?,?,?) ON CONFLICT (packet_id, kind) DO NOTHING")) {
            p.setString(1, packetId);
            p.setString(2, verdict.kind().wire());
            if (verdict.at() == null) {
                p.setNull(3, java.sql.Types.INTEGER);
            } else {
                p.setLong(3, verdict.at().toEpochMilli());
            }
            p.setLong(4, clock.millis());
            p.setBytes(5, sealed);
            p.executeUpdate();
        }
        return before;
    }

    /** What the audit trail says about a verdict: codes and ids, never a NIK, name or free text. */
    static Map<String, Object> auditDetails(ServerVerdict verdict) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("verdict", verdict.kind().wire());
        if (verdict.at() != null) {
            d.put("decidedAt", verdict.at().toString());
        }
        if (verdict instanceof ServerVerdict.Duplicate dup) {
            d.put("matchedBy", dup.matchedBy().wire());
            if (dup.other().registrationId() != null) {
                d.put("otherRecord", dup.other().registrationId());
            }
            if (dup.other().stationId() != null) {
                d.put("otherStation", dup.other().stationId());
            }
            d.put("matchingFingers", dup.fingers().stream().filter(ServerVerdict.FingerScore::matched).count());
        } else if (verdict instanceof ServerVerdict.Rejected r) {
            d.put("code", r.code());
        } else if (verdict instanceof ServerVerdict.NeedsReview r) {
            d.put("reasons", r.reasons());
            d.put("candidates", r.candidates().stream().map(x -> x.other().registrationId()).toList());
        }
        return d;
    }

    /**
     * Print-ready supersedes accepted even when the accepted entry was applied later (a packet
     * view may report print-ready before the feed's accepted entry is read); the official's
     * verdict after a needs-review comes later than it; other verdicts exclude each other.
     */
    @Override
    public Optional<ServerVerdict> latest(String packetId) {
        List<ServerVerdict> all = read(packetId,
                "ORDER BY CASE kind WHEN 'needs-review' THEN 0 WHEN 'accepted' THEN 1 ELSE 2 END, seq");
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    @Override
    public Optional<ServerVerdict> ofRecord(RegistrationId id) {
        return db.read(c -> RecordRepository.packetOf(c, id)).flatMap(this::latest);
    }

    @Override
    public List<ServerVerdict> history(String packetId) {
        return read(packetId, "ORDER BY seq");
    }

    private List<ServerVerdict> read(String packetId, String order) {
        return db.read(c -> {
            List<ServerVerdict> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT kind, data FROM verdicts WHERE packet_id = ? " + order)) {
                p.setString(1, packetId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(seal.open(packetId, ServerVerdict.Kind.fromWire(rs.getString(1)), rs.getBytes(2)));
                    }
                }
            }
            return out;
        });
    }
}
