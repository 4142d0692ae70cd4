package id.rekam.core.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.IntStream;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every earlier schema version, holding data, migrates to the latest without losing it. */
class MigrationsTest {

    @TempDir
    Path dir;

    @Test
    void everyVersionHasAScriptAndStatementsSplitAroundTriggers() {
        for (String script : Migrations.SCRIPTS) {
            assertThat(Migrations.statements(Migrations.load(script))).isNotEmpty();
        }
        List<String> v1 = Migrations.statements(Migrations.load("V1__initial.sql"));
        assertThat(v1).filteredOn(s -> s.startsWith("CREATE TRIGGER")).hasSize(3)
                .allSatisfy(s -> assertThat(s).endsWith("END;").contains("RAISE(ABORT"));
    }

    /** From this version on card tables hold no clear names, so the V5/V6 card rows no longer fit. */
    private static final int CARD_NAMES_SEALED = 7;
    /** From this version verdicts are rows of their own (V9); V11 rebuilds that table. */
    private static final int VERDICTS_AS_STATE = 9;

    static IntStream earlierVersions() {
        return IntStream.range(1, Migrations.LATEST);
    }

    @ParameterizedTest
    @MethodSource("earlierVersions")
    void databaseAtAnEarlierVersionWithDataMigratesToLatest(int from) throws Exception {
        assertThat(from).isLessThan(Migrations.LATEST);
        try (Connection c = connect("old.db")) {
            Migrations.migrateTo(c, from);
            assertThat(Migrations.currentVersion(c)).isEqualTo(from);
            insertV1Data(c);
            if (from >= 2) {
                exec(c, "INSERT INTO operators (username, role, password_salt, password_iter, password_hash, created_at) "
                        + "VALUES ('spv', 'SUPERVISOR', x'00', 1, x'01', '2026-01-01T00:00:00Z')");
            }
            if (from >= 3) {
                exec(c, "INSERT INTO drafts (id, sealed, updated_at) VALUES ('d0', x'00', 1)");
            }
            boolean clearCardNames = from >= 5 && from < CARD_NAMES_SEALED;
            if (clearCardNames) {
                insertV5CardData(c);
            }
            if (from >= VERDICTS_AS_STATE) {
                exec(c, "INSERT INTO verdicts (packet_id, kind, decided_at, applied_at, data) "
                        + "VALUES ('r1', 'duplicate', 5, 6, x'0A0B')");
            }
            Migrations.migrateToLatest(c);
            assertThat(Migrations.currentVersion(c)).isEqualTo(Migrations.LATEST);
            assertThat(query(c, "SELECT version FROM schema_version ORDER BY version"))
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, Migrations.LATEST).mapToObj(Integer::toString).toList());
            // The old rows are intact and new columns have their defaults.
            assertThat(query(c, "SELECT id || '|' || hex(summary) FROM records")).containsExactly("r1|AABB");
            assertThat(query(c, "SELECT packet_id || '|' || state || '|' || upload_offset || '|' || "
                    + "coalesce(upload_url, '-') FROM outbox")).containsExactly("r1|QUEUED|0|-");
            assertThat(query(c, "SELECT hex(body) || '|' || coalesce(purged_at, '-') FROM packets"))
                    .containsExactly("CAFE|-");
            assertThat(query(c, "SELECT count(*) FROM audit_log")).containsExactly("1");
            assertThat(query(c, "SELECT count(*) FROM operators")).containsExactly(from >= 2 ? "1" : "0");
            assertThat(query(c, "SELECT count(*) FROM drafts")).containsExactly(from >= 3 ? "1" : "0");
            // The new tables work.
            exec(c, "INSERT INTO drafts (id, sealed, updated_at) VALUES ('d', x'00', 1)");
            exec(c, "INSERT INTO events (id, type, payload, created_at, state, state_since) VALUES ('e','t',x'00',1,'PENDING',1)");
            if (clearCardNames) {
                // V7 moved every clear name into card_reseal (sealed at the next unlock, CardResealTest).
                assertThat(query(c, "SELECT target || '|' || row_key || '|' || doc FROM card_reseal ORDER BY seq"))
                        .containsExactly(
                                "card_batches|B1|{\"receivedBy\":\"petugas1\",\"witnessedBy\":\"Siti Aminah\"}",
                                "card_batch_flags|1|{\"receivedBy\":\"petugas1\",\"witnessedBy\":\"Joko Widodo\"}",
                                "cards|KTP-1|Bambang Pamungkas",
                                "card_moves|e1|{\"holder\":\"Bambang Pamungkas\",\"reason\":\"jari aus\"}",
                                "blank_ledger|1|{\"reason\":\"salah cetak a.n. Sri\",\"reference\":null}",
                                "destructions|x1|{\"witnesses\":[{\"name\":\"Rina Satpol\"}]}");
                assertThat(query(c, "SELECT serial || '|' || state || '|' || coalesce(holder, '-') FROM cards"))
                        .containsExactly("KTP-1|ASSIGNED|-");
            }
            assertThat(query(c, "SELECT count(*) FROM card_reseal")).containsExactly(clearCardNames ? "6" : "0");
            if (from < VERDICTS_AS_STATE) {
                // V9 staged the clear reason for sealing at the next unlock (LegacyVerdictsTest) and emptied the column.
                assertThat(query(c, "SELECT target || '|' || row_key || '|' || doc FROM verdict_reseal"))
                        .containsExactly("outbox-reason|r1|diantre ulang");
                assertThat(query(c, "SELECT coalesce(reason, '-') FROM outbox")).containsExactly("-");
            } else {
                // V11 rebuilt the verdicts table (needs-review) with its rows.
                assertThat(query(c, "SELECT seq || '|' || packet_id || '|' || kind || '|' || decided_at || '|' "
                        + "|| applied_at || '|' || hex(data) FROM verdicts")).containsExactly("1|r1|duplicate|5|6|0A0B");
                // Already past V9: nothing is staged again, later migrations leave the row alone.
                assertThat(query(c, "SELECT count(*) FROM verdict_reseal")).containsExactly("0");
                assertThat(query(c, "SELECT coalesce(reason, '-') FROM outbox")).containsExactly("diantre ulang");
            }
            exec(c, "INSERT INTO verdicts (packet_id, kind, applied_at, data) VALUES ('r1', 'needs-review', 7, x'00')");
            exec(c, "INSERT INTO fingerprint_templates (record_id, sealed) VALUES ('r1', x'00')");
            // V12 adds the state seal's columns, empty until the next unlock seals the rows (KeyedStateTest).
            assertThat(query(c, "SELECT coalesce(seal_version, '-') || '|' || coalesce(seal, '-') FROM outbox"))
                    .containsExactly("-|-");
            if (clearCardNames) {
                // V14 copied the destruction list into a table that also takes DUPLICATE.
                assertThat(query(c, "SELECT serial || '|' || category || '|' || destruction_id FROM destruction_items"))
                        .containsExactly("KTP-1|DAMAGED|x1");
            }
            assertThat(query(c, "PRAGMA integrity_check")).containsExactly("ok");
            assertThat(query(c, "PRAGMA foreign_key_check")).isEmpty();
            assertThat(schema(c)).isEqualTo(freshSchema());
        }
    }

    @Test
    void failedMigrationLeavesTheDatabaseAtItsVersion() throws Exception {
        try (Connection c = connect("half.db")) {
            Migrations.migrateTo(c, 2);
            // Make V3 fail halfway: its events table already exists.
            exec(c, "CREATE TABLE drafts_placeholder (x)");
            exec(c, "CREATE TABLE events (x)");
            assertThatThrownBy(() -> Migrations.migrateToLatest(c)).isInstanceOf(SQLException.class);
            assertThat(Migrations.currentVersion(c)).isEqualTo(2);
            assertThat(query(c, "SELECT count(*) FROM sqlite_master WHERE name = 'drafts'")).containsExactly("0");
        }
    }

    @Test
    void newerDatabaseIsNotMigratedDown() throws Exception {
        try (Connection c = connect("new.db")) {
            Migrations.migrateToLatest(c);
            exec(c, "INSERT INTO schema_version VALUES (" + (Migrations.LATEST + 1) + ", 'V9__x.sql', 'x')");
            assertThatThrownBy(() -> Migrations.migrateToLatest(c)).isInstanceOf(NewerSchemaException.class);
            assertThat(Migrations.currentVersion(c)).isEqualTo(Migrations.LATEST + 1);
        }
    }

    private static void insertV1Data(Connection c) throws SQLException {
        // Columns named: later schemas add some (the state seal's) to these tables.
        exec(c, "INSERT INTO station (id, station_id, public_key, created_at) VALUES (1, 'ST', x'01', '2026-01-01T00:00:00Z')");
        exec(c, "INSERT INTO keyring VALUES ('data-key', x'00', 1, x'02')");
        exec(c, "INSERT INTO records (id, nik_bidx, summary, operator_id, captured_at, committed_at) "
                + "VALUES ('r1', x'0102', x'AABB', 'op', '2026-01-01T00:00:00Z', 1)");
        exec(c, "INSERT INTO packets (id, record_id, kind, sha256, signature, body_length, body, created_at) "
                + "VALUES ('r1', 'r1', 'enrollment', 'ab', x'03', 2, x'CAFE', 1)");
        exec(c, "INSERT INTO outbox (packet_id, state, state_since, reason) VALUES ('r1', 'QUEUED', 1, 'diantre ulang')");
        exec(c, "INSERT INTO audit_log VALUES (1, '2026-01-01T00:00:00Z', '-', 'X', NULL, '{}', x'00', x'01')");
    }

    /** Card rows as V5/V6 wrote them: names of people in clear. */
    private static void insertV5CardData(Connection c) throws SQLException {
        exec(c, "INSERT INTO card_batches VALUES ('B1', 1, 'petugas1', 'Siti Aminah', 1)");
        exec(c, "INSERT INTO card_batch_flags VALUES (1, 'B2', 3, 2, '', 'petugas1', 'Joko Widodo', 1)");
        exec(c, "INSERT INTO cards (serial, batch_id, state, state_since, holder_kind, holder, received_at) "
                + "VALUES ('KTP-1', 'B1', 'ASSIGNED', 1, 'OFFICER', 'Bambang Pamungkas', 1)");
        exec(c, "INSERT INTO card_moves VALUES (1, 'KTP-1', 'IN_STOCK', 'ASSIGNED', 'Bambang Pamungkas', 'petugas1', "
                + "'jari aus', 1, 'e1')");
        exec(c, "INSERT INTO blank_ledger VALUES (1, '2026-11-25', 'SPOILED', 1, 'salah cetak a.n. Sri', NULL, "
                + "'petugas1', 1)");
        exec(c, "INSERT INTO destructions VALUES ('x1', 'BA-1', '2026-11-25', 'Kupang', 'BURNING', "
                + "'{\"witnesses\":[{\"name\":\"Rina Satpol\"}]}', 'petugas1', 1)");
        exec(c, "INSERT INTO destruction_items VALUES ('KTP-1', 'DAMAGED', 'petugas1', 1, 'x1')");
    }

    private List<String> freshSchema() throws SQLException {
        try (Connection c = connect("fresh.db")) {
            Migrations.migrateToLatest(c);
            return schema(c);
        }
    }

    /** Tables, their columns (name, type, not-null, default), indexes and triggers. */
    private static List<String> schema(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        for (String table : query(c, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            out.add("table " + table);
            out.addAll(query(c, "SELECT name || ' ' || type || ' ' || \"notnull\" || ' ' || coalesce(dflt_value, '') "
                    + "FROM pragma_table_info('" + table + "')"));
        }
        out.addAll(query(c, "SELECT type || ' ' || name FROM sqlite_master WHERE type IN ('index', 'trigger') "
                + "ORDER BY name"));
        return out;
    }

    private Connection connect(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(name));
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> query(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
