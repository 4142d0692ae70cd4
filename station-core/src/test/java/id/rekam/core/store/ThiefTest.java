package id.rekam.core.store;

import id.rekam.core.auth.Role;
import id.rekam.core.crypto.KeyUnwrapException;
import id.rekam.core.crypto.KdfParams;
import id.rekam.core.crypto.StationKeys;
import id.rekam.core.crypto.WrappedKey;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.fixtures.DemoRecords;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A thief's view of a station, on any machine (the installed-package version is the installer's
 * {@code ThiefIT}): every file the station left in its data directory copied away, then read
 * with nothing but the files. Nothing personal is readable, no key unwraps without the
 * passphrase (the key ring is wrapped under PBKDF2 at the production cost, and no file holds the
 * passphrase), and every edit of the security state is found when the copy is opened.
 */
class ThiefTest {

    @TempDir
    static Path work;

    static final char[] PASSPHRASE = "kebun teh lembang berkabut pagi".toCharArray();
    static Path station;
    static Path stolen;
    static final List<byte[]> NEEDLES = new ArrayList<>();
    static final TestStores.MutableClock CLOCK = new TestStores.MutableClock(Instant.parse("2026-11-25T03:00:00Z"));
    /** The production passphrase cost; passwords cheap so the test stays quick. */
    static final StoreOptions OPTIONS = StoreOptions.defaults()
            .withKdf(KdfParams.forTestsOnly(KdfParams.PRODUCTION.passphraseIterations(), 1_000)).withClock(CLOCK);

    @BeforeAll
    static void aStationInUseThenStolen() throws Exception {
        station = work.resolve("station");
        DemoRecords demo = TestStores.demo(2002);
        try (StationStore store = StationStore.initialise(station, PASSPHRASE, TestStores.STATION, OPTIONS)) {
            store.operators().createFirstSupervisor("spv", "rahasia-spv".toCharArray());
            store.operators().createAccount("spv", "op1", Role.OPERATOR, "rahasia-op1".toCharArray());
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                EnrollmentRecord r = id.rekam.fixtures.EnrollmentBuilder.from(demo.next()).operatorId("op1").build();
                NEEDLES.addAll(AtRestEncryptionTest.needlesOf(r));
                ids.add(store.saveEnrollment(r).packetId());
            }
            store.outbox().approve(ids.subList(0, 6), "spv");
            store.saveDraft("enrollment-form", "{\"fullName\":\"Sri Wahyuningsih\",\"nik\":\"3276014508900007\"}");
            NEEDLES.add("Sri Wahyuningsih".getBytes(StandardCharsets.UTF_8));
            NEEDLES.add("3276014508900007".getBytes(StandardCharsets.UTF_8));
            store.backupNow();
            CLOCK.advance(Duration.ofDays(1));
        }
        stolen = work.resolve("stolen");
        KeyedStateTest.copy(station, stolen);
    }

    @Test
    void nothingPersonalIsReadableInAnyStolenFile() throws Exception {
        assertThat(AtRestEncryptionTest.listFiles(stolen)).as("database and backup were taken")
                .anyMatch(p -> p.endsWith(StationStore.DB_FILE))
                .anyMatch(p -> p.getParent().getFileName().toString().equals("backups"));
        assertThat(AtRestEncryptionTest.findNeedles(stolen, NEEDLES)).isEmpty();
    }

    @Test
    void noKeyUnwrapsWithoutThePassphraseAndNoFileHoldsIt() throws Exception {
        assertThat(AtRestEncryptionTest.findNeedles(stolen, List.of(new String(PASSPHRASE).getBytes(StandardCharsets.UTF_8))))
                .isEmpty();
        for (Path db : AtRestEncryptionTest.listFiles(stolen)) {
            if (!db.toString().endsWith(".db")) {
                continue;
            }
            List<WrappedKey> ring = new ArrayList<>();
            byte[] publicKey;
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT name, kdf_salt, kdf_iterations, sealed FROM keyring")) {
                    while (rs.next()) {
                        ring.add(new WrappedKey(rs.getString(1), rs.getBytes(2), rs.getInt(3), rs.getBytes(4)));
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT public_key FROM station")) {
                    publicKey = rs.getBytes(1);
                }
            }
            // Every guess costs a thief one PBKDF2 at the production cost.
            assertThat(ring).filteredOn(k -> k.salt() != null).extracting(WrappedKey::iterations)
                    .allMatch(n -> n >= 600_000);
            for (String guess : List.of("rekam", TestStores.STATION, "kebun teh lembang berkabut", "password")) {
                assertThatThrownBy(() -> StationKeys.unlock(guess.toCharArray(), ring, publicKey))
                        .as(db.getFileName() + " with " + guess).isInstanceOf(KeyUnwrapException.class);
            }
            assertThat(StationKeys.unlock(PASSPHRASE, ring, publicKey)).isNotNull();
        }
    }

    @Test
    void everyEditOfTheSecurityStateIsFoundWhenTheCopyIsOpened() throws Exception {
        Map<String, String> attacks = Map.of(
                "add-supervisor", "INSERT INTO operators (username, role, password_salt, password_iter, password_hash, "
                        + "created_at) SELECT 'thief', 'SUPERVISOR', password_salt, password_iter, password_hash, "
                        + "created_at FROM operators WHERE username = 'op1'",
                "promote", "UPDATE operators SET role = 'SUPERVISOR' WHERE username = 'op1'",
                "queue-unapproved", "UPDATE outbox SET state = 'QUEUED' WHERE state = 'CAPTURED'",
                "record-owner", "UPDATE records SET operator_id = 'spv'",
                "delete-record", "DELETE FROM outbox WHERE state = 'APPROVED'",
                "cut-audit", "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq > 5; "
                        + "UPDATE audit_head SET seq = 5, hash = (SELECT hash FROM audit_log WHERE seq = 5)");
        for (Map.Entry<String, String> a : attacks.entrySet()) {
            Path copy = work.resolve("attack-" + a.getKey());
            KeyedStateTest.copy(stolen, copy);
            KeyedStateTest.sql(copy, c -> {
                KeyedStateTest.exec(c, a.getValue());
                assertThat(KeyedStateTest.scalar(c, "SELECT total_changes()")).as(a.getKey() + " changed rows").isPositive();
            });
            assertThatThrownBy(() -> StationStore.open(copy, PASSPHRASE, OPTIONS).close()).as(a.getKey())
                    .isInstanceOf(TamperedStoreException.class);
        }
        // The untouched copy opens: the findings above are the edits, nothing else.
        Path clean = work.resolve("clean");
        KeyedStateTest.copy(stolen, clean);
        try (StationStore store = StationStore.open(clean, PASSPHRASE, OPTIONS)) {
            assertThat(store.verify().ok()).isTrue();
            assertThat(Files.exists(clean.resolve(StationStore.DB_FILE))).isTrue();
        }
    }
}
