package id.rekam.core.store;

import id.rekam.core.io.DurableFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import id.rekam.core.crypto.StationKeys;
import id.rekam.core.crypto.WrappedKey;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Rolling backups in {@code <dataDir>/backups} written with {@code VACUUM INTO}: a consistent
 * copy taken through SQLite itself, so it is safe while the station runs. The copy holds the
 * same field-level ciphertexts and wrapped keys as the live database: restorable with the
 * station passphrase, unreadable without it.
 */
final class Backups {

    private static final DateTimeFormatter NAME =
            DateTimeFormatter.ofPattern("'rekam-'yyyyMMdd'T'HHmmss'Z.db'").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final int keep;

    Backups(Path dataDir, int keep) {
        this.dir = dataDir.resolve("backups");
        this.keep = keep;
    }

    /** Newest first; names sort by time. */
    List<Path> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("rekam-\\d{8}T\\d{6}Z(-\\d+)?\\.db"))
                    .sorted((a, b) -> b.getFileName().toString().compareTo(a.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir, e);
        }
    }

    Optional<Path> latest() {
        return list().stream().findFirst();
    }

    boolean due(Instant now, Duration interval) {
        // The time is read from the name, which was made from the store's clock.
        return latest().map(p -> {
            String stamp = p.getFileName().toString().substring(6, 22);
            Instant taken = java.time.LocalDateTime.parse(stamp, DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"))
                    .toInstant(ZoneOffset.UTC);
            return !taken.plus(interval).isAfter(now);
        }).orElse(true);
    }

    /** Writes a backup now and prunes old ones; must not run inside a transaction. */
    Path write(Connection c, Instant now) throws SQLException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + dir, e);
        }
        Path target = dir.resolve(NAME.format(now));
        for (int n = 1; Files.exists(target); n++) {
            target = dir.resolve(NAME.format(now).replace(".db", "-" + n + ".db"));
        }
        // Into a temporary name, forced, then renamed: a crash mid-copy never leaves a torn backup
        // under a name the restore would pick.
        try {
            DurableFiles.produce(target, tmp -> {
                try (Statement s = c.createStatement()) {
                    s.execute("VACUUM INTO '" + tmp.toAbsolutePath().toString().replace("'", "''") + "'");
                } catch (SQLException e) {
                    throw new SqlFailure(e);
                }
            });
        } catch (SqlFailure e) {
            throw e.sql;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write backup " + target, e);
        }
        prune();
        return target;
    }

    /**
     * Writes {@code ring} (the live key ring) into every backup whose data key is wrapped under
     * another salt, i.e. another passphrase. Each file is copied, changed with secure_delete on and
     * renamed over the old one, so a crash leaves the old or the new backup whole.
     *
     * @return the backups re-wrapped
     */
    List<Path> rewrapStale(List<WrappedKey> ring) {
        byte[] liveSalt = ring.stream().filter(k -> k.name().equals(StationKeys.DATA_KEY)).findFirst()
                .orElseThrow().salt();
        List<Path> done = new ArrayList<>();
        for (Path b : list()) {
            try {
                if (Arrays.equals(dataKeySalt(b), liveSalt)) {
                    continue;
                }
                DurableFiles.produce(b, tmp -> {
                    Files.copy(b, tmp);
                    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.toAbsolutePath())) {
                        try (Statement s = c.createStatement()) {
                            s.execute("PRAGMA secure_delete=ON");
                            s.execute("PRAGMA journal_mode=DELETE");
                        }
                        c.setAutoCommit(false);
                        KeyRingTable.write(c, ring);
                        c.commit();
                    } catch (SQLException e) {
                        throw new IOException("cannot re-wrap " + b.getFileName(), e);
                    }
                });
                done.add(b);
            } catch (IOException | SQLException e) {
                throw new IllegalStateException("cannot re-wrap the keys of backup " + b, e);
            }
        }
        return done;
    }

    private static byte[] dataKeySalt(Path backup) throws SQLException {
        org.sqlite.SQLiteConfig readOnly = new org.sqlite.SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection c = readOnly.createConnection("jdbc:sqlite:" + backup.toAbsolutePath());
             PreparedStatement p = c.prepareStatement("SELECT kdf_salt FROM keyring WHERE name = ?")) {
            p.setString(1, StationKeys.DATA_KEY);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    /** Deletes every backup except {@code keep}; used once older backups hold data that must not survive. */
    void deleteAllBut(Path keep) {
        for (Path old : list()) {
            if (!old.equals(keep)) {
                try {
                    Files.deleteIfExists(old);
                } catch (IOException e) {
                    throw new IllegalStateException("cannot delete old backup " + old, e);
                }
            }
        }
    }

    /** Carries an SQL failure out of the file producer unchanged. */
    private static final class SqlFailure extends RuntimeException {
        final SQLException sql;

        SqlFailure(SQLException sql) {
            super(sql);
            this.sql = sql;
        }
    }

    private void prune() {
        List<Path> all = list();
        for (Path old : all.subList(Math.min(keep, all.size()), all.size())) {
            try {
                Files.deleteIfExists(old);
            } catch (IOException e) {
                throw new IllegalStateException("cannot delete old backup " + old, e);
            }
        }
    }
}
