package id.rekam.core.store;

import id.rekam.core.audit.AuditActions;
import id.rekam.core.audit.AuditLog;
import id.rekam.core.commit.CommitPolicy;
import id.rekam.core.crypto.Aead;
import id.rekam.core.crypto.StationKeys;
import id.rekam.core.domain.Nik;
import id.rekam.core.outbox.IllegalTransitionException;
import id.rekam.core.outbox.Outbox;
import id.rekam.core.outbox.OutboxEntry;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.outbox.PacketEnvelope;
import id.rekam.core.packet.EnrollmentPackets;
import id.rekam.core.packet.Packet;
import id.rekam.core.packet.PacketCodec;
import id.rekam.core.packet.PacketFormatException;
import id.rekam.core.packet.PacketPart;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Outbox} over the {@code packets} and {@code outbox} tables. */
final class SqlOutbox implements Outbox {

    static final String BODY = "body";
    static final String TEMPLATES = "templates";
    /** AAD purpose of {@code outbox.reason}: a parked entry's reason may quote a server text, so it is sealed. */
    static final String REASON = "outbox-reason";

    private final Database db;
    private final StationKeys keys;
    private final AuditLog audit;
    private final Clock clock;
    private final PacketCodec codec = new PacketCodec();
    private final SqlOperators operators;
    private final boolean selfApproval;
    /** Refuses to move an entry whose row was changed without the passphrase; set once the store is unlocked. */
    private StateSeal seal;
    private final PacketBodies bodies;

    SqlOutbox(Database db, StationKeys keys, AuditLog audit, SqlOperators operators, Clock clock,
              boolean selfApproval) {
        this.selfApproval = selfApproval;
        this.bodies = new PacketBodies(keys.data());
        this.db = db;
        this.keys = keys;
        this.audit = audit;
        this.operators = operators;
        this.clock = clock;
    }

    void stateSeal(StateSeal s) {
        this.seal = s;
    }

    private static final String ENTRY_SQL = "SELECT o.packet_id, p.kind, o.state, o.state_since, p.sha256, "
            + "p.body_length, o.upload_url, o.upload_offset, o.reason, p.created_at "
            + "FROM outbox o JOIN packets p ON p.id = o.packet_id ";

