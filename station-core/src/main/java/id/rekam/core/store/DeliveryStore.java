package id.rekam.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.core.outbox.OutboxEntry;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.outbox.SealedPacket;
import id.rekam.core.trust.ServerTrust;
import id.rekam.core.trust.SignedJson;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The store as the sync service sees it without the passphrase (issue 14, item 1): it reads the
 * queue and the sealed packets (which only the central server can open) from columns that need no
 * key, and writes only what the server told it — upload progress, the server's signed receipts and
 * verdicts, in the {@code delivery} and {@code inbox} tables — plus the server's signed commands,
 * which it carries out (lock, crypto-erase). It never changes a record's outbox state, writes an
 * audit entry or reads anything personal: at the next unlock the store checks every signature with
 * the pinned key and applies what holds through the audited outbox ({@code JournalFold}).
 *
 * <p>Also the unlocked store's own view of these tables ({@link StationStore#delivery()}).
 */
public final class DeliveryStore implements AutoCloseable {

    /** Journal states of a packet while the store is locked. */
    static final String UPLOADING = "UPLOADING";
    static final String RECEIVED = "RECEIVED";
    static final String REJECTED = "REJECTED";
    static final String PARKED = "PARKED";

    private final Path dataDir;
    private final Database db;
    private final String stationId;
    private final Clock clock;
    private final boolean owner;

    DeliveryStore(Path dataDir, Database db, String stationId, Clock clock, boolean owner) {
        this.dataDir = dataDir;
        this.db = db;
        this.stationId = stationId;
        this.clock = clock;
        this.owner = owner;
    }

    /**
     * Opens the store without a passphrase, for delivery only.
     *
     * @throws StoreException not initialised, written by an older version not yet opened with the
     *                        passphrase (its upgrade needs the keys), or by a newer one
     */
    public static DeliveryStore open(Path dataDir) {
        return open(dataDir, Clock.systemUTC());
    }

