package id.rekam.core.store;

import id.rekam.core.audit.AuditActions;
import id.rekam.core.audit.AuditEntry;
import id.rekam.core.auth.AuthException;
import id.rekam.core.auth.PassphrasePolicy;
import id.rekam.core.auth.Role;
import id.rekam.core.auth.WeakPassphraseException;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.fixtures.DemoRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Changing the station passphrase: the store and every backup open with the new one only; a weak
 * new passphrase, a wrong current one or a non-supervisor change nothing; a backup left with the
 * old wrapping (a crash between the two steps) is re-wrapped at the next open.
 */
class ChangePassphraseTest {

    static final char[] NEXT = "sawah pagi kopi merah layang".toCharArray();

    @TempDir
    Path dir;
    @TempDir
    Path scratch;

    private final TestStores.MutableClock clock = new TestStores.MutableClock(Instant.parse("2026-11-25T03:00:00Z"));
    private final StoreOptions options = TestStores.fastOptions(clock);
    private final DemoRecords demo = TestStores.demo(88);

    private StationStore storeWithBackups(EnrollmentRecord r) {
        StationStore store = TestStores.create(dir, options);
        store.operators().createFirstSupervisor("spv", "rahasia-spv".toCharArray());
        store.operators().createAccount("spv", "op1", Role.OPERATOR, "rahasia-op1".toCharArray());
        store.saveEnrollment(r);
        store.backupNow();
        clock.advance(Duration.ofHours(2));
        store.backupNow();
        return store;
    }

    @Test
    void theStoreAndEveryBackupOpenWithTheNewPassphraseOnly() throws Exception {
        EnrollmentRecord r = demo.next();
        try (StationStore store = storeWithBackups(r)) {
            assertThat(store.backups()).hasSize(2);
            store.changePassphrase(TestStores.PASSPHRASE, NEXT, "spv");
            assertThat(store.backups()).hasSize(2);
            assertThat(store.auditTrail(1, 1000)).extracting(AuditEntry::action)
                    .contains(AuditActions.PASSPHRASE_CHANGED, AuditActions.BACKUPS_REPLACED);
        }
        assertThatThrownBy(() -> StationStore.open(dir, TestStores.PASSPHRASE, options))
                .isInstanceOf(WrongPassphraseException.class);
        try (StationStore store = StationStore.open(dir, NEXT, options)) {
            assertThat(store.findById(r.id())).isPresent();
            for (Path backup : store.backups()) {
                Path restored = restore(backup);
                assertThatThrownBy(() -> StationStore.open(restored, TestStores.PASSPHRASE, options))
                        .as("backup " + backup.getFileName() + " with the old passphrase")
                        .isInstanceOf(WrongPassphraseException.class);
                try (StationStore old = StationStore.open(restored, NEXT, options)) {
                    assertThat(old.findById(r.id())).isPresent();
                }
            }
        }
        assertThat(leftovers(dir.resolve("backups"))).isEmpty();
    }

    @Test
    void aWeakNewPassphraseAWrongCurrentOneOrAnOperatorChangeNothing() throws Exception {
        try (StationStore store = storeWithBackups(demo.next())) {
            for (String weak : List.of("Rekam2026!", "password", TestStores.STATION + "-2026", "kantor kecamatan")) {
                assertThatThrownBy(() -> store.changePassphrase(TestStores.PASSPHRASE, weak.toCharArray(), "spv"))
                        .as(weak).isInstanceOf(WeakPassphraseException.class).hasMessageContaining("10^");
            }
            assertThatThrownBy(() -> store.changePassphrase("bukan-frasa-yang-benar".toCharArray(), NEXT, "spv"))
                    .isInstanceOf(WrongPassphraseException.class);
            assertThatThrownBy(() -> store.changePassphrase(TestStores.PASSPHRASE, NEXT, "op1"))
                    .isInstanceOf(AuthException.class);
            assertThat(store.auditTrail(1, 1000)).extracting(AuditEntry::action)
                    .doesNotContain(AuditActions.PASSPHRASE_CHANGED, AuditActions.BACKUPS_REPLACED);
        }
        try (StationStore store = StationStore.open(dir, TestStores.PASSPHRASE, options)) {
            for (Path backup : store.backups()) {
                StationStore.open(restore(backup), TestStores.PASSPHRASE, options).close();
            }
        }
    }

    @Test
    void aBackupLeftWithTheOldWrappingIsReWrappedAtTheNextOpen() throws Exception {
        Path kept = scratch.resolve("kept.db");
        try (StationStore store = storeWithBackups(demo.next())) {
            Files.copy(store.backups().get(0), kept);
            store.changePassphrase(TestStores.PASSPHRASE, NEXT, "spv");
        }
        // As if the process died after the key ring was re-wrapped and before the backups were.
        Path stale = dir.resolve("backups").resolve("rekam-20261125T030000Z-9.db");
        Files.copy(kept, stale);
        assertThat(StationStore.open(restore(stale), TestStores.PASSPHRASE, options)).isNotNull().satisfies(
                StationStore::close);
        clock.advance(Duration.ofMinutes(5));
        try (StationStore store = StationStore.open(dir, NEXT, options)) {
            assertThat(store.auditTrail(1, 1000)).filteredOn(e -> e.action().equals(AuditActions.BACKUPS_REPLACED))
                    .hasSize(2);
        }
        assertThatThrownBy(() -> StationStore.open(restore(stale), TestStores.PASSPHRASE, options))
                .isInstanceOf(WrongPassphraseException.class);
    }

    @Test
    void aNewStoreNeedsAStrongPassphraseAndIsNotCreatedWithAWeakOne() {
        assertThatThrownBy(() -> StationStore.initialise(dir.resolve("weak"), "Kronjo2026!".toCharArray(),
                TestStores.STATION, options)).isInstanceOf(WeakPassphraseException.class);
        assertThat(Files.exists(dir.resolve("weak"))).isFalse();
        assertThat(PassphrasePolicy.guessesLog10(NEXT, List.of())).isGreaterThanOrEqualTo(
                PassphrasePolicy.MIN_GUESSES_LOG10);
        assertThat(PassphrasePolicy.guessesLog10(TestStores.PASSPHRASE, List.of(TestStores.STATION)))
                .isGreaterThanOrEqualTo(PassphrasePolicy.MIN_GUESSES_LOG10);
    }

    /** A backup file put where a store lives, as a technician restoring it would. */
    private Path restore(Path backup) throws IOException {
        Path to = Files.createTempDirectory(scratch, "restore");
        Files.copy(backup, to.resolve(StationStore.DB_FILE));
        return to;
    }

    private static List<String> leftovers(Path backups) throws IOException {
        try (Stream<Path> s = Files.list(backups)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.matches("rekam-\\d{8}T\\d{6}Z(-\\d+)?\\.db"))
                    .toList();
        }
    }
}
