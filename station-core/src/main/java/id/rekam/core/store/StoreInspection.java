package id.rekam.core.store;

import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a technician may learn of a store without its passphrase: SQLite's integrity check, the
 * schema version, file sizes, the newest backup and how many packets and events wait for the
 * central server (outbox states are kept in clear for exactly this). Opens the database read-only
 * beside a running station (WAL readers do not block it) and reads no sealed column, so it can
 * neither change nor reveal anything. Used by the diagnostics (the technician's screen and
 * {@code rekam diag}).
 */
public final class StoreInspection {

    /** Outbox states still waiting for the central server (CAPTURED: waiting for approval first). */
    public static final List<String> PENDING_STATES = List.of("CAPTURED", "APPROVED", "QUEUED", "UPLOADING",
            "ACKNOWLEDGED", "NEEDS_ATTENTION", "EXPORTED");

    /**
     * @param integrity      {@code ok}, or SQLite's first complaints
     * @param outbox         packets per outbox state
     * @param oldestPending  since when the longest-waiting pending packet is in its state
     */
    public record Facts(Path database, long databaseBytes, long backupBytes, String integrity, int schemaVersion,
                        int latestSchema, Map<String, Long> outbox, long eventsPending, long eventsAttention,
                        Optional<Instant> oldestPending, Optional<Instant> lastBackup, int backups) {

        public long pendingPackets() {
            return PENDING_STATES.stream().mapToLong(s -> outbox.getOrDefault(s, 0L)).sum();
        }
    }

    private StoreInspection() {
    }

    public static boolean exists(Path dataDir) {
        return Files.isRegularFile(dataDir.resolve(StationStore.DB_FILE));
    }

    /** The schema version alone (cheap: no integrity check); empty without a store. */
    public static java.util.OptionalInt schemaVersion(Path dataDir) {
        Path db = dataDir.resolve(StationStore.DB_FILE);
        if (!Files.isRegularFile(db)) {
            return java.util.OptionalInt.empty();
        }
        try (Connection c = readOnly(db)) {
            return java.util.OptionalInt.of(Migrations.currentVersion(c));
        } catch (SQLException e) {
            throw new StoreException(e, "store.inspect.unreadable", db, e.getMessage());
        }
    }

    /** The schema this program writes; a store above it was written by a newer rekam. */
    public static int latestSchema() {
        return Migrations.LATEST;
    }

    /** Read-only work on a store's clear columns, without its keys. */
    @FunctionalInterface
    public interface ClearRead<T> {
        T read(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} on a read-only connection to the store in {@code dataDir}; for features
     * that report on their clear columns without unlocking (the equipment register in the help
     * desk's report). Nothing written through it persists: the connection is read-only.
     */
    public static <T> T readClear(Path dataDir, ClearRead<T> work) {
        Path db = dataDir.resolve(StationStore.DB_FILE);
        if (!Files.isRegularFile(db)) {
            throw new StoreException("store.inspect.missing", db);
        }
        try (Connection c = readOnly(db)) {
            return work.read(c);
        } catch (SQLException e) {
            throw new StoreException(e, "store.inspect.unreadable", db, e.getMessage());
        }
    }

    public static boolean hasTable(Connection c, String table) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM sqlite_master WHERE type='table' AND name=?")) {
            p.setString(1, table);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() && rs.getInt(1) > 0;
            }
        }
    }

    private static Connection readOnly(Path db) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5_000);
        return config.createConnection("jdbc:sqlite:" + db.toAbsolutePath());
    }

    /**
     * @throws StoreException the file cannot be opened as a database at all
     */
    public static Facts inspect(Path dataDir) {
        Path db = dataDir.resolve(StationStore.DB_FILE);
        if (!Files.isRegularFile(db)) {
            throw new StoreException("store.inspect.missing", db);
        }
        try (Connection c = readOnly(db)) {
            String integrity = integrity(c);
            int version = Migrations.currentVersion(c);
            Map<String, Long> outbox = new LinkedHashMap<>();
            Optional<Instant> oldest = Optional.empty();
            long eventsPending = 0;
            long eventsAttention = 0;
            if (hasTable(c, "outbox")) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT state, count(*) FROM outbox GROUP BY state ORDER BY state")) {
                    while (rs.next()) {
                        outbox.put(rs.getString(1), rs.getLong(2));
                    }
                }
                try (PreparedStatement p = c.prepareStatement("SELECT min(state_since) FROM outbox WHERE state IN ("
                        + String.join(",", PENDING_STATES.stream().map(x -> "?").toList()) + ")")) {
                    for (int i = 0; i < PENDING_STATES.size(); i++) {
                        p.setString(i + 1, PENDING_STATES.get(i));
                    }
                    try (ResultSet rs = p.executeQuery()) {
                        long min = rs.next() ? rs.getLong(1) : 0;
                        oldest = rs.wasNull() || min == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(min));
                    }
                }
            }
            if (hasTable(c, "events")) {
                eventsPending = count(c, "SELECT count(*) FROM events WHERE state = 'PENDING'");
                eventsAttention = count(c, "SELECT count(*) FROM events WHERE state = 'NEEDS_ATTENTION'");
            }
            Backups backups = new Backups(dataDir, 1);
            List<Path> all = backups.list();
            return new Facts(db, size(db) + size(dataDir.resolve(StationStore.DB_FILE + "-wal")), sizes(all),
                    integrity, version, Migrations.LATEST, outbox, eventsPending, eventsAttention, oldest,
                    all.stream().findFirst().map(StoreInspection::takenAt), all.size());
        } catch (SQLException e) {
            throw new StoreException(e, "store.inspect.unreadable", db, e.getMessage());
        }
    }

    /** When a backup was taken, from its name (made from the store's clock, UTC). */
    static Instant takenAt(Path backup) {
        String stamp = backup.getFileName().toString().substring(6, 22);
        return LocalDateTime.parse(stamp, DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")).toInstant(ZoneOffset.UTC);
    }

    private static String integrity(Connection c) throws SQLException {
        List<String> result = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check(20)")) {
            while (rs.next()) {
                result.add(rs.getString(1));
            }
        }
        return String.join("; ", result);
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static long size(Path p) {
        try {
            return Files.isRegularFile(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static long sizes(List<Path> files) {
        try (Stream<Path> s = files.stream()) {
            return s.mapToLong(StoreInspection::size).sum();
        }
    }
}