    private OutboxEntry entry(ResultSet rs) throws SQLException {
        String packetId = rs.getString(1);
        String url = rs.getString(7);
        byte[] reason = rs.getBytes(9);
        return new OutboxEntry(packetId, rs.getString(2), OutboxState.valueOf(rs.getString(3)),
                Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5), rs.getLong(6),
                url == null ? null : URI.create(url), rs.getLong(8),
                reason == null ? null : new String(keys.data().decrypt(reason, packetId, REASON), StandardCharsets.UTF_8),
                Instant.ofEpochMilli(rs.getLong(10)));
    }

    /** A reason sealed for {@code outbox.reason} or {@code events.reason}; null stays null. */
    static byte[] sealReason(Aead data, String reason, String rowId, String purpose) {
        return reason == null ? null : data.encrypt(reason.getBytes(StandardCharsets.UTF_8), rowId, purpose);
    }

    @Override
    public List<OutboxEntry> deliverable(int limit) {
        return db.read(c -> {
            List<OutboxEntry> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(ENTRY_SQL
                    + "WHERE o.state IN ('QUEUED', 'UPLOADING', 'EXPORTED') ORDER BY o.seq LIMIT ?")) {
                p.setInt(1, limit);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(entry(rs));
                    }
                }
            }
            // Nothing leaves the station on a state nobody with the passphrase set (e.g. QUEUED unapproved).
            if (seal != null) {
                for (OutboxEntry e : out) {
                    seal.requireIntact(c, SealedTable.OUTBOX, e.packetId());
                }
            }
            return out;
        });
    }

    @Override
    public Optional<OutboxEntry> entry(String packetId) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement(ENTRY_SQL + "WHERE o.packet_id = ?")) {
                p.setString(1, packetId);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<OutboxEntry> inState(OutboxState state, int limit) {
        return db.read(c -> {
            List<OutboxEntry> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(ENTRY_SQL + "WHERE o.state = ? ORDER BY o.seq LIMIT ?")) {
                p.setString(1, state.name());
                p.setInt(2, limit);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(entry(rs));
                    }
                }
            }
            return out;
        });
    }

    static final String FEED_CURSOR = "feed.cursor";

    @Override
    public Optional<String> feedCursor() {
        return db.read(SqlOutbox::feedCursor);
    }

    static Optional<String> feedCursor(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT value FROM sync_state WHERE key = ?")) {
            p.setString(1, FEED_CURSOR);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    @Override
    public void recordFeedCursor(String cursor) {
        db.inTransaction(c -> recordFeedCursor(c, cursor, clock.millis()));
    }

    /** On the caller's transaction (the locked side writes the cursor with the page's inbox entries). */
    static int recordFeedCursor(Connection c, String cursor, long now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO sync_state (key, value, updated_at) "
                + "VALUES (?,?,?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                + "updated_at = excluded.updated_at")) {
            p.setString(1, FEED_CURSOR);
            p.setString(2, cursor);
            p.setLong(3, now);
            return p.executeUpdate();
        }
    }

    @Override
    public PacketEnvelope readPacket(String packetId) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT kind, sha256, signature, body, body_key FROM packets WHERE id = ?")) {
                p.setString(1, packetId);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException("store.notFound", packetId);
                    }
                    byte[] sealed = rs.getBytes(4);
                    if (sealed == null) {
                        throw new PayloadPurgedException(packetId);
                    }
                    return new PacketEnvelope(packetId, rs.getString(1), bodies.open(packetId, sealed, rs.getBytes(5)),
                            rs.getString(2), rs.getBytes(3));
                }
            }
        });
    }

    @Override
    public id.rekam.core.outbox.SealedPacket readSealed(String packetId) {
        return db.read(c -> SealedPackets.read(c, packetId));
    }

    /**
     * Checks and applies one transition plus its audit entry, on the caller's transaction. The
     * reason is sealed in the outbox row; the audit entry carries it with any NIK masked (the
     * trail never holds personal data).
     */
    void transition(Connection c, String packetId, OutboxState to, String actor, Map<String, ?> extra,
                    String reason) throws SQLException {
        if (seal != null) {
            seal.requireIntact(c, SealedTable.OUTBOX, packetId);
        }
        OutboxState from = state(c, packetId);
        if (!from.canMoveTo(to)) {
            throw new IllegalTransitionException(packetId, from, to);
        }
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE outbox SET state = ?, state_since = ?, reason = ? WHERE packet_id = ? AND state = ?")) {
            p.setString(1, to.name());
            p.setLong(2, clock.millis());
            p.setBytes(3, sealReason(keys.data(), reason, packetId, REASON));
            p.setString(4, packetId);
            p.setString(5, from.name());
            if (p.executeUpdate() != 1) {
                throw new IllegalStateException("outbox entry " + packetId + " changed concurrently");
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", from.name());
        details.put("to", to.name());
        if (reason != null) {
            details.put("reason", Nik.maskIn(reason));
        }
        if (extra != null) {
            details.putAll(extra);
        }
        audit.append(c, actor, AuditActions.OUTBOX_TRANSITION, packetId, details);
    }

    static OutboxState state(Connection c, String packetId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT state FROM outbox WHERE packet_id = ?")) {
            p.setString(1, packetId);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException("store.notFound", packetId);
                }
                return OutboxState.valueOf(rs.getString(1));
            }
        }
    }

    private void single(String packetId, OutboxState to, String actor, String reason) {
        db.inTransaction(c -> {
            transition(c, packetId, to, actor, null, reason);
            return null;
        });
    }

    @Override
    public void approve(Collection<String> packetIds, String supervisor) {
        db.inTransaction(c -> {
            requireApprover(c, supervisor);
            for (String id : packetIds) {
                approved(c, id, supervisor, selfApproved(c, id, supervisor));
            }
            return null;
        });
    }

    /** {@link CommitPolicy}'s approval rule, on the roles the store holds. */
    void requireApprover(Connection c, String supervisor) throws SQLException {
        CommitPolicy.requireApprover(supervisor, operators.activeRole(c, supervisor).orElse(null));
    }

    /**
     * CAPTURED → DECLINED or RETURNED by {@code supervisor} (already checked), on the caller's
     * transaction. The reason is sealed in the entry and kept out of the audit entry (it may name
     * people); {@code approved_by} names the supervisor who decided.
     */
    void reviewed(Connection c, String packetId, OutboxState to, String supervisor, String reason) throws SQLException {
        transition(c, packetId, to, supervisor, Map.of("review", to.name()), null);
        try (PreparedStatement p = c.prepareStatement("UPDATE outbox SET reason = ?, approved_by = ? WHERE packet_id = ?")) {
            p.setBytes(1, sealReason(keys.data(), reason, packetId, REASON));
            p.setString(2, supervisor);
            p.setString(3, packetId);
            p.executeUpdate();
        }
    }

    /** Who approved, refused or returned a packet; empty before a supervisor decided. */
    static Optional<String> decidedBy(Connection c, String packetId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT approved_by FROM outbox WHERE packet_id = ?")) {
            p.setString(1, packetId);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * Whether {@code supervisor} recorded the packet's record themselves; refused unless the
     * station allows self-approval ({@link CommitPolicy#requireNotOwnRecord}).
     */
    boolean selfApproved(Connection c, String packetId, String supervisor) throws SQLException {
        String recordedBy;
        try (PreparedStatement p = c.prepareStatement(
                "SELECT r.operator_id FROM packets p JOIN records r ON r.id = p.record_id WHERE p.id = ?")) {
            p.setString(1, packetId);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException("store.notFound", packetId);
                }
                recordedBy = rs.getString(1);
            }
        }
        CommitPolicy.requireNotOwnRecord(supervisor, recordedBy, selfApproval);
        return supervisor.equals(recordedBy);
    }

    /**
     * CAPTURED → APPROVED by {@code supervisor}, on the caller's transaction (approver and
     * self-approval already checked); a self-approval says so in its audit entry.
     */
    void approved(Connection c, String packetId, String supervisor, boolean self) throws SQLException {
        // Every approval path comes here, so a record waiting for its review is refused here.
        try (PreparedStatement p = c.prepareStatement("SELECT r.record_id FROM identification_reviews r "
                + "JOIN packets p ON p.record_id = r.record_id WHERE p.id = ? AND r.reviewed_at IS NULL")) {
            p.setString(1, packetId);
            try (ResultSet rs = p.executeQuery()) {
                if (rs.next()) {
                    CommitPolicy.requireReviewed(rs.getString(1), true);
                }
            }
        }
        transition(c, packetId, OutboxState.APPROVED, supervisor, self ? Map.of("selfApproved", true) : null, null);
        try (PreparedStatement p = c.prepareStatement("UPDATE outbox SET approved_by = ? WHERE packet_id = ?")) {
            p.setString(1, supervisor);
            p.setString(2, packetId);
            p.executeUpdate();
        }
    }

    @Override
    public void enqueue(Collection<String> packetIds, String actor) {
        db.inTransaction(c -> {
            for (String id : packetIds) {
                transition(c, id, OutboxState.QUEUED, actor, null, null);
            }
            return null;
        });
    }

    @Override
    public int enqueueAllApproved(String actor) {
        return db.inTransaction(c -> {
            List<String> ids = idsIn(c, OutboxState.APPROVED);
            for (String id : ids) {
                transition(c, id, OutboxState.QUEUED, actor, null, null);
            }
            return ids.size();
        });
    }

    private static List<String> idsIn(Connection c, OutboxState state) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT packet_id FROM outbox WHERE state = ? ORDER BY seq")) {
            p.setString(1, state.name());
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    @Override
    public void startUpload(String packetId, URI uploadUrl, String actor) {
        db.inTransaction(c -> {
            OutboxState from = state(c, packetId);
            if (from == OutboxState.QUEUED || from == OutboxState.EXPORTED) {
                transition(c, packetId, OutboxState.UPLOADING, actor, Map.of("uploadUrl", uploadUrl.toString()), null);
            } else if (from == OutboxState.UPLOADING) {
                audit.append(c, actor, AuditActions.UPLOAD_STARTED, packetId,
                        Map.of("uploadUrl", uploadUrl.toString(), "replacesExpiredUpload", true));
            } else {
                throw new IllegalTransitionException(packetId, from, OutboxState.UPLOADING);
            }
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE outbox SET upload_url = ?, upload_offset = 0 WHERE packet_id = ?")) {
                p.setString(1, uploadUrl.toString());
                p.setString(2, packetId);
                p.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void recordUploadOffset(String packetId, long offset) {
        db.inTransaction(c -> {
            OutboxState s = state(c, packetId);
            if (s != OutboxState.UPLOADING) {
                throw new IllegalStateException("packet " + packetId + " is " + s + ", not UPLOADING");
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE outbox SET upload_offset = ? "
                    + "WHERE packet_id = ? AND upload_offset <= ?")) {
                p.setLong(1, offset);
                p.setString(2, packetId);
                p.setLong(3, offset);
                if (p.executeUpdate() != 1) {
                    throw new IllegalArgumentException("upload offset of " + packetId + " cannot go back to " + offset);
                }
            }
            return null;
        });
    }

    @Override
    public void markAcknowledged(String packetId, String actor) {
        single(packetId, OutboxState.ACKNOWLEDGED, actor, null);
    }

    @Override
    public void acknowledgeUpload(String packetId, URI uploadUrl, String actor) {
        db.inTransaction(c -> {
            OutboxState from = state(c, packetId);
            if (from == OutboxState.QUEUED) {
                transition(c, packetId, OutboxState.UPLOADING, actor, Map.of("uploadUrl", uploadUrl.toString()), null);
                try (PreparedStatement p = c.prepareStatement(
                        "UPDATE outbox SET upload_url = ?, upload_offset = 0 WHERE packet_id = ?")) {
                    p.setString(1, uploadUrl.toString());
                    p.setString(2, packetId);
                    p.executeUpdate();
                }
            }
            transition(c, packetId, OutboxState.ACKNOWLEDGED, actor, null, null);
            return null;
        });
    }

    @Override
    public void markConfirmed(String packetId, String actor) {
        single(packetId, OutboxState.CONFIRMED, actor, null);
    }

    @Override
    public void markNeedsAttention(String packetId, String reason, String actor) {
        single(packetId, OutboxState.NEEDS_ATTENTION, actor, reason);
    }

    @Override
    public void requeue(String packetId, String reason, String technician) {
        single(packetId, OutboxState.QUEUED, technician, reason);
    }

    @Override
    public int markExported(Collection<String> packetIds, String bundleId, String technician) {
        return db.inTransaction(c -> {
            int n = 0;
            for (String id : packetIds) {
                if (!state(c, id).isExportable()) {
                    continue;
                }
                n++;
                transition(c, id, OutboxState.EXPORTED, technician, Map.of("bundle", bundleId), null);
                try (PreparedStatement p = c.prepareStatement(
                        "UPDATE outbox SET upload_url = NULL, upload_offset = 0 WHERE packet_id = ?")) {
                    p.setString(1, id);
                    p.executeUpdate();
                }
            }
            return n;
        });
    }

    @Override
    public Map<OutboxState, Long> countByState() {
        return db.read(SqlOutbox::counts);
    }

    static Map<OutboxState, Long> counts(Connection c) throws SQLException {
        Map<OutboxState, Long> out = new EnumMap<>(OutboxState.class);
        for (OutboxState s : OutboxState.values()) {
            out.put(s, 0L);
        }
        try (PreparedStatement p = c.prepareStatement("SELECT state, count(*) FROM outbox GROUP BY state");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                out.put(OutboxState.valueOf(rs.getString(1)), rs.getLong(2));
            }
        }
        return out;
    }

    @Override
    public int purgeConfirmed(Duration retention, String actor) {
        long cutoff = clock.millis() - retention.toMillis();
        List<String> due = db.read(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT o.packet_id FROM outbox o JOIN packets p "
                    + "ON p.id = o.packet_id WHERE o.state IN ('CONFIRMED', 'PRINT_READY') AND o.state_since <= ? "
                    + "AND p.body IS NOT NULL ORDER BY o.seq")) {
                p.setLong(1, cutoff);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
        });
        for (String id : due) {
            purge(id, actor);
        }
        return due.size();
    }

    private void purge(String packetId, String actor) {
        PacketEnvelope env = readPacket(packetId);
        Packet packet;
        try {
            packet = codec.decode(env.body());
        } catch (PacketFormatException e) {
            throw new IllegalStateException("stored packet " + packetId + " is unreadable", e);
        }
        List<PacketPart> templates = packet.parts().stream()
                .filter(p -> p.name().startsWith("finger-") && p.name().endsWith(".tpl")).toList();
        byte[] kept = codec.encode(packetId, TEMPLATES, packet.manifest().stationId(), packet.manifest().createdAt(),
                templates).body();
        byte[] sealed = keys.data().encrypt(kept, packetId, TEMPLATES);
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE packets SET body = NULL, templates = ?, purged_at = ? WHERE id = ? AND body IS NOT NULL")) {
                p.setBytes(1, sealed);
                p.setLong(2, clock.millis());
                p.setString(3, packetId);
                if (p.executeUpdate() != 1) {
                    return null;
                }
            }
            audit.append(c, actor, AuditActions.PAYLOAD_PURGED, packetId,
                    Map.of("sha256", env.sha256(), "templatesKept", templates.size()));
            return null;
        });
    }

    /** Finger templates of a packet, from the body or, after purge, from the kept templates. */
    List<PacketPart> templates(String packetId) {
        byte[][] blobs = db.read(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT body, templates, body_key FROM packets WHERE id = ?")) {
                p.setString(1, packetId);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException("store.notFound", packetId);
                    }
                    return new byte[][] {rs.getBytes(1), rs.getBytes(2), rs.getBytes(3)};
                }
            }
        });
        try {
            byte[] container = blobs[0] != null ? bodies.open(packetId, blobs[0], blobs[2])
                    : keys.data().decrypt(blobs[1], packetId, TEMPLATES);
            return codec.decode(container).parts().stream()
                    .filter(p -> p.name().startsWith("finger-") && p.name().endsWith(".tpl")).toList();
        } catch (PacketFormatException e) {
            throw new IllegalStateException("stored packet " + packetId + " is unreadable", e);
        }
    }

    static boolean isTemplatePart(String name) {
        return name.startsWith("finger-") && name.endsWith(".tpl") && !name.equals(EnrollmentPackets.FINGERS);
    }
}
