package id.rekam.installer.selftest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The store is SQLite through sqlite-jdbc, whose native library is unpacked at run time.
 * Create, write, read back and integrity-check a throw-away database in a temp directory —
 * never the station's real data.
 */
public final class StoreCheck implements Check {

    @Override
    public String name() {
        return "store";
    }

    @Override
    public CheckResult run() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("rekam-selftest-");
            Path db = dir.resolve("selftest.db");
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA journal_mode=WAL");
                    s.execute("CREATE TABLE probe(id INTEGER PRIMARY KEY, payload BLOB NOT NULL)");
                }
                byte[] payload = new byte[4096];
                new java.util.Random(17).nextBytes(payload);
                try (PreparedStatement ins = c.prepareStatement("INSERT INTO probe(payload) VALUES (?)")) {
                    ins.setBytes(1, payload);
                    ins.executeUpdate();
                }
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT payload FROM probe")) {
                    if (!rs.next() || !java.util.Arrays.equals(rs.getBytes(1), payload)) {
                        return CheckResult.fail("written row does not read back");
                    }
                }
                String integrity;
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                    integrity = rs.next() ? rs.getString(1) : "no answer";
                }
                if (!"ok".equals(integrity)) {
                    return CheckResult.fail("integrity_check: " + integrity);
                }
                return CheckResult.pass("SQLite " + c.getMetaData().getDatabaseProductVersion()
                        + " (sqlite-jdbc " + c.getMetaData().getDriverVersion() + ") create/write/read/integrity_check ok");
            }
        } catch (IOException | SQLException | LinkageError e) {
            return CheckResult.fail("store does not work: " + CheckResult.describe(e));
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp dir is harmless and the OS cleans /tmp
        }
    }
}
