package id.rekam.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Forward-only schema migrations from {@code db/V<n>__<name>.sql}. Each script runs in its own
 * transaction together with its {@code schema_version} row, so a crash leaves the database at
 * exactly one version. A database with a version above {@link #LATEST} is refused, never
 * migrated down.
 */
public final class Migrations {

    /** Script names in order; version n is element n-1. Append only. */
    static final List<String> SCRIPTS = List.of(
            "V1__initial.sql",
            "V2__operators.sql",
            "V3__drafts_events_uploads.sql",
            "V4__packets_by_record.sql",
            "V5__cards.sql",
            "V6__sync_state.sql",
            "V7__seal_card_names.sql",
            "V8__event_attention.sql",
            "V9__verdicts_and_overrides.sql",
            "V10__field_teams.sql",
            "V11__identification.sql",
            "V12__keyed_state.sql",
            "V13__server_trust_and_sealing.sql",
            "V14__cases.sql",
            "V15__equipment_loans.sql");

    public static final int LATEST = SCRIPTS.size();

    private Migrations() {
    }

    /** Current version; 0 for an empty database. */
    public static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(
                     "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='schema_version'")) {
            rs.next();
            if (rs.getInt(1) == 0) {
                return 0;
            }
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    public static void migrateToLatest(Connection c) throws SQLException {
        migrateTo(c, LATEST);
    }

    /** Applies every script above the current version up to {@code target}. */
    public static void migrateTo(Connection c, int target) throws SQLException {
        if (target > LATEST) {
            throw new IllegalArgumentException("no migration to version " + target);
        }
        int current = currentVersion(c);
        if (current > LATEST) {
            throw new NewerSchemaException(current, LATEST);
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            for (int v = current + 1; v <= target; v++) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                            + "version INTEGER PRIMARY KEY, script TEXT NOT NULL, applied_at TEXT NOT NULL)");
                    for (String statement : statements(load(SCRIPTS.get(v - 1)))) {
                        s.execute(statement);
                    }
                }
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
                    p.setInt(1, v);
                    p.setString(2, SCRIPTS.get(v - 1));
                    p.setString(3, Instant.now().toString());
                    p.executeUpdate();
                }
                c.commit();
            }
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    static String load(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream("db/" + script)) {
            if (in == null) {
                throw new IllegalStateException("migration script missing: " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + script, e);
        }
    }

    /**
     * Splits a script into statements at a {@code ;} ending a line. Trigger bodies contain
     * {@code ;} themselves, so inside {@code CREATE TRIGGER} only {@code END;} ends it.
     */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (current.length() == 0 && (trimmed.isEmpty() || trimmed.startsWith("--"))) {
                continue;
            }
            current.append(line).append('\n');
            boolean inTrigger = current.toString().stripLeading().toUpperCase(Locale.ROOT).startsWith("CREATE TRIGGER");
            boolean ends = inTrigger ? trimmed.equalsIgnoreCase("END;") : trimmed.endsWith(";");
            if (ends) {
                out.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException("unterminated statement in migration: " + current);
        }
        return out;
    }
}
