package id.rekam.sync;

import id.rekam.core.export.ExportManifest;
import id.rekam.core.export.SafetyBundles;
import id.rekam.core.coverage.Coverage;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.store.StationStore;
import id.rekam.fixtures.DemoRecords;
import id.rekam.server.packets.PacketRecord;
import id.rekam.sync.relay.BundleRelay;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Any path delivers, exactly once (issue 16): a team member's safety bundle forwarded by another
 * station of the office reaches the server checked against the ORIGIN's key; the origin's own
 * later upload, a second relay or the server's import store nothing twice; a tampered or foreign
 * bundle is refused and nothing is stored.
 */
class RelayTest {

    private static final char[] TEAM = "tim-keliling-tapos-2026".toCharArray();

    @TempDir
    Path dir;
    SyncTestKit kit;
    private final List<StationStore> others = new ArrayList<>();
    private Path stick;

    @BeforeEach
    void start() throws Exception {
        kit = SyncTestKit.start(dir);
        stick = Files.createDirectories(dir.resolve("usb"));
    }

    @AfterEach
    void stop() {
        others.forEach(StationStore::close);
        kit.close();
    }

    /** Another laptop, registered with the server for {@code office}. */
    private StationStore station(String name, String office) throws Exception {
        StationStore s = StationStore.initialise(dir.resolve(name), SyncTestKit.PASSPHRASE,
                "ST-" + office.replace(".", "") + "-" + (9000 + others.size()), SyncTestKit.storeOptions());
        others.add(s);
        OkHttpClient http = new OkHttpClient();
        StationEnrollment.enroll(http, kit.server.baseUri(), kit.server.admin().createEnrollmentCode(office).code(), s,
                name);
        http.dispatcher().executorService().shutdown();
        return s;
    }

    /** The origin (the kit's station) records offline: three approved, one waiting for approval. */
    private List<String> originRecordsOffline() {
        List<String> approved = kit.capture(3, 71, true);
        DemoRecords demo = new DemoRecords(72, SyncTestKit.VILLAGE, SyncTestKit.STATION);
        kit.store.saveEnrollment(SyncTestKit.shrink(demo.next(), new Random(72)));
        return approved;
    }

    private SafetyBundles.Result safetyBundle() throws Exception {
        return new SafetyBundles(kit.store, Clock.systemUTC(), new Coverage(kit.store, Clock.systemUTC())::ownTallyJson)
                .write(stick, TEAM.clone(), "spv", (d, t) -> { });
    }

    private BundleRelay.Result relay(StationStore relay, Path bundle) throws Exception {
        try (SyncService sync = new SyncService(relay, SyncTestKit.fastConfig(kit.server.baseUri()))) {
            return sync.bundleRelay().relay(bundle, TEAM.clone(), "op-relay", (d, t) -> { });
        }
    }

    private List<PacketRecord> serverPackets() {
        return kit.server.admin().packets();
    }

