package id.rekam.core.store;

import id.rekam.core.audit.AuditActions;
import id.rekam.core.audit.AuditLog;
import id.rekam.core.crypto.StationKeys;
import id.rekam.core.domain.Nik;
import id.rekam.core.outbox.EventOutbox;
import id.rekam.core.outbox.EventState;
import id.rekam.core.outbox.OutboxEvent;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@link EventOutbox} over the {@code events} table; payloads sealed with AAD (event id, "payload"). */
final class SqlEventOutbox implements EventOutbox {

    /** AAD purpose of {@code events.reason}: the server's answer to a parked event, sealed. */
    static final String REASON = "event-reason";

    private static final String PAYLOAD = "payload";

    private final Database db;
    private final StationKeys keys;
    private final AuditLog audit;
    private final Clock clock;

    SqlEventOutbox(Database db, StationKeys keys, AuditLog audit, Clock clock) {
        this.db = db;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public String append(String type, String jsonPayload, String actor) {
        String id = UUID.randomUUID().toString();
        byte[] sealed = keys.data().encrypt(jsonPayload.getBytes(StandardCharsets.UTF_8), id, PAYLOAD);
        long now = clock.millis();
        return db.inTransaction(c -> insert(c, id, type, sealed, now, actor));
    }

    /** Appends an event on the caller's connection, inside the caller's transaction. */
    String append(Connection c, String type, String jsonPayload, String actor) throws SQLException {
        String id = UUID.randomUUID().toString();
        byte[] sealed = keys.data().encrypt(jsonPayload.getBytes(StandardCharsets.UTF_8), id, PAYLOAD);
        return insert(c, id, type, sealed, clock.millis(), actor);
    }

    private String insert(Connection c, String id, String type, byte[] sealed, long now, String actor)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO events "
                + "(id, type, payload, created_at, state, state_since) VALUES (?,?,?,?,?,?)")) {
            p.setString(1, id);
            p.setString(2, type);
            p.setBytes(3, sealed);
            p.setLong(4, now);
            p.setString(5, EventState.PENDING.name());
            p.setLong(6, now);
            p.executeUpdate();
        }
        audit.append(c, actor, AuditActions.EVENT_CREATED, id, Map.of("type", type));
        return id;
    }

    @Override
    public List<OutboxEvent> pending(int limit) {
        return db.read(c -> {
            List<OutboxEvent> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, type, payload, created_at FROM events "
                    + "WHERE state = 'PENDING' ORDER BY seq LIMIT ?")) {
                p.setInt(1, limit);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        out.add(new OutboxEvent(id, rs.getString(2),
                                new String(keys.data().decrypt(rs.getBytes(3), id, PAYLOAD), StandardCharsets.UTF_8),
                                Instant.ofEpochMilli(rs.getLong(4)), EventState.PENDING));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void markSent(String eventId, String actor) {
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT state FROM events WHERE id = ?")) {
                p.setString(1, eventId);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException("store.notFound", eventId);
                    }
                    if (EventState.valueOf(rs.getString(1)) == EventState.SENT) {
                        return null;
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE events SET state = 'SENT', state_since = ? WHERE id = ?")) {
                p.setLong(1, clock.millis());
                p.setString(2, eventId);
                p.executeUpdate();
            }
            audit.append(c, actor, AuditActions.EVENT_SENT, eventId, Map.of());
            return null;
        });
    }

    @Override
    public void markNeedsAttention(String eventId, String reason, String actor) {
        move(eventId, EventState.PENDING, EventState.NEEDS_ATTENTION, reason,
                AuditActions.EVENT_PARKED, actor);
    }

    @Override
    public void requeue(String eventId, String reason, String technician) {
        move(eventId, EventState.NEEDS_ATTENTION, EventState.PENDING, reason,
                AuditActions.EVENT_REQUEUED, technician);
    }

    private void move(String eventId, EventState from, EventState to, String reason, String action, String actor) {
        db.inTransaction(c -> {
            EventState now;
            try (PreparedStatement p = c.prepareStatement("SELECT state FROM events WHERE id = ?")) {
                p.setString(1, eventId);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException("store.notFound", eventId);
                    }
                    now = EventState.valueOf(rs.getString(1));
                }
            }
            if (now == to) {
                return null;
            }
            if (now != from) {
                throw new IllegalStateException("event " + eventId + " is " + now + ", not " + from);
            }
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE events SET state = ?, state_since = ?, reason = ? WHERE id = ? AND state = ?")) {
                p.setString(1, to.name());
                p.setLong(2, clock.millis());
                p.setBytes(3, SqlOutbox.sealReason(keys.data(), reason, eventId, REASON));
                p.setString(4, eventId);
                p.setString(5, from.name());
                p.executeUpdate();
            }
            Map<String, Object> details = new java.util.LinkedHashMap<>();
            details.put("from", from.name());
            details.put("to", to.name());
            if (reason != null) {
                details.put("reason", Nik.maskIn(reason));
            }
            audit.append(c, actor, action, eventId, details);
            return null;
        });
    }

    @Override
    public List<ParkedEvent> needingAttention(int limit) {
        return db.read(c -> {
            List<ParkedEvent> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, type, created_at, reason FROM events "
                    + "WHERE state = 'NEEDS_ATTENTION' ORDER BY seq LIMIT ?")) {
                p.setInt(1, limit);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        byte[] reason = rs.getBytes(4);
                        out.add(new ParkedEvent(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                                reason == null ? null : new String(keys.data().decrypt(reason, rs.getString(1), REASON),
                                        java.nio.charset.StandardCharsets.UTF_8)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Map<EventState, Long> countByState() {
        return db.read(c -> {
            Map<EventState, Long> out = new EnumMap<>(EventState.class);
            for (EventState s : EventState.values()) {
                out.put(s, 0L);
            }
            try (PreparedStatement p = c.prepareStatement("SELECT state, count(*) FROM events GROUP BY state");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.put(EventState.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
            return out;
        });
    }
}
