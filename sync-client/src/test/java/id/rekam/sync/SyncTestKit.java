package id.rekam.sync;

import id.rekam.core.auth.Role;
import id.rekam.core.cards.BatchCard;
import id.rekam.core.cards.BatchDiscrepancyException;
import id.rekam.core.cards.BatchReceipt;
import id.rekam.core.cards.CardRegistry;
import id.rekam.core.cards.DestructionCategory;
import id.rekam.core.cards.DestructionPlan;
import id.rekam.core.cards.DestructionRegister;
import id.rekam.core.cards.HandOverRequest;
import id.rekam.core.cards.HandOverService;
import id.rekam.core.cards.HolderKind;
import id.rekam.core.cards.Official;
import id.rekam.core.cards.SecondFactor;
import id.rekam.core.cards.SupervisorOverride;
import id.rekam.core.cards.Witness;
import id.rekam.core.crypto.KdfParams;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.crypto.PacketSeal;
import id.rekam.core.store.StationStore;
import id.rekam.core.trust.ServerAddress;
import id.rekam.core.trust.ServerKeys;
import id.rekam.core.trust.ServerTrust;
import id.rekam.core.store.StoreOptions;
import id.rekam.fixtures.DemoRecords;
import id.rekam.fixtures.EnrollmentBuilder;
import id.rekam.server.CentralServer;
import id.rekam.server.ServerConfig;
import okhttp3.OkHttpClient;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A real central server (in-process, own data dir) and a real station store enrolled with it,
 * plus captures in the outbox. Small records keep big test runs fast: the same structure as
 * DemoRecords with fewer image bytes.
 */
final class SyncTestKit implements AutoCloseable {

    static final String OFFICE = "32.76.01";
    /** The server names the first station of an office {@code ST-<office digits>-0001}. */
    static final String STATION = "ST-327601-0001";
    static final String VILLAGE = "32.76.01.1001";
    static final char[] PASSPHRASE = "uji-frasa-sandi-sinkron".toCharArray();

    final Path root;
    final Path serverDir;
    final Path stationDir;
    /** The sync service's key directory (0700), outside the station data directory as on an installed station. */
    final Path keyDir;
    CentralServer server;
    StationStore store;
    private boolean supervisor;

    private SyncTestKit(Path root) {
        this.root = root;
        this.serverDir = root.resolve("server");
        this.stationDir = root.resolve("station");
        this.keyDir = root.resolve("sync-key");
    }

    static StoreOptions storeOptions() {
        return StoreOptions.defaults().withKdf(KdfParams.forTestsOnly(1_000, 1_000));
    }

    static ServerConfig.Builder serverConfig(Path dir) {
        return ServerConfig.builder(dir).acceptUnparseableTemplates(true);
    }

    /** Server up, store created and enrolled (checked: the server's name equals the store's). */
    static SyncTestKit start(Path root) throws Exception {
        return start(root, b -> b);
    }

    /** As {@link #start(Path)}, with the server's configuration changed by {@code server} (quotas, limits). */
    static SyncTestKit start(Path root, java.util.function.UnaryOperator<ServerConfig.Builder> server)
            throws Exception {
        SyncTestKit kit = unenrolled(root, server);
        OkHttpClient http = new OkHttpClient();
        String code = kit.server.admin().createEnrollmentCode(OFFICE).code();
        // As `rekam-sync enroll` does: the server pinned, the sync service's transport key registered.
        StationEnrollment.enroll(http, ServerAddress.check(kit.server.baseUri().toString(), null), code, kit.store,
                "test station", TransportKey.create(kit.keyDir), "test");
        http.dispatcher().executorService().shutdown();
        return kit;
    }

    /** Server up and store created; the station is not registered yet. */
    static SyncTestKit unenrolled(Path root) throws Exception {
        return unenrolled(root, b -> b);
    }

    private static SyncTestKit unenrolled(Path root, java.util.function.UnaryOperator<ServerConfig.Builder> server)
            throws Exception {
        SyncTestKit kit = new SyncTestKit(root);
        kit.server = CentralServer.start(server.apply(serverConfig(kit.serverDir)).build());
        kit.store = StationStore.initialise(kit.stationDir, PASSPHRASE, STATION, storeOptions());
        return kit;
    }

    /** Only a station store, for tests that script the server themselves. */
    static SyncTestKit storeOnly(Path root) {
        SyncTestKit kit = new SyncTestKit(root);
        kit.store = StationStore.initialise(kit.stationDir, PASSPHRASE, STATION, storeOptions());
        return kit;
    }

    /**
     * For tests that script the server: pins a server whose signing key is {@code signingKey} (and a
     * packet key nobody holds: the sealed bytes only travel to the script), sealing the queue to it.
     */
    void pinTestServer(byte[] signingKey) {
        store.pinServer(new ServerTrust(URI.create("http://127.0.0.1:1/"), null,
                new ServerKeys(signingKey, PacketSeal.newServerKeyPair()[1]), java.time.Instant.now()), "test");
    }

