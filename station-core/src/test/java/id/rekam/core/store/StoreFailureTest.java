package id.rekam.core.store;

import id.rekam.core.audit.AuditActions;
import id.rekam.core.audit.AuditEntry;
import id.rekam.core.outbox.OutboxState;
import id.rekam.fixtures.DemoRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;

import static id.rekam.core.store.TestStores.PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreFailureTest {

    @TempDir
    Path dir;

    @Test
    void wrongPassphraseIsRefusedClearlyAndCountedInTheAuditTrail() {
        TestStores.create(dir, TestStores.fastOptions()).close();
        char[] wrong = "bukan-frasa-ini".toCharArray();
        assertThatThrownBy(() -> StationStore.open(dir, wrong, TestStores.fastOptions()))
                .isInstanceOfSatisfying(WrongPassphraseException.class, e -> {
                    assertThat(e.getMessage()).startsWith("Frasa sandi stasiun salah").contains("1");
                    assertThat(e.localizedMessage(Locale.ENGLISH)).startsWith("Wrong station passphrase");
                });
        assertThatThrownBy(() -> StationStore.open(dir, wrong, TestStores.fastOptions()))
                .isInstanceOf(WrongPassphraseException.class).hasMessageContaining("2");
        try (StationStore store = StationStore.open(dir, PASSPHRASE, TestStores.fastOptions())) {
            assertThat(store.auditTrail(1, 100)).extracting(AuditEntry::action)
                    .containsSubsequence(AuditActions.STORE_INITIALISED, AuditActions.UNLOCK_FAILED,
                            AuditActions.UNLOCK_FAILED, AuditActions.STORE_UNLOCKED)
                    .filteredOn(AuditActions.UNLOCK_FAILED::equals).hasSize(2);
            assertThat(store.verify().ok()).isTrue();
        }
        try (StationStore store = StationStore.open(dir, PASSPHRASE, TestStores.fastOptions())) {
            assertThat(store.auditTrail(1, 100)).extracting(AuditEntry::action)
                    .filteredOn(AuditActions.UNLOCK_FAILED::equals).hasSize(2);
        }
    }

    @Test
    void databaseFromANewerVersionIsRefusedAndLeftUntouched() throws Exception {
        TestStores.create(dir, TestStores.fastOptions()).close();
        Path db = dir.resolve(StationStore.DB_FILE);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO schema_version VALUES (" + (Migrations.LATEST + 1) + ", 'V99__future.sql', 'x')");
            s.executeUpdate("CREATE TABLE future_table (x)");
        }
        assertThatThrownBy(() -> StationStore.open(dir, PASSPHRASE, TestStores.fastOptions()))
                .isInstanceOfSatisfying(NewerSchemaException.class, e -> assertThat(e.getMessage())
                        .contains(Integer.toString(Migrations.LATEST + 1)));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT max(version), (SELECT count(*) FROM future_table) FROM schema_version")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(Migrations.LATEST + 1);
        }
    }

    @Test
    void corruptDatabaseIsRefusedNamingTheLastBackup() throws Exception {
        try (StationStore store = TestStores.create(dir, TestStores.fastOptions())) {
            DemoRecords demo = TestStores.demo(9);
            for (int i = 0; i < 3; i++) {
                store.saveEnrollment(demo.next());
            }
        }
        StationStore.open(dir, PASSPHRASE, TestStores.fastOptions()).close(); // writes the first backup
        Path backup;
        try (var s = Files.list(dir.resolve("backups"))) {
            backup = s.findFirst().orElseThrow();
        }
        Path db = dir.resolve(StationStore.DB_FILE);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            byte[] junk = new byte[8192];
            new Random(1).nextBytes(junk);
            f.seek(4096 * 2);
            f.write(junk); // pages 3 and 4: b-tree pages of the schema
        }
        assertThatThrownBy(() -> StationStore.open(dir, PASSPHRASE, TestStores.fastOptions()))
                .isInstanceOfSatisfying(CorruptStoreException.class, e -> {
                    assertThat(e.lastBackup()).contains(backup);
                    assertThat(e.getMessage()).contains(db.toString()).contains(backup.toString()).contains("rusak");
                    assertThat(e.localizedMessage(Locale.ENGLISH)).contains("damaged").contains(backup.toString());
                });

        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.seek(0);
            f.write("this is not SQLite at all".getBytes());
        }
        assertThatThrownBy(() -> StationStore.open(dir, PASSPHRASE, TestStores.fastOptions()))
                .isInstanceOfSatisfying(CorruptStoreException.class,
                        e -> assertThat(e.lastBackup()).contains(backup));

        // The named backup really is a working store.
        Path restored = dir.resolve("restored");
        Files.createDirectories(restored);
        Files.copy(backup, restored.resolve(StationStore.DB_FILE));
        try (StationStore store = StationStore.open(restored, PASSPHRASE, TestStores.fastOptions())) {
            assertThat(store.recordCount()).isEqualTo(3);
            assertThat(store.verify().ok()).isTrue();
        }
    }

    @Test
    void fullDiskRefusesTheWholeCaptureAndLeavesTheStoreConsistent() throws Exception {
        DemoRecords demo = TestStores.demo(10);
        long pages;
        try (StationStore store = TestStores.create(dir, TestStores.fastOptions())) {
            store.saveEnrollment(demo.next());
            try (Statement s = store.database().connection().createStatement();
                 ResultSet rs = s.executeQuery("PRAGMA page_count")) {
                rs.next();
                pages = rs.getLong(1);
            }
        }
        StoreOptions tight = TestStores.fastOptions().withMaxPageCount(pages + 12); // ~48 KB free: no room for ~220 KB
        try (StationStore store = StationStore.open(dir, PASSPHRASE, tight)) {
            long auditBefore = store.auditTrail(1, 10_000).size();
            var record = demo.next();
            assertThatThrownBy(() -> store.saveEnrollment(record))
                    .isInstanceOfSatisfying(StoreFullException.class,
                            e -> assertThat(e.getMessage()).contains("TIDAK disimpan"));
            assertThat(store.recordCount()).isEqualTo(1);
            assertThat(store.findById(record.id())).isEmpty();
            assertThat(store.findByNik(record.demographics().nik())).isEmpty();
            assertThat(store.outbox().countByState().get(OutboxState.CAPTURED)).isEqualTo(1);
            assertThat(store.auditTrail(1, 10_000)).hasSize((int) auditBefore);
            try (Statement s = store.database().connection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM packets), (SELECT count(*) FROM outbox)")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
                assertThat(rs.getInt(2)).isEqualTo(1);
            }
            assertThat(store.verify().ok()).isTrue();
            // The connection is usable afterwards: a small write still commits durably.
            store.saveDraft("after-full", "{}");
        }
        try (StationStore store = StationStore.open(dir, PASSPHRASE, TestStores.fastOptions())) {
            assertThat(store.loadDraft("after-full")).contains("{}");
            store.saveEnrollment(demo.next());
            assertThat(store.recordCount()).isEqualTo(2);
            assertThat(store.verify().ok()).isTrue();
        }
    }

    @Test
    void rollingBackupsKeepTheNewestN() {
        TestStores.MutableClock clock = new TestStores.MutableClock(java.time.Instant.parse("2026-11-01T00:00:00Z"));
        StoreOptions options = TestStores.fastOptions(clock).withBackups(3, Duration.ofDays(1));
        TestStores.create(dir, options).close();
        for (int day = 0; day < 6; day++) {
            StationStore.open(dir, PASSPHRASE, options).close();
            StationStore.open(dir, PASSPHRASE, options).close(); // same day: no second backup
            clock.advance(Duration.ofDays(1));
        }
        try (StationStore store = StationStore.open(dir, PASSPHRASE, options)) {
            assertThat(store.backups()).hasSize(3);
            assertThat(store.backups().get(0).getFileName().toString()).startsWith("rekam-20261107T");
            assertThat(store.backups().get(2).getFileName().toString()).startsWith("rekam-20261105T");
        }
    }
}
