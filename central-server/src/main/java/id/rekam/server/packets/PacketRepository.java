package id.rekam.server.packets;

import id.rekam.server.store.Database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL for the packets table. */
public final class PacketRepository {

    private static final String COLUMNS = "packet_id, station_id, kind, size, sha256, signature, parts_json, state, "
            + "upload_id, upload_offset, reason_code, reason_message, nik, verdict_json, announced_at, received_at, "
            + "decided_at, print_ready_at, content_sha256, purge_confirmed_at";

    private final Database db;

    public PacketRepository(Database db) {
        this.db = db;
    }

    public Database db() {
        return db;
    }

    public Optional<PacketRecord> find(String packetId) {
        return db.queryOne("SELECT " + COLUMNS + " FROM packets WHERE packet_id=?", PacketRepository::map, packetId);
    }

    public static Optional<PacketRecord> find(Connection c, String packetId) throws SQLException {
        return Database.queryOne(c, "SELECT " + COLUMNS + " FROM packets WHERE packet_id=?", PacketRepository::map,
                packetId);
    }

    public Optional<PacketRecord> findByUpload(String uploadId) {
        return db.queryOne("SELECT " + COLUMNS + " FROM packets WHERE upload_id=?", PacketRepository::map, uploadId);
    }

    public List<PacketRecord> list() {
        return db.query("SELECT " + COLUMNS + " FROM packets ORDER BY announced_at, packet_id", PacketRepository::map);
    }

    public List<PacketRecord> inState(PacketState state) {
        return db.query("SELECT " + COLUMNS + " FROM packets WHERE state=? ORDER BY received_at, packet_id",
                PacketRepository::map, state.wire());
    }

    /**
     * Not synced on its own ({@link Database#txWithoutSync}): an announcement promises nothing
     * durable. The first chunk or the completion commits synced, and with it this row (same
     * WAL); if a power cut takes the row before that, the station's next request finds no
     * upload ({@code 404}) and announces again.
     */
    public void insertAnnounced(PacketRecord p) {
        db.txWithoutSync(c -> Database.update(c, "INSERT INTO packets(packet_id, station_id, kind, size, sha256, "
                        + "signature, parts_json, state, upload_id, upload_offset, announced_at, content_sha256) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                p.packetId(), p.stationId(), p.kind(), p.size(), p.sha256(), p.signature(), p.partsJson(),
                p.state().wire(), p.uploadId(), p.uploadOffset(), p.announcedAt().toEpochMilli(), p.contentSha256()));
    }

    public void updateOffset(String packetId, long offset) {
        db.update("UPDATE packets SET upload_offset=? WHERE packet_id=? AND state=?", offset, packetId,
                PacketState.AWAITING_UPLOAD.wire());
    }

    public static void markReceived(Connection c, String packetId, String nik, Instant at) throws SQLException {
        Database.update(c, "UPDATE packets SET state=?, upload_offset=size, nik=?, received_at=? WHERE packet_id=?",
                PacketState.RECEIVED.wire(), nik, at.toEpochMilli(), packetId);
    }

    public static void decide(Connection c, String packetId, PacketState state, String reasonCode,
                              String reasonMessage, String verdictJson, Instant at) throws SQLException {
        Database.update(c, "UPDATE packets SET state=?, upload_offset=size, reason_code=?, reason_message=?, "
                        + "verdict_json=?, decided_at=? WHERE packet_id=?",
                state.wire(), reasonCode, reasonMessage, verdictJson, at.toEpochMilli(), packetId);
    }

    /** Packets of a station it has not reported purging (what may still be on it); oldest first. */
    public List<PacketRecord> unpurgedOf(String stationId) {
        return db.query("SELECT " + COLUMNS + " FROM packets WHERE station_id=? AND received_at IS NOT NULL "
                + "AND purge_confirmed_at IS NULL ORDER BY received_at, packet_id", PacketRepository::map, stationId);
    }

    public List<PacketRecord> ofStation(String stationId) {
        return db.query("SELECT " + COLUMNS + " FROM packets WHERE station_id=? ORDER BY announced_at, packet_id",
                PacketRepository::map, stationId);
    }

    /** The station says it purged its copy of these packets; only its own, received ones count. @return how many */
    public static int confirmPurges(Connection c, String stationId, List<String> packetIds, Instant at)
            throws SQLException {
        int n = 0;
        for (String id : packetIds) {
            n += Database.update(c, "UPDATE packets SET purge_confirmed_at=? WHERE packet_id=? AND station_id=? "
                    + "AND received_at IS NOT NULL AND purge_confirmed_at IS NULL", at.toEpochMilli(), id, stationId);
        }
        return n;
    }

    public static void markPrintReady(Connection c, String packetId, Instant at) throws SQLException {
        Database.update(c, "UPDATE packets SET state=?, print_ready_at=? WHERE packet_id=?",
                PacketState.PRINT_READY.wire(), at.toEpochMilli(), packetId);
    }

    static PacketRecord map(ResultSet rs) throws SQLException {
        return new PacketRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), rs.getString(7), PacketState.fromWire(rs.getString(8)), rs.getString(9),
                rs.getLong(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                instant(rs, 15), instant(rs, 16), instant(rs, 17), instant(rs, 18), rs.getString(19), instant(rs, 20));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
