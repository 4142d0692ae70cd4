package id.rekam.core.store;

import id.rekam.core.audit.AuditActions;
import id.rekam.core.audit.AuditLog;
import id.rekam.core.crypto.StationKeys;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.Nik;
import id.rekam.core.domain.RegistrationId;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.packet.EnrollmentPackets;
import id.rekam.core.packet.Packet;
import id.rekam.core.packet.PacketCodec;
import id.rekam.core.packet.PacketFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Enrollment records: the capture's rows (record, packet, outbox entry, audit entry; committed by
 * {@link Captures} in one transaction with its approval and override) and the look-ups over
 * records, their sealed summaries and packets.
 */
final class RecordRepository {

    private static final Logger LOG = LoggerFactory.getLogger(StationStore.class);

    /** CROSS JOIN fixes the join order (SQLite's rule): drive from records and its indexes, never scan packets. */
    static final String SUMMARY_SQL = "SELECT r.id, r.summary, r.captured_at, r.operator_id, o.state, "
            + "p.purged_at FROM records r CROSS JOIN packets p ON p.record_id = r.id CROSS JOIN outbox o ON o.packet_id = p.id ";

    private final Database db;
    private final StationKeys keys;
    private final AuditLog audit;
    private final SqlOutbox outbox;
    private final SummarySeal summaries;
    private final SummaryIndex searchIndex;
    private final StoreOptions options;
    private final String stationId;
    private final EnrollmentPackets enrollmentPackets = new EnrollmentPackets();
    private final TemplateSeal templateSeal;
    private final PacketCodec codec = new PacketCodec();
    private final PacketBodies bodies;
    /** The pinned server packet key (raw X25519), null while none is pinned. */
    private final java.util.function.Supplier<byte[]> serverPacketKey;

    RecordRepository(Database db, StationKeys keys, AuditLog audit, SqlOutbox outbox, SummarySeal summaries,
                     SummaryIndex searchIndex, StoreOptions options, String stationId,
                     java.util.function.Supplier<byte[]> serverPacketKey) {
        this.bodies = new PacketBodies(keys.data());
        this.serverPacketKey = serverPacketKey;
        this.db = db;
        this.keys = keys;
        this.audit = audit;
        this.outbox = outbox;
        this.summaries = summaries;
        this.searchIndex = searchIndex;
        this.options = options;
        this.stationId = stationId;
        this.templateSeal = new TemplateSeal(keys.data());
    }

    /** A capture with all its CPU work done (encode, hash, sign, seal), ready to be inserted. */
    record Prepared(EnrollmentRecord record, Packet packet, byte[] signature, PacketBodies.Sealed body, SummaryDoc doc,
                    byte[] summary, byte[] nikIndex, byte[] sealedTemplates) {
        String recordId() {
            return record.id().value();
        }
    }

    Prepared prepare(EnrollmentRecord record) {
        if (!record.stationId().equals(stationId)) {
            throw new IllegalArgumentException("record belongs to station " + record.stationId());
        }
        // All CPU work happens before the write transaction starts.
        Packet packet = enrollmentPackets.toPacket(record);
        byte[] signature = keys.sign(PacketCodec.signingInput(packet.id(), packet.sha256()));
        // One AES-GCM pass over the body, as before sealing existed; sealing to the server adds one
        // X25519 key agreement on a 32-byte key (PacketSeal), not a second pass.
        PacketBodies.Sealed sealedBody = bodies.seal(packet.id(), packet.body(), serverPacketKey.get());
        SummaryDoc doc = SummaryDoc.of(record);
        byte[] summary = summaries.seal(record.id().value(), doc);
        byte[] nikIndex = keys.blindIndex().nik(record.demographics().nik());
        byte[] templates = templateSeal.seal(record.id().value(), TemplateSeal.of(record));
        return new Prepared(record, packet, signature, sealedBody, doc, summary, nikIndex, templates);
    }

    /**
     * Inserts the record row, its packet, its sealed templates (the duplicate check's own row),
     * its outbox entry (CAPTURED) and the capture's audit entry on the caller's transaction.
     */
    void insert(Connection c, Prepared prepared) throws SQLException {
        Packet packet = prepared.packet();
        String recordId = prepared.recordId();
        long now = options.clock().millis();
        {
            PreparedStatement p = db.cached("INSERT INTO records "
                    + "(id, nik_bidx, summary, operator_id, captured_at, committed_at) VALUES (?,?,?,?,?,?)");
            p.setString(1, recordId);
            p.setBytes(2, prepared.nikIndex());
            p.setBytes(3, prepared.summary());
            p.setString(4, prepared.record().operatorId());
            p.setString(5, prepared.record().createdAt().toString());
            p.setLong(6, now);
            p.executeUpdate();
        }
        {
            PreparedStatement p = db.cached("INSERT INTO packets "
                    + "(id, record_id, kind, sha256, signature, body_length, body, created_at, body_key, seal_header) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?)");
            p.setString(1, packet.id());
            p.setString(2, recordId);
            p.setString(3, EnrollmentPackets.KIND);
            p.setString(4, packet.sha256());
            p.setBytes(5, prepared.signature());
            p.setLong(6, packet.body().length);
            p.setBytes(7, prepared.body().body());
            p.setLong(8, now);
            p.setBytes(9, prepared.body().bodyKey());
            p.setBytes(10, prepared.body().header());
            p.executeUpdate();
        }
        {
            PreparedStatement p = db.cached("INSERT INTO fingerprint_templates (record_id, sealed) VALUES (?,?)");
            p.setString(1, recordId);
            p.setBytes(2, prepared.sealedTemplates());
            p.executeUpdate();
        }
        {
            PreparedStatement p = db.cached("INSERT INTO outbox (packet_id, state, state_since) VALUES (?, 'CAPTURED', ?)");
            p.setString(1, packet.id());
            p.setLong(2, now);
            p.executeUpdate();
        }
        audit.append(c, prepared.record().operatorId(), AuditActions.ENROLLMENT_CAPTURED, recordId,
                Map.of("sha256", packet.sha256(), "bytes", packet.body().length));
    }

