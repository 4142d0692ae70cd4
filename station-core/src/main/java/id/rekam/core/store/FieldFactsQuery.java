package id.rekam.core.store;

import id.rekam.core.field.FieldFacts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Reads a station's {@link FieldFacts} in one read transaction; plain SQL over ids, states and sizes. */
final class FieldFactsQuery {

    /** The server does not hold these yet. */
    static final String PENDING_STATES =
            "('CAPTURED','APPROVED','QUEUED','UPLOADING','EXPORTED','NEEDS_ATTENTION')";
    /** The server took or decided these. */
    private static final String DELIVERED_STATES =
            "('ACKNOWLEDGED','CONFIRMED','PRINT_READY','DUPLICATE','REJECTED')";

    private FieldFactsQuery() {
    }

    static FieldFacts read(Connection c, Clock clock, ZoneId zone, long usableBytes) throws SQLException {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        long todayFrom = today.atStartOfDay(zone).toInstant().toEpochMilli();
        long weekFrom = today.minusDays(7).atStartOfDay(zone).toInstant().toEpochMilli();
        Long lastDelivery = single(c, "SELECT max(state_since) FROM outbox WHERE state IN " + DELIVERED_STATES);
        long pending;
        Long oldest;
        try (PreparedStatement p = c.prepareStatement("SELECT count(*), min(p.created_at) FROM outbox o "
                + "JOIN packets p ON p.id = o.packet_id WHERE o.state IN " + PENDING_STATES);
             ResultSet rs = p.executeQuery()) {
            rs.next();
            pending = rs.getLong(1);
            oldest = rs.getObject(2) == null ? null : rs.getLong(2);
        }
        Long unsafe = single(c, "SELECT count(*) FROM outbox o WHERE o.state IN " + PENDING_STATES
                + " AND NOT EXISTS (SELECT 1 FROM safety_copies s WHERE s.packet_id = o.packet_id)");
        long recordsToday;
        long bytesToday;
        try (PreparedStatement p = c.prepareStatement(
                "SELECT count(*), coalesce(sum(body_length), 0) FROM packets WHERE created_at >= ?")) {
            p.setLong(1, todayFrom);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                recordsToday = rs.getLong(1);
                bytesToday = rs.getLong(2);
            }
        }
        long perActiveDay = 0;
        try (PreparedStatement p = c.prepareStatement("SELECT count(DISTINCT (created_at - ?) / 86400000), "
                + "coalesce(sum(body_length), 0) FROM packets WHERE created_at >= ? AND created_at < ?")) {
            p.setLong(1, weekFrom);
            p.setLong(2, weekFrom);
            p.setLong(3, todayFrom);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                long days = rs.getLong(1);
                perActiveDay = days == 0 ? 0 : rs.getLong(2) / days;
            }
        }
        return new FieldFacts(now, lastDelivery == null ? null : Instant.ofEpochMilli(lastDelivery), pending,
                oldest == null ? null : Instant.ofEpochMilli(oldest), unsafe == null ? 0 : unsafe, recordsToday,
                bytesToday, perActiveDay, usableBytes);
    }

    private static Long single(Connection c, String sql) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
            rs.next();
            Object v = rs.getObject(1);
            return v == null ? null : rs.getLong(1);
        }
    }
}
