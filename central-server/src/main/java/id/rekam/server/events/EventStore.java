package id.rekam.server.events;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.server.auth.CanonicalRequest;
import id.rekam.server.http.Json;
import id.rekam.server.store.Database;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Small state changes (approvals, hand-overs, destructions) in batches, each idempotent by
 * its id: the same id with the same content (compared in key-sorted canonical JSON) gets
 * the stored result again; the same id with other content is a per-event conflict.
 */
public final class EventStore {

    public static final int MAX_BATCH = 500;
    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9.-]{0,63}");

    /**
     * A view kept from events of some types (the loan ledger), updated in the transaction that
     * stores a new event; a repeated event does not reach it again.
     */
    public interface Projection {
        void apply(java.sql.Connection c, String stationId, JsonNode event) throws java.sql.SQLException;
    }

    private final Database db;
    private final Clock clock;
    private final Map<String, Handler> handlers;
    private final List<Projection> projections;

    /**
     * What the server does with an event of one type beyond storing it, run once — when the event is
     * first stored, in the same transaction (a re-sent event is not applied again).
     */
    @FunctionalInterface
    public interface Handler {
        /** @return work to run after the transaction committed (in-memory state), or null */
        Runnable apply(Connection c, String stationId, String eventId, JsonNode event) throws SQLException;
    }

    public EventStore(Database db, Clock clock) {
        this(db, clock, Map.of());
    }

    public EventStore(Database db, Clock clock, Map<String, Handler> handlers) {
        this(db, clock, handlers, List.of());
    }

    public EventStore(Database db, Clock clock, List<Projection> projections) {
        this(db, clock, Map.of(), projections);
    }

    /**
     * @param handlers    what a feature does with an event of its type, once (cases)
     * @param projections read models kept from every stored event (the loan ledger)
     */
    public EventStore(Database db, Clock clock, Map<String, Handler> handlers, List<Projection> projections) {
        this.db = db;
        this.clock = clock;
        this.handlers = Map.copyOf(handlers);
        this.projections = List.copyOf(projections);
    }

    public List<Map<String, Object>> store(String stationId, JsonNode batch) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (JsonNode event : batch) {
            results.add(storeOne(stationId, event));
        }
        return results;
    }

    private Map<String, Object> storeOne(String stationId, JsonNode event) {
        Map<String, Object> result = new LinkedHashMap<>();
        String id = event.path("eventId").asText(null);
        result.put("eventId", id);
        String type = event.path("type").asText(null);
        if (id == null || !EVENT_ID.matcher(id).matches() || type == null || !TYPE.matcher(type).matches()
                || !event.isObject()) {
            result.put("status", "rejected");
            result.put("code", "bad-event");
            result.put("message", "an event is an object with eventId " + EVENT_ID.pattern() + " and type "
                    + TYPE.pattern());
            return result;
        }
        String canonical = Json.canonical(event);
        String hash = CanonicalRequest.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
        long now = clock.millis();
        Runnable[] afterCommit = new Runnable[1];
        Map<String, Object> answer = db.tx(c -> {
            record Stored(String stationId, String hash, long receivedAt) {
            }
            Optional<Stored> existing = Database.queryOne(c,
                    "SELECT station_id, payload_sha256, received_at FROM events WHERE event_id=?",
                    rs -> new Stored(rs.getString(1), rs.getString(2), rs.getLong(3)), id);
            if (existing.isPresent()) {
                if (existing.get().stationId().equals(stationId) && existing.get().hash().equals(hash)) {
                    result.put("status", "stored");
                    result.put("receivedAt", Instant.ofEpochMilli(existing.get().receivedAt()).toString());
                } else {
                    result.put("status", "conflict");
                    result.put("code", "event-conflict");
                    result.put("message", "event " + id + " was already stored with different content");
                }
                return result;
            }
            Database.update(c, "INSERT INTO events(event_id, station_id, type, payload_sha256, payload, received_at) "
                    + "VALUES (?,?,?,?,?,?)", id, stationId, type, hash, canonical, now);
            for (Projection p : projections) {
                p.apply(c, stationId, event);
            }
            Handler handler = handlers.get(type);
            if (handler != null) {
                afterCommit[0] = handler.apply(c, stationId, id, event);
            }
            result.put("status", "stored");
            result.put("receivedAt", Instant.ofEpochMilli(now).toString());
            return result;
        });
        if (afterCommit[0] != null) {
            afterCommit[0].run();
        }
        return answer;
    }

    public int count() {
        return db.queryOne("SELECT COUNT(*) FROM events", rs -> rs.getInt(1)).orElse(0);
    }
}
