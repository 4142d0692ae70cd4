package id.rekam.core.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rekam.core.crypto.PacketSeal;
import id.rekam.core.trust.Ed25519Raw;
import id.rekam.core.trust.ServerKeys;
import id.rekam.core.trust.ServerTrust;
import id.rekam.core.trust.SignedJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 14, item 4: the server's signed {@code lock} keeps the store shut until {@code unlock};
 * its signed {@code crypto-erase} destroys the wrapped keys, so nothing opens again, not even with
 * the passphrase; a forged one changes nothing. Wrong passphrases slow down, and erase after N only
 * when the supervisor chose so — never with records waiting, unless that was chosen too.
 */
class StationCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final byte[] serverSeed = Ed25519Raw.newSeed();
    private final TestStores.MutableClock clock = new TestStores.MutableClock(Instant.parse("2026-11-25T03:00:00Z"));
    private final StoreOptions options = TestStores.fastOptions(clock);

    @BeforeEach
    void provision() {
        try (StationStore store = TestStores.create(dir, options)) {
            store.operators().createFirstSupervisor("spv", "rahasia-spv".toCharArray());
            store.pinServer(new ServerTrust(URI.create("http://127.0.0.1:8080/"), null,
                    new ServerKeys(Ed25519Raw.publicKey(serverSeed), PacketSeal.newServerKeyPair()[1]), Instant.now()),
                    "tek");
            store.backupNow();
        }
    }

    private ObjectNode command(byte[] seed, String id, String command) {
        return SignedJson.sign(seed, SignedJson.Purpose.FEED_ENTRY, TestStores.STATION, JSON.createObjectNode()
                .put("cursor", "9").put("type", "station-command").put("commandId", id).put("command", command)
                .put("at", "2026-11-25T04:00:00Z"));
    }

    private StationStore open() {
        return StationStore.open(dir, TestStores.PASSPHRASE, options);
    }

    @Test
    void cryptoEraseFromTheServerLeavesAStoreNothingOpensNotEvenTheRightPassphrase() throws Exception {
        assertThat(Files.list(dir.resolve("backups")).count()).isPositive();
        try (DeliveryStore locked = DeliveryStore.open(dir)) {
            // A forged command: another key signed it. Nothing happens.
            assertThat(locked.applyCommand(command(Ed25519Raw.newSeed(), "cmd-x", "crypto-erase"))).isFalse();
            assertThat(locked.erased()).isFalse();
            assertThat(locked.applyCommand(command(serverSeed, "cmd-1", "crypto-erase"))).isTrue();
        }
        assertThatThrownBy(this::open).isInstanceOf(StoreErasedException.class);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(StationStore.DB_FILE));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM keyring")) {
            rs.next();
            assertThat(rs.getInt(1)).as("wrapped keys destroyed").isZero();
        }
        try (var backups = Files.list(dir.resolve("backups"))) {
            assertThat(backups).as("every backup held the key ring").isEmpty();
        }
        Path wal = dir.resolve(StationStore.DB_FILE + "-wal");
        assertThat(!Files.exists(wal) || Files.size(wal) == 0).as("no old page left in the WAL").isTrue();
        // Even bypassing the erased check, the passphrase unwraps nothing: the key ring is gone.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(StationStore.DB_FILE));
             Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM station_commands");
        }
        assertThatThrownBy(this::open).isInstanceOf(RuntimeException.class)
                .isNotInstanceOf(StoreErasedException.class);
    }

    @Test
    void anUnlockedStoreObeysToo() {
        try (StationStore store = open()) {
            assertThat(store.applyServerCommand(command(serverSeed, "cmd-2", "crypto-erase"))).isTrue();
        }
        assertThatThrownBy(this::open).isInstanceOf(StoreErasedException.class);
    }

    @Test
    void lockKeepsTheStoreShutUntilTheServerUnlocksIt() {
        try (DeliveryStore locked = DeliveryStore.open(dir)) {
            locked.applyCommand(command(serverSeed, "cmd-l", "lock"));
        }
        assertThatThrownBy(this::open).isInstanceOf(StationLockedException.class).hasMessageContaining("cmd-l");
        clock.advance(Duration.ofSeconds(1));
        try (DeliveryStore locked = DeliveryStore.open(dir)) {
            locked.applyCommand(command(serverSeed, "cmd-u", "unlock"));
        }
        try (StationStore store = open()) {
            assertThat(store.verify().ok()).isTrue();
        }
    }

    @Test
    void wrongPassphrasesSlowDown() {
        for (int i = 0; i < UnlockPolicy.FREE_ATTEMPTS; i++) {
            assertThatThrownBy(() -> StationStore.open(dir, "salah-salah".toCharArray(), options))
                    .isInstanceOf(WrongPassphraseException.class);
        }
        // Even the right passphrase waits now: the attempt is refused before it is tried.
        assertThatThrownBy(this::open).isInstanceOfSatisfying(UnlockThrottledException.class,
                e -> assertThat(e.retryAt()).isEqualTo(clock.instant().plus(UnlockPolicy.FIRST_DELAY)));
        clock.advance(UnlockPolicy.FIRST_DELAY);
        assertThatThrownBy(() -> StationStore.open(dir, "salah-salah".toCharArray(), options))
                .isInstanceOf(WrongPassphraseException.class);
        assertThatThrownBy(this::open).isInstanceOfSatisfying(UnlockThrottledException.class,
                e -> assertThat(e.retryAt()).isEqualTo(clock.instant().plus(UnlockPolicy.FIRST_DELAY.multipliedBy(2))));
        clock.advance(Duration.ofMinutes(1));
        try (StationStore store = open()) {
            assertThat(store.verify().ok()).isTrue();
        }
        assertThat(UnlockPolicy.delayAfter(40)).isEqualTo(UnlockPolicy.MAX_DELAY);
    }

    private void failUntilErasedOrNot(int attempts) {
        for (int i = 0; i < attempts; i++) {
            clock.advance(UnlockPolicy.MAX_DELAY);
            try {
                StationStore.open(dir, "salah-salah".toCharArray(), options).close();
            } catch (WrongPassphraseException | StoreErasedException expected) {
                // counted
            }
        }
    }

    @Test
    void eraseAfterNFailuresNeverWhileRecordsWaitUnlessTheSupervisorChoseSo() {
        try (StationStore store = open()) {
            store.setUnlockPolicy(new UnlockPolicy(5, false), "spv");
            String id = store.saveEnrollment(TestStores.demo(5).next()).packetId();
            store.outbox().approve(List.of(id), "spv");
        }
        failUntilErasedOrNot(6);
        clock.advance(UnlockPolicy.MAX_DELAY);
        try (StationStore store = open()) {
            assertThat(store.unlockPolicy()).isEqualTo(new UnlockPolicy(5, false));
            // A record waits for delivery: the keys were kept.
            store.setUnlockPolicy(new UnlockPolicy(5, true), "spv");
        }
        failUntilErasedOrNot(4);
        clock.advance(UnlockPolicy.MAX_DELAY);
        assertThatThrownBy(() -> StationStore.open(dir, "salah-salah".toCharArray(), options))
                .isInstanceOf(StoreErasedException.class);
        assertThatThrownBy(this::open).isInstanceOf(StoreErasedException.class);
    }

    @Test
    void onlyASupervisorSetsTheUnlockPolicyAndFewerThanFiveIsRefused() {
        try (StationStore store = open()) {
            store.operators().createAccount("spv", "op1", id.rekam.core.auth.Role.OPERATOR, "operator-1!".toCharArray());
            assertThatThrownBy(() -> store.setUnlockPolicy(new UnlockPolicy(5, false), "op1"))
                    .isInstanceOf(id.rekam.core.auth.AuthException.class);
            assertThatThrownBy(() -> new UnlockPolicy(2, false)).isInstanceOf(IllegalArgumentException.class);
            assertThat(store.unlockPolicy()).isEqualTo(UnlockPolicy.NEVER_ERASE);
        }
    }
}
