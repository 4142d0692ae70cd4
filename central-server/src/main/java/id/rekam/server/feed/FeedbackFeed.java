package id.rekam.server.feed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rekam.core.trust.SignedJson;
import id.rekam.server.http.Json;
import id.rekam.server.keys.ServerKeyStore;
import id.rekam.server.store.Database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Per-station feed of verdicts and later notices. Entries are appended inside the same
 * transaction as the state change they report, so the feed never lags or leads the
 * packet table. The cursor is SQLite's AUTOINCREMENT key: strictly increasing, never reused.
 */
public final class FeedbackFeed {

    public static final int MAX_LIMIT = 500;

    private final Database db;
    private final ServerKeyStore keys;

    public FeedbackFeed(Database db, ServerKeyStore keys) {
        this.db = db;
        this.keys = keys;
    }

    public record Page(List<ObjectNode> items, String nextCursor, boolean hasMore) {
    }

    public static void append(Connection c, String stationId, String packetId, String type,
                              Map<String, Object> fields, Instant at) throws SQLException {
        Database.update(c, "INSERT INTO feedback(station_id, packet_id, type, payload, created_at) VALUES (?,?,?,?,?)",
                stationId, packetId, type, Json.writeString(fields), at.toEpochMilli());
    }

    public Page read(String stationId, long after, int limit) {
        int n = Math.max(1, Math.min(limit, MAX_LIMIT));
        List<ObjectNode> rows = db.query("SELECT seq, packet_id, type, payload, created_at FROM feedback "
                        + "WHERE station_id=? AND seq>? ORDER BY seq LIMIT ?",
                rs -> {
                    ObjectNode o = Json.MAPPER.createObjectNode();
                    o.put("cursor", Long.toString(rs.getLong(1)));
                    o.put("type", rs.getString(3));
                    if (rs.getString(2) != null) {
                        o.put("packetId", rs.getString(2));
                    }
                    o.put("at", Instant.ofEpochMilli(rs.getLong(5)).toString());
                    o.setAll((ObjectNode) Json.tree(rs.getString(4).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                    // Signed as served (protocol §3.1): the station acts on no entry whose signature fails.
                    return keys.sign(SignedJson.Purpose.FEED_ENTRY, stationId, o);
                }, stationId, after, n + 1);
        boolean more = rows.size() > n;
        List<ObjectNode> page = more ? rows.subList(0, n) : rows;
        String next = page.isEmpty() ? Long.toString(after) : page.get(page.size() - 1).get("cursor").asText();
        return new Page(List.copyOf(page), next, more);
    }
}
