package id.rekam.server.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The server's SQLite file. One connection, used under this object's lock: the reference
 * server handles a few stations, and a single writer keeps every decision (dedup, feed
 * order) serial without further locking. {@code synchronous=FULL} because an answer to a
 * station is a promise that the data survives a crash.
 */
public final class Database implements AutoCloseable {

    private static final String[] SCHEMA = {
            """
            CREATE TABLE IF NOT EXISTS enrollment_codes(code_hash TEXT PRIMARY KEY, office TEXT NOT NULL,
              created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, used_by TEXT, used_at INTEGER)""",
            """
            CREATE TABLE IF NOT EXISTS stations(station_id TEXT PRIMARY KEY, office TEXT NOT NULL,
              public_key TEXT NOT NULL UNIQUE, name TEXT, enrolled_at INTEGER NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS nonces(station_id TEXT NOT NULL, nonce TEXT NOT NULL, ts INTEGER NOT NULL,
              PRIMARY KEY(station_id, nonce))""",
            """
            CREATE TABLE IF NOT EXISTS packets(packet_id TEXT PRIMARY KEY, station_id TEXT NOT NULL,
              kind TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL, signature TEXT NOT NULL,
              parts_json TEXT NOT NULL, state TEXT NOT NULL, upload_id TEXT NOT NULL UNIQUE,
              upload_offset INTEGER NOT NULL, reason_code TEXT, reason_message TEXT, nik TEXT,
              verdict_json TEXT, announced_at INTEGER NOT NULL, received_at INTEGER, decided_at INTEGER,
              print_ready_at INTEGER)""",
            "CREATE INDEX IF NOT EXISTS packets_nik ON packets(nik)",
            "CREATE INDEX IF NOT EXISTS packets_state ON packets(state)",
            """
            CREATE TABLE IF NOT EXISTS templates(packet_id TEXT NOT NULL, position INTEGER NOT NULL,
              template BLOB NOT NULL, PRIMARY KEY(packet_id, position))""",
            """
            CREATE TABLE IF NOT EXISTS feedback(seq INTEGER PRIMARY KEY AUTOINCREMENT, station_id TEXT NOT NULL,
              packet_id TEXT, type TEXT NOT NULL, payload TEXT NOT NULL, created_at INTEGER NOT NULL)""",
            "CREATE INDEX IF NOT EXISTS feedback_station ON feedback(station_id, seq)",
            """
            CREATE TABLE IF NOT EXISTS events(event_id TEXT PRIMARY KEY, station_id TEXT NOT NULL,
              type TEXT NOT NULL, payload_sha256 TEXT NOT NULL, payload TEXT NOT NULL,
              received_at INTEGER NOT NULL)""",
            // Mobile teams (issue 16): each station's latest coverage tally, numbers only.
            """
            CREATE TABLE IF NOT EXISTS coverage_tallies(station_id TEXT PRIMARY KEY, office TEXT NOT NULL,
              generated_at INTEGER NOT NULL, tally TEXT NOT NULL, received_at INTEGER NOT NULL, via TEXT NOT NULL)""",
            // Who forwarded which packet for whom, and whether that delivery stored it.
            """
            CREATE TABLE IF NOT EXISTS relays(seq INTEGER PRIMARY KEY AUTOINCREMENT, packet_id TEXT NOT NULL,
              origin_station TEXT NOT NULL, relay_station TEXT NOT NULL, stored INTEGER NOT NULL, at INTEGER NOT NULL)"""
    };

    /**
     * Changes after the first schema, in order; {@code PRAGMA user_version} counts how many ran
     * (a fresh file runs them all after {@link #SCHEMA}). Append only.
     */
    private static final String[][] MIGRATIONS = {
            // 1. Issue 14 (secA): transport keys, revocation, last contact, station reports, sealed
            //    packets' content hash, purges the station confirmed, station commands.
            {
                "ALTER TABLE stations ADD COLUMN transport_key TEXT",
                "ALTER TABLE stations ADD COLUMN transport_key_at INTEGER",
                "ALTER TABLE stations ADD COLUMN revoked_at INTEGER",
                "ALTER TABLE stations ADD COLUMN revoked_reason TEXT",
                "ALTER TABLE stations ADD COLUMN revoked_note TEXT",
                "ALTER TABLE stations ADD COLUMN revoked_by TEXT",
                "ALTER TABLE stations ADD COLUMN last_contact_at INTEGER",
                "ALTER TABLE stations ADD COLUMN reported_pending INTEGER",
                "ALTER TABLE stations ADD COLUMN reported_at INTEGER",
                "ALTER TABLE packets ADD COLUMN content_sha256 TEXT",
                "ALTER TABLE packets ADD COLUMN purge_confirmed_at INTEGER",
                "CREATE TABLE station_commands(command_id TEXT PRIMARY KEY, station_id TEXT NOT NULL, "
                        + "command TEXT NOT NULL, reason TEXT, issued_by TEXT NOT NULL, issued_at INTEGER NOT NULL)",
                "CREATE INDEX station_commands_station ON station_commands(station_id, issued_at)"
            },
            // 2. Audit anchors (sync-protocol.md §8a): each station's highest anchored audit head and
            //    the signed receipt given for it.
            {
                "CREATE TABLE audit_anchors(station_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, hash TEXT NOT NULL, "
                        + "receipt TEXT NOT NULL, anchored_at INTEGER NOT NULL)"
            }
    };

    private final Connection connection;

    public Database(Path file) {
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=5000");
                for (String ddl : SCHEMA) {
                    s.execute(ddl);
                }
                migrate(s);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot open " + file, e);
        }
    }

    private void migrate(Statement s) throws SQLException {
        int done;
        try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            rs.next();
            done = rs.getInt(1);
        }
        for (int i = done; i < MIGRATIONS.length; i++) {
            connection.setAutoCommit(false);
            try {
                for (String sql : MIGRATIONS[i]) {
                    s.execute(sql);
                }
                s.execute("PRAGMA user_version = " + (i + 1));
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** Work inside one transaction; rolled back on any exception. */
    public synchronized <T> T tx(SqlWork<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("database error", e);
        }
    }

    /**
     * A transaction committed to the write-ahead log without an fsync of its own
     * ({@code synchronous=NORMAL} for this commit only). It survives a crash of the process at
     * once, and a power cut as soon as any later commit of this connection is synced, because
     * a WAL sync covers every frame before it. For writes whose only job is to guard a request
     * that makes its own, synced change (nonces): they become durable no later than that change.
     */
    public synchronized <T> T txWithoutSync(SqlWork<T> work) {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA synchronous=NORMAL");
            try {
                return tx(work);
            } finally {
                s.execute("PRAGMA synchronous=FULL");
            }
        } catch (SQLException e) {
            throw new StoreException("database error", e);
        }
    }

    public synchronized int update(String sql, Object... args) {
        return tx(c -> update(c, sql, args));
    }

    /** One SELECT in autocommit mode: atomic on its own, without a BEGIN/COMMIT pair around it. */
    public synchronized <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        try {
            return query(connection, sql, mapper, args);
        } catch (SQLException e) {
            throw new StoreException("database error", e);
        }
    }

    public synchronized <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... args) {
        List<T> rows = query(sql, mapper, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, args)) {
            return ps.executeUpdate();
        }
    }

    public static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... args)
            throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return out;
        }
    }

    public static <T> Optional<T> queryOne(Connection c, String sql, RowMapper<T> mapper, Object... args)
            throws SQLException {
        List<T> rows = query(c, sql, mapper, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close database", e);
        }
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }
}