    /** After the commit: the in-memory search index learns the record. */
    SavedEnrollment committed(Prepared prepared, OutboxState state) {
        searchIndex.added(prepared.recordId(), prepared.doc());
        Packet packet = prepared.packet();
        LOG.info("enrollment {} committed (NIK {}, {} bytes, {})", prepared.recordId(),
                prepared.record().demographics().nik().masked(), packet.body().length, state);
        return new SavedEnrollment(prepared.record().id(), packet.id(), packet.sha256(), packet.body().length, state);
    }

    private RecordSummary summary(ResultSet rs) throws SQLException {
        String id = rs.getString(1);
        SummaryDoc doc = summaries.open(id, rs.getBytes(2));
        rs.getLong(6);
        boolean purged = !rs.wasNull();
        return new RecordSummary(new RegistrationId(id), Nik.of(doc.nik()), doc.fullName(), doc.birthDate(),
                doc.gender(), doc.villageCode(), Instant.parse(rs.getString(3)), rs.getString(4),
                OutboxState.valueOf(rs.getString(5)), purged);
    }

    List<RecordSummary> findByNik(Nik nik) {
        byte[] index = keys.blindIndex().nik(nik);
        return db.read(c -> {
            List<RecordSummary> out = new ArrayList<>();
            PreparedStatement p = db.cached(SUMMARY_SQL + "WHERE r.nik_bidx = ? ORDER BY r.committed_at");
            p.setBytes(1, index);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    RecordSummary s = summary(rs);
                    if (s.nik().equals(nik)) {
                        out.add(s);
                    }
                }
            }
            return out;
        });
    }

    Optional<RecordSummary> findSummary(RegistrationId id) {
        return db.read(c -> {
            PreparedStatement p = db.cached(SUMMARY_SQL + "WHERE r.id = ?");
            p.setString(1, id.value());
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(summary(rs)) : Optional.empty();
            }
        });
    }

    Optional<EnrollmentRecord> findById(RegistrationId id) {
        Optional<String> packetId = db.read(c -> packetOf(c, id));
        if (packetId.isEmpty()) {
            return Optional.empty();
        }
        byte[] body = outbox.readPacket(packetId.get()).body();
        try {
            return Optional.of(enrollmentPackets.fromPacket(codec.decode(body)));
        } catch (PacketFormatException e) {
            throw new IllegalStateException("stored packet of " + id + " is unreadable", e);
        }
    }

    /** The packet of a record (an enrollment's packet carries the record's id, but callers should not rely on it). */
    static Optional<String> packetOf(Connection c, RegistrationId id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM packets WHERE record_id = ?")) {
            p.setString(1, id.value());
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    List<RecordSummary> listRecent(int offset, int limit) {
        return db.read(c -> {
            List<RecordSummary> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(SUMMARY_SQL
                    + "ORDER BY r.committed_at DESC, r.rowid DESC LIMIT ? OFFSET ?")) {
                p.setInt(1, limit);
                p.setInt(2, offset);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(summary(rs));
                    }
                }
            }
            return out;
        });
    }

    Counters counters() {
        LocalDate today = LocalDate.now(options.clock().withZone(options.zone()));
        long from = today.atStartOfDay(options.zone()).toInstant().toEpochMilli();
        long to = today.plusDays(1).atStartOfDay(options.zone()).toInstant().toEpochMilli();
        return db.read(c -> {
            long captured;
            try (PreparedStatement p = c.prepareStatement(
                    // By capture time, the time the records list shows: counted by save time, records
                    // restored or seeded today (captured on other days) counted as "today".
                    // captured_at is an ISO instant; its first 19 characters sort as time does.
                    "SELECT count(*) FROM records WHERE substr(captured_at, 1, 19) >= ? AND substr(captured_at, 1, 19) < ?")) {
                p.setString(1, Instant.ofEpochMilli(from).toString().substring(0, 19));
                p.setString(2, Instant.ofEpochMilli(to).toString().substring(0, 19));
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    captured = rs.getLong(1);
                }
            }
            Map<OutboxState, Long> n = SqlOutbox.counts(c);
            return new Counters(captured, n.get(OutboxState.CAPTURED),
                    n.get(OutboxState.APPROVED) + n.get(OutboxState.QUEUED) + n.get(OutboxState.UPLOADING)
                            + n.get(OutboxState.EXPORTED),
                    n.get(OutboxState.NEEDS_ATTENTION));
        });
    }

    long count() {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM records")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
