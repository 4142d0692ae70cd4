package id.rekam.core.store;

import id.rekam.core.audit.AuditAnchor;
import id.rekam.core.auth.AccountLockedException;
import id.rekam.core.auth.AuthException;
import id.rekam.core.auth.PasswordHasher;
import id.rekam.core.auth.Role;
import id.rekam.core.cards.BatchCard;
import id.rekam.core.cards.BatchReceipt;
import id.rekam.core.cards.CardRegistry;
import id.rekam.core.cards.HolderKind;
import id.rekam.core.commit.ApprovalMode;
import id.rekam.core.commit.CaptureCommit;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.store.StateFinding.Kind;
import id.rekam.fixtures.DemoRecords;
import id.rekam.fixtures.EnrollmentBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rekam.core.crypto.PacketSeal;
import id.rekam.core.trust.Ed25519Raw;
import id.rekam.core.trust.ServerKeys;
import id.rekam.core.trust.ServerTrust;
import id.rekam.core.trust.SignedJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The attacks of issue 14's "unkeyed security state", each performed on a copy of a real store
 * with nothing but SQLite (what anyone who can write {@code station.db} has: no passphrase, no
 * rekam code), and each found and named when the station opens the copy: which table, which row,
 * what changed. The untouched copy opens clean.
 */
class KeyedStateTest {

    @TempDir
    static Path work;

    static final TestStores.MutableClock CLOCK = new TestStores.MutableClock(Instant.parse("2026-11-25T03:00:00Z"));
    static final StoreOptions OPTIONS = TestStores.fastOptions(CLOCK);
    /** The central server's signing key (a real Ed25519 seed; the store pins its public half). */
    static final byte[] SERVER = Ed25519Raw.newSeed();
    static final ServerTrust PINNED = new ServerTrust(URI.create("https://pusat.rekam.test/"), "sha256/" + Base64.getEncoder().encodeToString(new byte[32]),
            new ServerKeys(Ed25519Raw.publicKey(SERVER), PacketSeal.newServerKeyPair()[1]),
            Instant.parse("2026-11-25T02:00:00Z"));

    /** The real store; {@link #early} is a copy of it taken before op1 was locked out and before the anchor. */
    static Path real;
    static Path early;
    static String unapproved;
    static String queued;
    static String cardOfUnapproved;
    static String cardOfQueued;
    static long anchoredSeq;