    /** Saves {@code n} records, approves and queues them; returns their packet ids in order. */
    List<String> capture(int n, long seed, boolean small) {
        if (!supervisor) {
            store.operators().createFirstSupervisor("spv", "rahasia-spv".toCharArray());
            supervisor = true;
        }
        DemoRecords demo = new DemoRecords(seed, VILLAGE, STATION);
        Random random = new Random(seed);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            EnrollmentRecord r = demo.next();
            ids.add(store.saveEnrollment(small ? shrink(r, random) : r).packetId());
        }
        store.outbox().approve(ids, "spv");
        store.outbox().enqueue(ids, "spv");
        return ids;
    }

    static EnrollmentRecord shrink(EnrollmentRecord r, Random random) {
        EnrollmentBuilder b = EnrollmentBuilder.from(r).fingerImages(() -> bytes(random, 400));
        byte[] jpeg = bytes(random, 3_000);
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        return b.photoJpeg(jpeg).signaturePng(bytes(random, 500)).build();
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /**
     * A pass as these tests mean it: deliver, and since the server decides in the background
     * (protocol §4.5: the verdict follows in the feed), a second pass to read the verdicts once
     * the server has made them. The two results are summed.
     */
    DrainPass.Result pass(SyncService sync) throws Exception {
        DrainPass.Result a = sync.runOnce();
        if (!server.awaitDecisions(Duration.ofSeconds(30))) {
            throw new IllegalStateException("server still deciding after 30 s");
        }
        DrainPass.Result b = sync.runOnce();
        return new DrainPass.Result(a.events() + b.events(), a.delivered() + b.delivered(), a.parked() + b.parked(),
                a.verdicts() + b.verdicts(), a.purged() + b.purged());
    }

    /** The family card number the hand-over shows; it must never reach the server. */
    static final String FAMILY_CARD = "3276010101010042";

    /**
     * Every card move the station syncs, made offline: a batch of KTP-E2E-0001 (owned by
     * {@code ownerNik}) and -0002 arrives, another batch is flagged, 0001 is assigned and handed
     * over on a supervisor's exception, 0002 is registered for destruction and destroyed.
     */
    void cardLifecycle(String ownerNik) {
        store.operators().createAccount("spv", "op1", Role.OPERATOR, "operator-1!".toCharArray());
        CardRegistry cards = new CardRegistry(store);
        cards.receiveBatch(new BatchReceipt("B-E2E-1", 2, List.of(BatchCard.of("KTP-E2E-0001", ownerNik),
                BatchCard.of("KTP-E2E-0002", null)), "spv", "Saksi Penerimaan"));
        try {
            cards.receiveBatch(new BatchReceipt("B-E2E-2", 4, List.of(BatchCard.of("KTP-E2E-0009", null)), "spv",
                    "Saksi Penerimaan"));
            throw new AssertionError("a batch whose count is off must be flagged");
        } catch (BatchDiscrepancyException expected) {
            // flagged, as it should be
        }
        cards.assign("KTP-E2E-0001", HolderKind.DESK, "loket-1", "spv");
        new HandOverService(store).handOverWithException(
                new HandOverRequest("KTP-E2E-0001", "op1", null, new byte[] {(byte) 0xFF, (byte) 0xD8, 1},
                        new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
                new SupervisorOverride("spv", "rahasia-spv".toCharArray(), "jari aus",
                        SecondFactor.familyCard(FAMILY_CARD)));
        DestructionRegister destruction = new DestructionRegister(store);
        destruction.register("KTP-E2E-0002", DestructionCategory.DEFECTIVE_BLANK, null, "spv");
        destruction.destroy(new DestructionPlan("BA-E2E-1", LocalDate.of(2026, 11, 25), "Halaman Kantor",
                DestructionPlan.BURNING, "Kecamatan Uji", "Kota Uji", new Official("Camat Uji", "Camat", ""),
                List.of(new Witness("Saksi Satpol", "Anggota", "Satpol PP"))), "spv");
    }

    static SyncConfig fastConfig(URI server) {
        return SyncConfig.defaults(server).withBackoff(Duration.ofMillis(20), Duration.ofMillis(400))
                .withPollInterval(Duration.ofMillis(100)).withRequestTimeout(Duration.ofSeconds(15));
    }

    void closeStore() {
        if (store != null) {
            store.close();
            store = null;
        }
    }

    void reopenStore() {
        closeStore();
        store = StationStore.open(stationDir, PASSPHRASE, storeOptions());
    }

    Path passphraseFile() throws Exception {
        Path f = root.resolve("passphrase.txt");
        Files.writeString(f, new String(PASSPHRASE));
        return f;
    }

    /**
     * Runs {@code central-server import-bundle} on this kit's server data directory, in this JVM but
     * with its own database connection and index, as the technician's command would beside the
     * running server; checks its exit code and returns what it printed.
     */
    String importBundle(Path bundle, Path passFile, int expectedExit, String... extraArgs) {
        java.io.PrintStream out = System.out;
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        java.io.PrintStream capture = new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            List<String> args = new ArrayList<>(List.of("import-bundle", bundle.toString(),
                    "--passphrase-file", passFile.toString(), "--data-dir", serverDir.toString()));
            args.addAll(List.of(extraArgs));
            int exit = new picocli.CommandLine(new id.rekam.server.CentralServerMain()).execute(args.toArray(String[]::new));
            org.assertj.core.api.Assertions.assertThat(exit).as(buf.toString(java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(expectedExit);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return buf.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        closeStore();
        if (server != null) {
            server.stop();
        }
    }
}
