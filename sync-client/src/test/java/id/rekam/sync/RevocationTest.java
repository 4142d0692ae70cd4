package id.rekam.sync;

import id.rekam.core.outbox.OutboxState;
import id.rekam.core.store.DeliveryStore;
import id.rekam.core.store.StationLockedException;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.StoreErasedException;
import id.rekam.server.admin.LossReport;
import id.rekam.server.stations.RevocationReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 14, items 4 and 5, end to end: the administrator locks a station through its feed and
 * unlocks it again; revokes a stolen one with a crypto-erase, which reaches the station — locked,
 * without any passphrase — in the refusal of its next request and destroys its keys; what it
 * delivered before stays on the server, and the loss report lists what may still have been on it.
 */
class RevocationTest {

    @TempDir
    Path dir;
    SyncTestKit kit;

    @AfterEach
    void tearDown() {
        if (kit != null) {
            kit.close();
        }
    }

    private SyncService lockedService(DeliveryStore store) {
        return SyncService.locked(store, TransportKey.load(kit.keyDir), SyncTestKit.fastConfig(kit.server.baseUri()),
                Clock.systemUTC(), id.rekam.sync.retry.Backoff.threadLocalRandom(), new Messages(Locale.ENGLISH));
    }

    @Test
    void lockAndUnlockReachTheStationThroughItsFeed() throws Exception {
        kit = SyncTestKit.start(dir);
        kit.closeStore();
        kit.server.admin().command(SyncTestKit.STATION, "lock", "audit of the office", "admin");
        try (DeliveryStore store = DeliveryStore.open(kit.stationDir); SyncService sync = lockedService(store)) {
            sync.runOnce();
        }
        assertThatThrownBy(kit::reopenStore).isInstanceOf(StationLockedException.class);
        kit.server.admin().command(SyncTestKit.STATION, "unlock", null, "admin");
        try (DeliveryStore store = DeliveryStore.open(kit.stationDir); SyncService sync = lockedService(store)) {
            sync.runOnce();
        }
        kit.reopenStore();
        assertThat(kit.store.auditTrail(0, 10_000)).filteredOn(e -> e.action().equals("STATION_COMMAND"))
                .hasSize(2);
    }

    @Test
    void aStolenStationIsShutOutErasedOnItsNextTryAndReportedLost() throws Exception {
        kit = SyncTestKit.start(dir);
        List<String> delivered = kit.capture(3, 31, true);
        kit.closeStore();
        try (DeliveryStore store = DeliveryStore.open(kit.stationDir); SyncService sync = lockedService(store)) {
            sync.runOnce();
        }
        assertThat(kit.server.awaitDecisions(Duration.ofSeconds(30))).isTrue();
        kit.reopenStore();
        List<String> pending = kit.capture(2, 32, true);
        kit.closeStore();

        kit.server.admin().revoke(SyncTestKit.STATION, RevocationReason.STOLEN, "dicuri dari kantor kecamatan",
                "admin", "crypto-erase");
        try (DeliveryStore store = DeliveryStore.open(kit.stationDir); SyncService sync = lockedService(store)) {
            assertThatThrownBy(sync::runOnce).isInstanceOfSatisfying(SyncFailure.class,
                    f -> assertThat(f.kind()).isEqualTo(SyncFailure.Kind.REVOKED));
            assertThat(sync.erased()).isTrue();
        }
        // The keys are gone: the right passphrase opens nothing.
        assertThatThrownBy(kit::reopenStore).isInstanceOf(StoreErasedException.class);
        // Nothing it sent after the revocation reached the server; what it sent before stands.
        assertThat(kit.server.admin().packets()).extracting(p -> p.packetId())
                .containsExactlyInAnyOrderElementsOf(delivered);
        assertThat(kit.server.admin().packets()).allSatisfy(p -> assertThat(p.state().wire()).isEqualTo("accepted"));

        LossReport report = kit.server.admin().lossReport(SyncTestKit.STATION);
        assertThat(report.maybeOnStation()).extracting(LossReport.Item::packetId)
                .as("delivered, purge never confirmed").containsExactlyInAnyOrderElementsOf(delivered);
        assertThat(report.station().reportedPending()).as("its last report came before the last two records were made").isEqualTo(0);
        assertThat(report.station().lastContactAt()).isNotNull();
        assertThat(report.eraseCommanded()).isTrue();
        assertThat(report.deadline()).isEqualTo(report.reportedAt().plus(Duration.ofHours(72)));
        assertThat(pending).hasSize(2);
    }

    @Test
    void purgesTheStationReportsAreNoLongerListedAsPossiblyOnIt() throws Exception {
        kit = SyncTestKit.start(dir);
        List<String> ids = kit.capture(2, 41, true);
        try (SyncService sync = new SyncService(kit.store, SyncTestKit.fastConfig(kit.server.baseUri())
                .withRetention(Duration.ZERO))) {
            kit.pass(sync);
            // The purge happened at the end of the second pass; the next pass reports it.
            sync.runOnce();
            assertThat(kit.store.outbox().entry(ids.get(0)).orElseThrow().state()).isEqualTo(OutboxState.CONFIRMED);
        }
        List<String> more = kit.capture(1, 42, true);
        try (SyncService sync = new SyncService(kit.store, SyncTestKit.fastConfig(kit.server.baseUri()))) {
            sync.runOnce();
        }
        kit.server.admin().revoke(SyncTestKit.STATION, RevocationReason.LOST, null, "admin", null);
        LossReport report = kit.server.admin().lossReport(SyncTestKit.STATION);
        assertThat(report.maybeOnStation()).extracting(LossReport.Item::packetId).containsExactlyElementsOf(more);
        assertThat(report.station().reportedPending()).isZero();
        try (StationStore store = kit.store) {
            assertThat(store.delivery().unreportedPurges(10)).isEmpty();
        }
        kit.store = null;
    }
}