    @BeforeAll
    static void buildARealStore() throws Exception {
        real = work.resolve("real");
        early = work.resolve("early");
        DemoRecords demo = TestStores.demo(1414);
        EnrollmentRecord a = EnrollmentBuilder.from(demo.next()).operatorId("op1").build();
        EnrollmentRecord b = EnrollmentBuilder.from(demo.next()).operatorId("op1").build();
        unapproved = a.id().value();
        queued = b.id().value();
        try (StationStore store = TestStores.create(real, OPTIONS)) {
            store.operators().createFirstSupervisor("spv", "rahasia-spv".toCharArray());
            store.operators().createAccount("spv", "op1", Role.OPERATOR, "rahasia-op1".toCharArray());
            store.operators().createAccount("spv", "op2", Role.OPERATOR, "rahasia-op2".toCharArray());
            store.captures().commit(CaptureCommit.of(a, ApprovalMode.END_OF_DAY));
            store.captures().commit(CaptureCommit.of(b, ApprovalMode.END_OF_DAY));
            store.captures().approve(List.of(b.id()), "spv");
            CardRegistry cards = new CardRegistry(store);
            cards.receiveBatch(new BatchReceipt("B-14", 2, List.of(new BatchCard("KTP-K0001", a.demographics().nik()),
                    new BatchCard("KTP-K0002", b.demographics().nik())), "op1", "saksi gudang"));
            cards.assign("KTP-K0001", HolderKind.DESK, "loket-1", "spv");
            cards.assign("KTP-K0002", HolderKind.DESK, "loket-1", "spv");
            cardOfUnapproved = "KTP-K0001";
            cardOfQueued = "KTP-K0002";
            store.pinServer(PINNED, "spv");
            store.setUnlockPolicy(new UnlockPolicy(7, false), "spv");
        }
        copy(real, early);
        try (StationStore store = StationStore.open(real, TestStores.PASSPHRASE, OPTIONS)) {
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> store.operators().login("op1", "salah".toCharArray()))
                        .isInstanceOf(AuthException.class);
            }
            assertThatThrownBy(() -> store.operators().login("op1", "rahasia-op1".toCharArray()))
                    .isInstanceOf(AccountLockedException.class);
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> store.operators().login("op2", "salah".toCharArray()))
                        .isInstanceOf(AuthException.class);
            }
            // The last sync anchored the audit head at the server.
            StationStore.AuditHead head = store.auditHead();
            anchoredSeq = head.seq();
            store.recordAuditAnchor(signedReceipt(head.seq(), head.hash()));
            for (int i = 0; i < 3; i++) {
                store.audit("op2", "RECEIPT_PRINTED", queued, java.util.Map.of("copy", i));
            }
        }
    }

    /** The receipt as the reference server signs it (sync-protocol.md §8a). */
    static ObjectNode signedReceipt(long seq, byte[] hash) {
        ObjectNode r = new ObjectMapper().createObjectNode().put("type", AuditAnchor.TYPE)
                .put("stationId", TestStores.STATION).put("seq", seq)
                .put("hash", Base64.getEncoder().encodeToString(hash)).put("anchoredAt", CLOCK.instant().toString());
        return SignedJson.sign(SERVER, SignedJson.Purpose.AUDIT_ANCHOR, TestStores.STATION, r);
    }

    // ---------------------------------------------------------------- the attacks

    @Test
    void theUntouchedCopyOpensClean() throws Exception {
        Path copy = copyOfReal("clean");
        try (StationStore store = StationStore.open(copy, TestStores.PASSPHRASE, OPTIONS)) {
            StoreHealth h = store.verify();
            assertThat(h.state()).isEmpty();
            assertThat(h.ok()).isTrue();
        }
    }

    @Test
    void aSupervisorRowAddedWithSqlIsNamed() throws Exception {
        Path copy = copyOfReal("add-supervisor");
        PasswordHasher.Hash h = new PasswordHasher(1_000).hash("mallory-pass".toCharArray());
        sql(copy, c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO operators (username, role, password_salt, "
                    + "password_iter, password_hash, created_at) VALUES ('mallory', 'SUPERVISOR', ?, ?, ?, ?)")) {
                p.setBytes(1, h.salt());
                p.setInt(2, h.iterations());
                p.setBytes(3, h.hash());
                p.setString(4, "2026-11-25T03:00:00Z");
                p.executeUpdate();
            }
        });
        assertThat(findingsAtOpen(copy)).contains(new StateFinding(Kind.UNSEALED_ROW, "operators", "mallory", null, ""));
    }

    @Test
    void aSupervisorRowCopiedWithItsSealUnderAnotherNameIsNamed() throws Exception {
        Path copy = copyOfReal("copy-supervisor");
        sql(copy, c -> exec(c, "INSERT INTO operators SELECT 'mallory', role, password_salt, password_iter, "
                + "password_hash, failed_attempts, locked_until, created_at, disabled, seal_version, seal "
                + "FROM operators WHERE username = 'spv'"));
        List<StateFinding> found = findingsAtOpen(copy);
        assertThat(found).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(Kind.EDITED_ROW);
            assertThat(f.row()).isEqualTo("mallory");
        });
        assertThat(found).contains(new StateFinding(Kind.EXTRA_ROWS, "operators", null, null, "1"));
    }

    @Test
    void aClearedLockoutIsNamed() throws Exception {
        Path copy = copyOfReal("clear-lockout");
        sql(copy, c -> exec(c, "UPDATE operators SET locked_until = NULL, failed_attempts = 0 WHERE username = 'op1'"));
        assertThat(findingsAtOpen(copy))
                .contains(new StateFinding(Kind.EDITED_ROW, "operators", "op1", List.of("locked_until"), ""));
    }

    @Test
    void aLockoutClearedByPuttingBackTheRowsOlderSealedCopyIsFound() throws Exception {
        Path copy = copyOfReal("rollback-lockout");
        sql(copy, c -> exec(c, "ATTACH DATABASE '" + early.resolve(StationStore.DB_FILE) + "' AS old; "
                + "UPDATE operators SET (failed_attempts, locked_until, seal_version, seal) = (SELECT failed_attempts, "
                + "locked_until, seal_version, seal FROM old.operators o WHERE o.username = 'op1') "
                + "WHERE username = 'op1'"));
        assertThat(findingsAtOpen(copy)).extracting(StateFinding::kind, StateFinding::table)
                .contains(org.assertj.core.groups.Tuple.tuple(Kind.ROLLED_BACK, "operators"));
    }

    @Test
    void anUnapprovedRecordSetToQueuedIsNamed() throws Exception {
        Path copy = copyOfReal("queue-unapproved");
        sql(copy, c -> exec(c, "UPDATE outbox SET state = 'QUEUED', approved_by = 'spv' WHERE packet_id = '"
                + unapproved + "'"));
        assertThat(findingsAtOpen(copy))
                .contains(new StateFinding(Kind.EDITED_ROW, "outbox", unapproved, List.of("state", "approved_by"), ""));
    }

    @Test
    void aCardPointedAtAnotherPersonsRecordIsNamed() throws Exception {
        Path copy = copyOfReal("card-to-other");
        sql(copy, c -> exec(c, "UPDATE cards SET record_id = '" + queued + "', nik_bidx = (SELECT nik_bidx FROM "
                + "records WHERE id = '" + queued + "') WHERE serial = '" + cardOfUnapproved + "'"));
        assertThat(findingsAtOpen(copy)).contains(new StateFinding(Kind.EDITED_ROW, "cards", cardOfUnapproved,
                List.of("record_id", "nik_bidx"), ""));
    }

    @Test
    void aResetLoginFailureCounterIsNamed() throws Exception {
        Path copy = copyOfReal("reset-counter");
        sql(copy, c -> exec(c, "UPDATE operators SET failed_attempts = 0 WHERE username = 'op2'"));
        assertThat(findingsAtOpen(copy))
                .contains(new StateFinding(Kind.EDITED_ROW, "operators", "op2", List.of("failed_attempts"), ""));
    }

    @Test
    void anAuditTailCutWithTheSurvivingHashCopiedIntoTheHeadIsNamed() throws Exception {
        Path copy = copyOfReal("cut-tail");
        long[] ends = new long[2];
        sql(copy, c -> {
            ends[0] = scalar(c, "SELECT max(seq) FROM audit_log");
            exec(c, "DROP TRIGGER audit_log_no_delete");
            exec(c, "DELETE FROM audit_log WHERE seq > " + (ends[0] - 2));
            exec(c, "UPDATE audit_head SET seq = (SELECT max(seq) FROM audit_log), "
                    + "hash = (SELECT hash FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log))");
            ends[1] = scalar(c, "SELECT max(seq) FROM audit_log");
        });
        assertThat(findingsAtOpen(copy)).contains(new StateFinding(Kind.AUDIT_CUT, "audit_log",
                Long.toString(ends[1]), null, Long.toString(ends[0])));
    }

    @Test
    void anOlderConsistentCopyPutBackIsCaughtByTheServersAnchor() throws Exception {
        // Every table put back to the copy from before the anchor, consistent with itself: only the
        // server's receipt tells. (Putting back audit_anchors too leaves nothing local to tell; the
        // server then refuses the next, lower anchor: AuditAnchorSyncTest.)
        Path copy = copyOfReal("whole-rollback");
        sql(copy, c -> {
            exec(c, "ATTACH DATABASE '" + early.resolve(StationStore.DB_FILE) + "' AS old");
            exec(c, "PRAGMA foreign_keys = OFF");
            for (String t : List.of("station", "keyring", "records", "packets", "outbox", "audit_log", "audit_head",
                    "operators", "events", "cards", "card_batches", "card_moves", "state_tables", "state_head")) {
                exec(c, "DROP TRIGGER IF EXISTS audit_log_no_delete");
                exec(c, "DELETE FROM main." + t);
                exec(c, "INSERT INTO main." + t + " SELECT * FROM old." + t);
            }
        });
        List<StateFinding> found = findingsAtOpen(copy);
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.ANCHOR_MISSING);
            assertThat(f.row()).isEqualTo(Long.toString(anchoredSeq));
        });
    }

    @Test
    void aDeletedOutboxRowIsFound() throws Exception {
        Path copy = copyOfReal("delete-outbox");
        sql(copy, c -> exec(c, "DELETE FROM outbox WHERE packet_id = '" + queued + "'"));
        assertThat(findingsAtOpen(copy)).contains(new StateFinding(Kind.ROWS_MISSING, "outbox", null, null, "1"));
    }

    @Test
    void theSealRemovedToHaveEverythingResealedIsFound() throws Exception {
        Path copy = copyOfReal("drop-seal");
        sql(copy, c -> {
            exec(c, "UPDATE operators SET role = 'SUPERVISOR' WHERE username = 'op2'");
            exec(c, "DELETE FROM state_head");
        });
        assertThat(findingsAtOpen(copy)).containsExactly(new StateFinding(Kind.SEAL_REMOVED, "state_head", null, null, ""));
    }

    @Test
    void aForgedAnchorIsRefused() throws Exception {
        Path copy = copyOfReal("forged-anchor");
        try (StationStore store = StationStore.open(copy, TestStores.PASSPHRASE, OPTIONS)) {
            StationStore.AuditHead head = store.auditHead();
            ObjectNode good = signedReceipt(head.seq(), head.hash());
            ObjectNode forged = good.deepCopy().put("seq", head.seq() + 100);
            assertThatThrownBy(() -> store.recordAuditAnchor(forged))
                    .isInstanceOf(StoreException.class).hasMessageContaining(Long.toString(head.seq() + 100));
            ObjectNode otherKey = SignedJson.sign(Ed25519Raw.newSeed(), SignedJson.Purpose.AUDIT_ANCHOR,
                    TestStores.STATION, good);
            assertThatThrownBy(() -> store.recordAuditAnchor(otherKey)).isInstanceOf(StoreException.class);
            ObjectNode otherPurpose = SignedJson.sign(SERVER, SignedJson.Purpose.RECEIPT, TestStores.STATION, good);
            assertThatThrownBy(() -> store.recordAuditAnchor(otherPurpose)).isInstanceOf(StoreException.class);
            assertThat(store.verify().ok()).isTrue();
        }
    }

    @Test
    void aSwappedServerSigningKeyAndPacketKeyAreNamed() throws Exception {
        // The insider's aim: captures sealed to a packet key of their own, verdicts and commands
        // signed by a key of their own accepted.
        Path copy = copyOfReal("swap-server-keys");
        byte[] mallorySigning = Ed25519Raw.publicKey(Ed25519Raw.newSeed());
        byte[] malloryPacket = PacketSeal.newServerKeyPair()[1];
        sql(copy, c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE server_trust SET signing_key = ?, packet_key = ? WHERE id = 1")) {
                p.setBytes(1, mallorySigning);
                p.setBytes(2, malloryPacket);
                assertThat(p.executeUpdate()).isEqualTo(1);
            }
        });
        assertThat(findingsAtOpen(copy)).contains(new StateFinding(Kind.EDITED_ROW, "server_trust", "1",
                List.of("signing_key", "packet_key"), ""));
    }

    @Test
    void aServerTrustRowPassedOffAsNotYetKeyedIsFound() throws Exception {
        // Removing the table's sums (as if the store predated its keying) and the row's seal: the
        // head, which covered those sums, no longer matches.
        Path copy = copyOfReal("unkey-server-trust");
        sql(copy, c -> exec(c, "UPDATE server_trust SET server_url = 'https://mallory.test/', seal = NULL, "
                + "seal_version = NULL; DELETE FROM state_tables WHERE name = 'server_trust'"));
        assertThat(findingsAtOpen(copy)).contains(new StateFinding(Kind.SUMMARY_EDITED, "state_head", null, null, ""));
    }

    @Test
    void anErasePolicyTurnedOffIsNamed() throws Exception {
        Path copy = copyOfReal("policy-off");
        sql(copy, c -> exec(c, "UPDATE security_policy SET erase_after_failures = 0"));
        assertThat(findingsAtOpen(copy)).contains(new StateFinding(Kind.EDITED_ROW, "security_policy", "1",
                List.of("erase_after_failures"), ""));
    }

    @Test
    void tablesKeyedAfterTheStoreWasSealedAreSealedAtTheNextUnlock() throws Exception {
        // A store sealed by a release that did not key server_trust and security_policy: no sums for
        // them, a head over the other tables, rows without seals.
        Path copy = copyOfReal("keyed-later");
        try (StationStore store = StationStore.open(copy, TestStores.PASSPHRASE, OPTIONS)) {
            store.database().inTransaction(c -> {
                exec(c, "UPDATE server_trust SET seal = NULL, seal_version = NULL; "
                        + "UPDATE security_policy SET seal = NULL, seal_version = NULL; "
                        + "DELETE FROM state_tables WHERE name IN ('server_trust', 'security_policy')");
                return null;
            });
        }
        try (StationStore store = StationStore.open(copy, TestStores.PASSPHRASE, OPTIONS)) {
            assertThat(store.verify().state()).isEmpty();
            assertThat(store.auditTrail(1, 10_000)).anySatisfy(e -> {
                assertThat(e.action()).isEqualTo(id.rekam.core.audit.AuditActions.STATE_SEALED);
                assertThat(e.details()).contains("server_trust").contains("security_policy");
            });
        }
        sql(copy, c -> exec(c, "UPDATE server_trust SET tls_pin = NULL"));
        assertThat(findingsAtOpen(copy)).contains(new StateFinding(Kind.EDITED_ROW, "server_trust", "1",
                List.of("tls_pin"), ""));
    }

    @Test
    void theMessageNamesTableRowAndColumnsInBothLanguages() throws Exception {
        Path copy = copyOfReal("message");
        sql(copy, c -> exec(c, "UPDATE outbox SET state = 'QUEUED' WHERE packet_id = '" + unapproved + "'"));
        TamperedStoreException e = catchThrowableOfType(TamperedStoreException.class,
                () -> StationStore.open(copy, TestStores.PASSPHRASE, OPTIONS));
        assertThat(e.getMessage()).contains("outbox").contains(unapproved).contains("state").contains("diubah");
        assertThat(e.localizedMessage(Locale.ENGLISH)).contains("row " + unapproved + " of table outbox was changed "
                + "without the passphrase: state");
    }

    // ---------------------------------------------------------------- while the store is open

    @Test
    void aRowChangedWhileTheStoreIsOpenIsNotActedOn() throws Exception {
        Path copy = copyOfReal("while-open");
        try (StationStore store = StationStore.open(copy, TestStores.PASSPHRASE, OPTIONS)) {
            sql(copy, c -> {
                exec(c, "UPDATE operators SET locked_until = NULL WHERE username = 'op1'");
                exec(c, "UPDATE outbox SET state = 'QUEUED' WHERE packet_id = '" + unapproved + "'");
                exec(c, "UPDATE cards SET record_id = '" + queued + "' WHERE serial = '" + cardOfUnapproved + "'");
            });
            assertThatThrownBy(() -> store.operators().login("op1", "rahasia-op1".toCharArray()))
                    .isInstanceOf(TamperedStoreException.class).hasMessageContaining("op1");
            assertThatThrownBy(() -> store.outbox().deliverable(10))
                    .isInstanceOf(TamperedStoreException.class).hasMessageContaining(unapproved);
            assertThatThrownBy(() -> new CardRegistry(store).require(cardOfUnapproved))
                    .isInstanceOf(TamperedStoreException.class).hasMessageContaining("record_id");
            // Rows nobody touched still work.
            assertThat(new CardRegistry(store).require(cardOfQueued).recordId()).isEqualTo(queued);
            assertThat(store.verify().state()).extracting(StateFinding::row)
                    .contains("op1", unapproved, cardOfUnapproved);
        }
    }

    @Test
    void deletingEverySupervisorDoesNotOpenTheFirstSupervisorDoor() throws Exception {
        Path copy = copyOfReal("no-supervisor");
        try (StationStore store = StationStore.open(copy, TestStores.PASSPHRASE, OPTIONS)) {
            sql(copy, c -> exec(c, "DELETE FROM operators WHERE role = 'SUPERVISOR'"));
            assertThat(store.operators().supervisorExists()).isFalse();
            assertThatThrownBy(() -> store.operators().createFirstSupervisor("mallory", "mallory-pass".toCharArray()))
                    .isInstanceOf(TamperedStoreException.class);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static List<StateFinding> findingsAtOpen(Path copy) {
        TamperedStoreException e = catchThrowableOfType(TamperedStoreException.class,
                () -> StationStore.open(copy, TestStores.PASSPHRASE, OPTIONS).close());
        assertThat(e).as("opening a tampered copy must be refused").isNotNull();
        return e.findings();
    }

    private Path copyOfReal(String name) throws IOException {
        Path to = work.resolve(name);
        copy(real, to);
        return to;
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @FunctionalInterface
    interface Sql {
        void run(Connection c) throws SQLException;
    }

    /** What an attacker with the file has: SQLite, no key, no rekam code. */
    static void sql(Path dir, Sql work) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(StationStore.DB_FILE))) {
            work.run(c);
        }
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String one : sql.split("; ")) {
                s.execute(one);
            }
        }
    }

    static long scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