    public static DeliveryStore open(Path dataDir, Clock clock) {
        Path file = dataDir.resolve(StationStore.DB_FILE);
        if (!Files.isRegularFile(file)) {
            throw new StoreException("store.notInitialised", dataDir);
        }
        Database db;
        try {
            db = Database.open(file, 0);
        } catch (SQLException e) {
            throw Database.translate(e);
        }
        try {
            String stationId = db.read(c -> {
                int version = Migrations.currentVersion(c);
                if (version > Migrations.LATEST) {
                    throw new NewerSchemaException(version, Migrations.LATEST);
                }
                if (version < Migrations.LATEST) {
                    throw new StoreException("store.needsUnlock", version, Migrations.LATEST);
                }
                try (PreparedStatement p = c.prepareStatement("SELECT station_id FROM station WHERE id = 1");
                     ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException("store.notInitialised", dataDir);
                    }
                    return rs.getString(1);
                }
            });
            return new DeliveryStore(dataDir, db, stationId, clock, true);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public String stationId() {
        return stationId;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The pinned server, as stored. Not checked against the keyed state here (that needs the keys). */
    public Optional<ServerTrust> serverTrust() {
        return db.read(TrustTable::read);
    }

    // ---------------------------------------------------------------- packets

    /**
     * Packets to send: queued, uploading or exported, sealed, not yet received by the server as far
     * as the journal knows; an upload begun while locked continues from the journal's URL and offset.
     */
    public List<OutboxEntry> deliverable(int limit) {
        return db.read(c -> {
            List<OutboxEntry> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT o.packet_id, p.kind, o.state, o.state_since, p.sha256, "
                    + "p.body_length, coalesce(d.upload_url, o.upload_url), "
                    + "CASE WHEN d.upload_url IS NOT NULL THEN d.upload_offset ELSE o.upload_offset END, "
                    + "p.created_at, d.state FROM outbox o JOIN packets p ON p.id = o.packet_id "
                    + "LEFT JOIN delivery d ON d.packet_id = o.packet_id "
                    + "WHERE o.state IN ('QUEUED', 'UPLOADING', 'EXPORTED') AND p.seal_header IS NOT NULL "
                    + "AND p.body IS NOT NULL AND (d.state IS NULL OR d.state = 'UPLOADING') ORDER BY o.seq LIMIT ?")) {
                p.setInt(1, limit);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        String url = rs.getString(7);
                        OutboxState state = UPLOADING.equals(rs.getString(10)) ? OutboxState.UPLOADING
                                : OutboxState.valueOf(rs.getString(3));
                        out.add(new OutboxEntry(rs.getString(1), rs.getString(2), state,
                                Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5), rs.getLong(6),
                                url == null ? null : URI.create(url), rs.getLong(8), null,
                                Instant.ofEpochMilli(rs.getLong(9))));
                    }
                }
            }
            return out;
        });
    }

    /** Queued packets the sync service cannot send: not sealed yet (the station must be unlocked once). */
    public int unsealed() {
        return db.read(c -> count(c, "SELECT count(*) FROM outbox o JOIN packets p ON p.id = o.packet_id "
                + "WHERE o.state IN ('QUEUED', 'UPLOADING', 'EXPORTED') AND p.seal_header IS NULL AND p.body IS NOT NULL"));
    }

    public SealedPacket readSealed(String packetId) {
        return db.read(c -> SealedPackets.read(c, packetId));
    }

    public void recordUpload(String packetId, URI uploadUrl) {
        upsert(packetId, UPLOADING, uploadUrl.toString(), null, null);
    }

    /** Never goes backwards. */
    public void recordOffset(String packetId, long offset) {
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE delivery SET upload_offset = ?, updated_at = ? "
                    + "WHERE packet_id = ? AND state = 'UPLOADING' AND upload_offset <= ?")) {
                p.setLong(1, offset);
                p.setLong(2, clock.millis());
                p.setString(3, packetId);
                p.setLong(4, offset);
                return p.executeUpdate();
            }
        });
    }

    /** The server's signed receipt (already verified by the caller; checked again at the next unlock). */
    public void recordReceipt(String packetId, URI uploadUrl, JsonNode receipt) {
        String status = receipt.path("status").asText();
        upsert(packetId, "rejected".equals(status) ? REJECTED : RECEIVED,
                uploadUrl == null ? null : uploadUrl.toString(), SignedJson.text(receipt), null);
    }

    /** A refusal no retry fixes; the unlocked store parks the packet with this code. */
    public void recordParked(String packetId, String code) {
        upsert(packetId, PARKED, null, null, code);
    }

    private void upsert(String packetId, String state, String url, String receipt, String reason) {
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO delivery "
                    + "(packet_id, state, upload_url, upload_offset, receipt, reason, updated_at) VALUES (?,?,?,0,?,?,?) "
                    + "ON CONFLICT (packet_id) DO UPDATE SET state = excluded.state, "
                    + "upload_url = coalesce(excluded.upload_url, delivery.upload_url), "
                    + "upload_offset = CASE WHEN excluded.state = 'UPLOADING' AND excluded.upload_url IS NOT NULL "
                    + "AND excluded.upload_url IS NOT delivery.upload_url THEN 0 ELSE delivery.upload_offset END, "
                    + "receipt = excluded.receipt, reason = excluded.reason, updated_at = excluded.updated_at")) {
                p.setString(1, packetId);
                p.setString(2, state);
                p.setString(3, url);
                p.setString(4, receipt);
                p.setString(5, reason);
                p.setLong(6, clock.millis());
                return p.executeUpdate();
            }
        });
    }

    // ---------------------------------------------------------------- feed, verdicts, commands

    public Optional<String> feedCursor() {
        return db.read(SqlOutbox::feedCursor);
    }

    /**
     * A feed page received while locked: its entries (each already verified by the caller) wait in
     * the inbox for the next unlock, and the cursor moves past them, in one transaction.
     */
    public void recordFeedPage(List<JsonNode> entries, String nextCursor) {
        db.inTransaction(c -> {
            for (JsonNode e : entries) {
                inbox(c, e.path("cursor").asText(), e);
            }
            return SqlOutbox.recordFeedCursor(c, nextCursor, clock.millis());
        });
    }

    /** A signed verdict from a packet view (the announce of a packet already decided). */
    public void recordVerdict(JsonNode signedVerdict) {
        db.inTransaction(c -> {
            inbox(c, JournalFold.VIEW_CURSOR + signedVerdict.path("packetId").asText() + ":"
                    + signedVerdict.path("state").asText(), signedVerdict);
            return null;
        });
    }

    /** A verified feed entry kept in the inbox for a layer above the store, by its inbox row. */
    public record HeldEntry(long seq, JsonNode entry) {
    }

    /**
     * The feed entries received while the store was locked that the fold at unlock handed to the
     * cases layer, oldest first: case entries ({@code case-assigned}, {@code case-resolved}) and
     * case-raising verdicts it applied. What did not verify was dropped by the fold; the cases layer
     * takes each (checking its signature again) and then {@link #releaseHeld releases} it.
     */
    public List<HeldEntry> heldEntries() {
        return db.read(c -> {
            List<HeldEntry> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT seq, entry FROM inbox WHERE cursor LIKE '"
                    + JournalFold.FOR_CASES + "%' ORDER BY seq");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    JsonNode n = SignedJson.parse(rs.getString(2));
                    if (n != null) {
                        out.add(new HeldEntry(rs.getLong(1), n));
                    }
                }
            }
            return out;
        });
    }

    /** The cases layer took this entry (opened, updated or refused a case): it leaves the inbox. */
    public void releaseHeld(long seq) {
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM inbox WHERE seq = ?")) {
                p.setLong(1, seq);
                return p.executeUpdate();
            }
        });
    }

    private void inbox(Connection c, String cursor, JsonNode entry) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "INSERT OR IGNORE INTO inbox (cursor, entry, received_at) VALUES (?,?,?)")) {
            p.setString(1, cursor);
            p.setString(2, SignedJson.text(entry));
            p.setLong(3, clock.millis());
            p.executeUpdate();
        }
    }

    /**
     * Carries out a signed {@code station-command} feed entry (checked here against the pinned key).
     *
     * @return true when it destroyed the keys
     */
    public boolean applyCommand(JsonNode entry) {
        return ServerCommands.fromFeed(db, dataDir, serverTrust(), stationId, entry, clock.millis()).erased();
    }

    /** The commands of a signed revocation notice. @return true when they destroyed the keys */
    public boolean applyRevocation(JsonNode notice) {
        return ServerCommands.fromRevocation(db, dataDir, serverTrust(), stationId, notice, clock.millis()).erased();
    }

    public boolean erased() {
        return db.read(c -> StationCommandsTable.erasedAt(c).isPresent());
    }

    // ---------------------------------------------------------------- what the station reports

    /**
     * Records whose only copy is on this station: waiting for approval, queued, uploading, exported
     * or parked, and not received by the server as far as the journal knows.
     */
    public int pendingOnStation() {
        return db.read(c -> count(c, PENDING_SQL));
    }

    /** {@link #pendingOnStation()}, also what the failed-unlock policy protects. */
    static final String PENDING_SQL = "SELECT count(*) FROM outbox o LEFT JOIN delivery d ON d.packet_id = o.packet_id "
            + "WHERE o.state IN ('CAPTURED', 'APPROVED', 'QUEUED', 'UPLOADING', 'EXPORTED', 'NEEDS_ATTENTION') "
            + "AND (d.state IS NULL OR d.state NOT IN ('RECEIVED', 'REJECTED'))";

    /** Packets whose body was purged and the server not yet told. */
    public List<String> unreportedPurges(int limit) {
        return db.read(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id FROM packets WHERE purged_at IS NOT NULL "
                    + "AND purge_reported_at IS NULL ORDER BY purged_at LIMIT ?")) {
                p.setInt(1, limit);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
        });
    }

    /** The server's signed station-report receipt named these purges. */
    public void purgesReported(List<String> packetIds) {
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE packets SET purge_reported_at = ? WHERE id = ? AND purge_reported_at IS NULL")) {
                for (String id : packetIds) {
                    p.setLong(1, clock.millis());
                    p.setString(2, id);
                    p.executeUpdate();
                }
            }
            return null;
        });
    }

    /**
     * The outbox's counts with what the journal knows laid over them: packets the server received,
     * rejected or refused while the store was locked, and verdicts waiting in the inbox, counted in
     * the state they will have after the next unlock.
     */
    public Map<OutboxState, Long> countByState() {
        return db.read(c -> {
            Map<OutboxState, Long> n = SqlOutbox.counts(c);
            try (PreparedStatement p = c.prepareStatement("SELECT o.state, coalesce((SELECT coalesce("
                    + "json_extract(i.entry, '$.type'), json_extract(i.entry, '$.state')) FROM inbox i "
                    + "WHERE json_extract(i.entry, '$.packetId') = o.packet_id ORDER BY i.seq DESC LIMIT 1), "
                    + "d.state), count(*) FROM outbox o LEFT JOIN delivery d ON d.packet_id = o.packet_id "
                    + "WHERE (d.state IS NOT NULL AND d.state <> 'UPLOADING') OR EXISTS (SELECT 1 FROM inbox i "
                    + "WHERE json_extract(i.entry, '$.packetId') = o.packet_id) GROUP BY 1, 2");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    OutboxState from = OutboxState.valueOf(rs.getString(1));
                    OutboxState to = switch (String.valueOf(rs.getString(2))) {
                        case RECEIVED -> OutboxState.ACKNOWLEDGED;
                        case REJECTED, "rejected" -> OutboxState.REJECTED;
                        case PARKED -> OutboxState.NEEDS_ATTENTION;
                        case "accepted" -> OutboxState.CONFIRMED;
                        case "print-ready" -> OutboxState.PRINT_READY;
                        case "duplicate" -> OutboxState.DUPLICATE;
                        default -> from;
                    };
                    if (!from.isFinal() && from != to) {
                        long k = rs.getLong(3);
                        n.merge(from, -k, Long::sum);
                        n.merge(to, k, Long::sum);
                    }
                }
            }
            return new EnumMap<>(n);
        });
    }

    /** Events that need a technician (their reasons are sealed: counted only). */
    public long eventsNeedingAttention() {
        return db.read(c -> (long) count(c, "SELECT count(*) FROM events WHERE state = 'NEEDS_ATTENTION'"));
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Override
    public void close() {
        if (owner) {
            db.close();
        }
    }
}