    private int relayRows() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + kit.serverDir.resolve("server.db"));
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM relays")) {
            return rs.getInt(1);
        }
    }

    @Test
    void relayThenTheOriginsOwnUploadStoresEachRecordOnceAndTheOriginLearnsTheVerdicts() throws Exception {
        List<String> approved = originRecordsOffline();
        SafetyBundles.Result bundle = safetyBundle();
        assertThat(bundle.written()).isEqualTo(4);
        StationStore relay = station("relay", SyncTestKit.OFFICE);

        BundleRelay.Result r = relay(relay, bundle.bundle());

        assertThat(r.stored()).isEqualTo(3);
        assertThat(r.alreadyHeld()).isZero();
        assertThat(r.unapproved()).as("the unapproved record stays on the stick").isEqualTo(1);
        assertThat(r.tallyForwarded()).isTrue();
        assertThat(serverPackets()).hasSize(3).allSatisfy(p -> assertThat(p.stationId()).isEqualTo(SyncTestKit.STATION));
        assertThat(serverPackets()).extracting(PacketRecord::packetId).containsExactlyInAnyOrderElementsOf(approved);
        assertThat(relay.recordCount()).as("the relay keeps no record of the origin's").isZero();
        assertThat(new Coverage(relay, Clock.systemUTC()).teamTallies()).singleElement()
                .satisfies(t -> assertThat(t.stationId()).isEqualTo(SyncTestKit.STATION));
        assertThat(kit.server.awaitDecisions(java.time.Duration.ofSeconds(30))).isTrue();

        // The origin's network returns: it uploads the same packets itself and reads its feed.
        DrainPass.Result own;
        try (SyncService sync = new SyncService(kit.store, SyncTestKit.fastConfig(kit.server.baseUri())
                .withRetention(java.time.Duration.ZERO))) {
            own = kit.pass(sync);
        }
        assertThat(serverPackets()).as("relay + direct upload: one record each").hasSize(3);
        assertThat(own.purged()).as("confirmed, then purged as usual").isEqualTo(3);
        for (String id : approved) {
            assertThat(kit.store.outbox().entry(id).orElseThrow().state()).isEqualTo(OutboxState.CONFIRMED);
            assertThat(serverPackets()).filteredOn(p -> p.packetId().equals(id)).singleElement()
                    .satisfies(p -> assertThat(p.contentSha256())
                            .isEqualTo(kit.store.outbox().entry(id).orElseThrow().sha256()));
        }
        assertThat(relayRows()).isEqualTo(3);
    }

    @Test
    void twoRelaysOfTheSameBundleStoreEachRecordOnce() throws Exception {
        originRecordsOffline();
        SafetyBundles.Result bundle = safetyBundle();
        StationStore first = station("relay-1", SyncTestKit.OFFICE);
        StationStore second = station("relay-2", SyncTestKit.OFFICE);

        BundleRelay.Result a = relay(first, bundle.bundle());
        BundleRelay.Result b = relay(second, bundle.bundle());

        assertThat(a.stored()).isEqualTo(3);
        assertThat(b.stored()).isZero();
        assertThat(b.alreadyHeld()).isEqualTo(3);
        assertThat(serverPackets()).hasSize(3);
        assertThat(relayRows()).isEqualTo(6);
    }

    @Test
    void theServersImportOfASafetyBundleStoresEachRecordOnceAndKeepsUnapprovedOnesOut() throws Exception {
        List<String> approved = originRecordsOffline();
        SafetyBundles.Result bundle = safetyBundle();
        id.rekam.server.store.Database db = new id.rekam.server.store.Database(kit.serverDir.resolve("server.db"));
        try {
            id.rekam.server.stations.StationRegistry stations = new id.rekam.server.stations.StationRegistry(db,
                    Clock.systemUTC());
            id.rekam.server.dedup.DedupService dedup = new id.rekam.server.dedup.DedupService(db,
                    stations, true);
            id.rekam.server.imports.BundleImporter importer = new id.rekam.server.imports.BundleImporter(stations,
                    new id.rekam.server.packets.PacketService(new id.rekam.server.packets.PacketRepository(db),
                            new id.rekam.server.packets.UploadFiles(kit.serverDir), dedup, stations,
                            id.rekam.server.keys.ServerKeyStore.loadOrCreate(kit.serverDir), Clock.systemUTC(),
                            Long.MAX_VALUE), new id.rekam.server.events.EventStore(db, Clock.systemUTC()),
                    new id.rekam.server.coverage.TallyStore(db, Clock.systemUTC()));

            id.rekam.server.imports.BundleImporter.Result first = importer.importBundle(bundle.bundle(), TEAM.clone());
            assertThat(first.imported()).isEqualTo(3);
            assertThat(first.unapproved()).as("the unapproved record stays on the stick").isEqualTo(1);
            // Then a relay of the same stick: nothing stored twice.
            BundleRelay.Result relayed = relay(station("relay", SyncTestKit.OFFICE), bundle.bundle());
            assertThat(relayed.stored()).isZero();
            assertThat(relayed.alreadyHeld()).isEqualTo(3);
            assertThat(serverPackets()).extracting(PacketRecord::packetId).containsExactlyInAnyOrderElementsOf(approved);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + kit.serverDir.resolve("server.db"));
                 ResultSet rs = c.createStatement().executeQuery(
                         "SELECT via FROM coverage_tallies WHERE station_id = '" + SyncTestKit.STATION + "'")) {
                assertThat(rs.next()).as("the import kept the origin's tally").isTrue();
                assertThat(rs.getString(1)).isEqualTo("import");
            }
        } finally {
            db.close();
        }
    }

    @Test
    void aTamperedBundleIsRefusedAndNothingIsStored() throws Exception {
        originRecordsOffline();
        SafetyBundles.Result bundle = safetyBundle();
        StationStore relay = station("relay", SyncTestKit.OFFICE);
        Path last = bundle.bundle().resolve("packets/000003.bin");
        byte[] bytes = Files.readAllBytes(last);
        bytes[60] ^= 0x01;
        Files.write(last, bytes);

        assertThatThrownBy(() -> relay(relay, bundle.bundle()))
                .isInstanceOfSatisfying(BundleRelay.Refused.class, e -> {
                    assertThat(e.problem()).isEqualTo(BundleRelay.Problem.TAMPERED);
                    assertThat(e.stationId()).isEqualTo(SyncTestKit.STATION);
                })
                .hasMessageContaining("packets/000003.bin");
        assertThat(serverPackets()).as("checked before anything was forwarded").isEmpty();
        assertThat(relayRows()).isZero();
    }

    @Test
    void aForeignStationsBundleAndAForgedOriginAreRefused() throws Exception {
        originRecordsOffline();
        SafetyBundles.Result bundle = safetyBundle();
        StationStore foreign = station("foreign", "33.71.05");

        assertThatThrownBy(() -> relay(foreign, bundle.bundle()))
                .isInstanceOfSatisfying(BundleRelay.Refused.class,
                        e -> assertThat(e.problem()).isEqualTo(BundleRelay.Problem.FOREIGN_STATION));

        // A relay that forges a packet in the origin's name: the server checks the ORIGIN's key.
        StationStore relay = station("relay", SyncTestKit.OFFICE);
        DemoRecords demo = new DemoRecords(73, SyncTestKit.VILLAGE, relay.stationId());
        relay.operators().createFirstSupervisor("spv", "rahasia-spv".toCharArray());
        String own = relay.saveEnrollment(SyncTestKit.shrink(demo.next(), new Random(73))).packetId();
        var env = relay.outbox().readSealed(own);
        try (SyncService sync = new SyncService(relay, SyncTestKit.fastConfig(kit.server.baseUri()))) {
            id.rekam.sync.api.RelayClient client = new id.rekam.sync.api.RelayClient(
                    new id.rekam.sync.api.CentralApi(sync_http(relay), kit.server.baseUri()));
            assertThatThrownBy(() -> client.relayPacket(SyncTestKit.STATION, env.packetId(), env.kind(),
                    id.rekam.core.packet.PacketCodec.sha256Hex(env.bytes()), env.contentSha256(), env.signatureBase64(),
                    env.bytes()))
                    .isInstanceOfSatisfying(id.rekam.sync.api.RelayClient.Refused.class,
                            e -> assertThat(e.code()).isEqualTo("bad-packet-signature"));
        }
        assertThat(serverPackets()).isEmpty();
        assertThat(bundle.bundle().resolve(ExportManifest.class.getSimpleName())).doesNotExist();
    }

    private static OkHttpClient sync_http(StationStore s) {
        return id.rekam.sync.http.HttpClients.builder(SyncTestKit.fastConfig(java.net.URI.create("http://127.0.0.1/")),
                s.stationId(), s::signRequest, Clock.systemUTC()).build();
    }
}
