package id.rekam.server.cases;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rekam.server.feed.FeedbackFeed;
import id.rekam.server.http.Json;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Appends a signed entry to a station's feed: the signature covers the entry exactly as the feed
 * will serve it (type, packetId, at to the millisecond, and the fields after their JSON round trip),
 * minus the cursor, which is only known once stored.
 */
final class SignedFeed {

    private final FeedKey key;

    SignedFeed(FeedKey key) {
        this.key = key;
    }

    void append(Connection c, String stationId, String type, Map<String, Object> fields, Instant at)
            throws SQLException {
        Instant stored = Instant.ofEpochMilli(at.toEpochMilli());
        ObjectNode entry = Json.MAPPER.createObjectNode();
        entry.put("type", type);
        entry.put("at", stored.toString());
        entry.setAll((ObjectNode) Json.tree(Json.writeString(fields).getBytes(StandardCharsets.UTF_8)));
        key.sign(stationId, entry);
        Map<String, Object> signed = new LinkedHashMap<>(fields);
        signed.put("signature", entry.get("signature").asText());
        FeedbackFeed.append(c, stationId, null, type, signed, stored);
    }
}
