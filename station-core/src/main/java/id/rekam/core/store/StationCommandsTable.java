package id.rekam.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** {@code station_commands}: the server's signed commands as received; lock state and erasure read from here. */
final class StationCommandsTable {

    static final String LOCK = "lock";
    static final String UNLOCK = "unlock";
    static final String ERASE = "crypto-erase";

    record Row(String commandId, String command, Instant receivedAt) {
    }

    private StationCommandsTable() {
    }

    /** @return false when this command was received before (a re-read feed page) */
    static boolean record(Connection c, String commandId, String command, String entry, long now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT OR IGNORE INTO station_commands "
                + "(command_id, command, entry, received_at, applied_at) VALUES (?,?,?,?,?)")) {
            p.setString(1, commandId);
            p.setString(2, command);
            p.setString(3, entry);
            p.setLong(4, now);
            p.setLong(5, now);
            return p.executeUpdate() == 1;
        }
    }

    /** The lock in force: the latest lock or unlock, if it is a lock. */
    static Optional<Row> lock(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT command_id, command, received_at FROM station_commands "
                + "WHERE command IN ('lock', 'unlock') ORDER BY received_at DESC, rowid DESC LIMIT 1");
             ResultSet rs = p.executeQuery()) {
            if (rs.next() && LOCK.equals(rs.getString(2))) {
                return Optional.of(new Row(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))));
            }
            return Optional.empty();
        }
    }

    static Optional<Instant> erasedAt(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT min(applied_at) FROM station_commands WHERE command = 'crypto-erase'");
             ResultSet rs = p.executeQuery()) {
            rs.next();
            long at = rs.getLong(1);
            return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at));
        }
    }
}
