package id.rekam.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekam.core.audit.AuditActions;
import id.rekam.core.audit.AuditEntry;
import id.rekam.core.store.StateFinding;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.TamperedStoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Audit anchors end to end (docs/sync-protocol.md §8a) against the reference server: an unlocked
 * pass anchors the station's audit head and the store keeps the server's signed receipt, so a
 * trail cut below it is named at the next open; and when the local receipts are rolled back with
 * the rest of the store, the server refuses the lower head and its receipt of the higher one
 * names the cut.
 */
class AuditAnchorSyncTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    SyncTestKit kit;

    @AfterEach
    void close() {
        if (kit != null) {
            kit.close();
        }
    }

    private SyncService sync() {
        return new SyncService(kit.store, SyncTestKit.fastConfig(kit.server.baseUri()));
    }

    @Test
    void aPassAnchorsTheAuditHeadAndATrailCutBelowItIsNamedAtOpen() throws Exception {
        kit = SyncTestKit.start(dir);
        kit.capture(2, 71, true);
        long before = kit.store.auditHead().seq();
        try (SyncService sync = sync()) {
            sync.runOnce();
        }
        long anchored = lastAnchoredSeq(kit.store);
        assertThat(anchored).isGreaterThan(before);
        assertThat(kit.store.verify().ok()).isTrue();

        // With the file only: the tail cut from the anchored entry on, the surviving hash copied
        // into the head so that the chain itself looks whole.
        kit.closeStore();
        sql(kit.stationDir, s -> {
            s.execute("DROP TRIGGER audit_log_no_delete");
            s.execute("DELETE FROM audit_log WHERE seq >= " + anchored);
            s.execute("UPDATE audit_head SET seq = (SELECT max(seq) FROM audit_log), "
                    + "hash = (SELECT hash FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log))");
        });
        TamperedStoreException e = catchThrowableOfType(TamperedStoreException.class,
                () -> StationStore.open(kit.stationDir, SyncTestKit.PASSPHRASE, SyncTestKit.storeOptions()));
        assertThat(e).as("opening a store cut below its anchor must be refused").isNotNull();
        assertThat(e.findings()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(StateFinding.Kind.ANCHOR_MISSING);
            assertThat(f.row()).isEqualTo(Long.toString(anchored));
        });
    }

    @Test
    void anOlderCopyPutBackWithItsReceiptsIsNamedByTheServersHigherAnchor() throws Exception {
        kit = SyncTestKit.start(dir);
        kit.capture(1, 72, true);
        try (SyncService sync = sync()) {
            sync.runOnce();
        }
        kit.closeStore();
        Path early = dir.resolve("early");
        copyStore(kit.stationDir, early);

        kit.reopenStore();
        kit.capture(4, 73, true);
        try (SyncService sync = sync()) {
            sync.runOnce();
        }
        long higher = lastAnchoredSeq(kit.store);
        kit.closeStore();

        // The whole store put back as it was, audit_anchors included: consistent, so it opens.
        copyStore(early, kit.stationDir);
        kit.reopenStore();
        assertThat(kit.store.verify().ok()).isTrue();
        assertThat(kit.store.auditHead().seq()).isLessThan(higher);
        try (SyncService sync = sync()) {
            sync.runOnce();
        }
        // The server refused the lower head and answered with its receipt of the higher one.
        List<StateFinding> found = kit.store.verify().state();
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(StateFinding.Kind.ANCHOR_MISSING);
            assertThat(f.row()).isEqualTo(Long.toString(higher));
        });
        kit.closeStore();
        TamperedStoreException e = catchThrowableOfType(TamperedStoreException.class,
                () -> StationStore.open(kit.stationDir, SyncTestKit.PASSPHRASE, SyncTestKit.storeOptions()));
        assertThat(e).isNotNull();
    }

    private static long lastAnchoredSeq(StationStore store) throws Exception {
        List<AuditEntry> anchors = store.auditTrail(1, 100_000).stream()
                .filter(a -> AuditActions.AUDIT_ANCHORED.equals(a.action())).toList();
        assertThat(anchors).as("the pass kept the server's receipt").isNotEmpty();
        return JSON.readTree(anchors.get(anchors.size() - 1).details()).get("seq").asLong();
    }

    private static void copyStore(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        for (String f : List.of(StationStore.DB_FILE, StationStore.DB_FILE + "-wal", StationStore.DB_FILE + "-shm")) {
            Path source = from.resolve(f);
            if (Files.exists(source)) {
                Files.copy(source, to.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(to.resolve(f));
            }
        }
    }

    @FunctionalInterface
    interface Sql {
        void run(Statement s) throws Exception;
    }

    /** What an attacker with the file has: SQLite, no key. */
    private static void sql(Path stationDir, Sql work) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + stationDir.resolve(StationStore.DB_FILE));
             Statement s = c.createStatement()) {
            work.run(s);
        }
    }
}
