package id.rekam.app.testing;

import id.rekam.app.AppConfig;
import id.rekam.app.StationApp;
import id.rekam.app.StationServices;
import id.rekam.app.adapters.equipment.LoanProvenance;
import id.rekam.app.adapters.provisioning.StationProvisioning;
import id.rekam.app.adapters.regions.CatalogRegions;
import id.rekam.app.adapters.regions.ValidatorNikCheck;
import id.rekam.app.adapters.store.CoreStoreGateway;
import id.rekam.app.adapters.sync.StationSync;
import id.rekam.app.ports.DeviceStatusService;
import id.rekam.app.ports.TechnicianServices;
import id.rekam.app.ui.AppContext;
import id.rekam.core.crypto.KdfParams;
import id.rekam.fixtures.DemoSeeder;
import id.rekam.core.nik.NikValidator;
import id.rekam.core.region.RegionCatalog;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.StoreOptions;
import id.rekam.sync.SyncConfig;

import javafx.stage.Stage;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A station on the real encrypted store, region catalogue, NIK validator, sync client and
 * provisioning (KDF iterations lowered for test speed), with test-double camera and scanner.
 */
public final class TestStation {

    public static final String PASSPHRASE = "uji-stasiun-desa-2026";
    public static final String STATION_ID = "TEST-3276010-01";
    private static final RegionCatalog CATALOG = RegionCatalog.bundled();

    public final Path dataDir;
    public final PaintedCamera camera = new PaintedCamera(new Color(31, 95, 191), 30);
    public final ScriptedScanner scanner = new ScriptedScanner();
    public final AppConfig config;
    public final AppContext ctx;
    private final CoreStoreGateway gateway;

    public TestStation(Path dataDir, AppConfig.ApprovalMode mode, boolean demo) {
        this(dataDir, mode, demo, false);
    }

    /** @param seeded the store gets the demo accounts and records on first unlock */
    public TestStation(Path dataDir, AppConfig.ApprovalMode mode, boolean demo, boolean seeded) {
        this(dataDir, mode, demo, seeded, null);
    }

    /** @param sync where the station delivers; null = a station without a central server */
    public TestStation(Path dataDir, AppConfig.ApprovalMode mode, boolean demo, boolean seeded, SyncConfig sync) {
        this(dataDir, mode, demo, seeded, sync, Locale.forLanguageTag("id"));
    }

    /** @param locale the UI language (Bahasa Indonesia unless a test asks for English) */
    public TestStation(Path dataDir, AppConfig.ApprovalMode mode, boolean demo, boolean seeded, SyncConfig sync,
                       Locale locale) {
        this(dataDir, mode, demo, seeded, sync, locale, fastStore(), null, STATION_ID);
    }

    /** @param options the store's options (field guardrail tests set limits and a simulated disk) */
    public TestStation(Path dataDir, AppConfig.ApprovalMode mode, boolean demo, boolean seeded, SyncConfig sync,
                       Locale locale, StoreOptions options) {
        this(dataDir, mode, demo, seeded, sync, locale, options, null, STATION_ID);
    }

    /**
     * @param technician the technician's services on this station's store gateway (diagnostics,
     *                   equipment; the desk's camera and scanner then name a borrowed device's loan);
     *                   null = not wired
     */
    public TestStation(Path dataDir, AppConfig.ApprovalMode mode, boolean demo, boolean seeded, SyncConfig sync,
                       Locale locale, Function<CoreStoreGateway, Technician> technician) {
        this(dataDir, mode, demo, seeded, sync, locale, fastStore(), technician, STATION_ID);
    }

    /** A station no technician has set up: no settings (its id reads {@link AppConfig#UNREGISTERED}), no store. */
    public static TestStation unregistered(Path dataDir) {
        return new TestStation(dataDir, AppConfig.ApprovalMode.END_OF_DAY, false, false, null,
                Locale.forLanguageTag("id"), fastStore(), null, AppConfig.UNREGISTERED);
    }

    private TestStation(Path dataDir, AppConfig.ApprovalMode mode, boolean demo, boolean seeded, SyncConfig sync,
                        Locale locale, StoreOptions options, Function<CoreStoreGateway, Technician> technician,
                        String stationId) {
        this.dataDir = dataDir;
        config = new AppConfig(stationId, "Kecamatan Pancoran Mas, Kota Depok", "32.76.01", dataDir,
                locale, mode, demo, demo ? PASSPHRASE : null, demo ? SEEDED_LOGINS : null);
        DeviceStatusService status = new DeviceStatusService() {
            @Override
            public List<DeviceState> devices() {
                return List.of(new DeviceState("camera", camera.device().model(), true, true),
                        new DeviceState("fingerprint", scanner.device().model(), true, true));
            }

            @Override
            public Boolean online() {
                return Boolean.FALSE;
            }
        };
        gateway = new CoreStoreGateway(dataDir, stationId, options,
                seeded ? s -> DemoSeeder.seed(s, "32.76.01.1008") : s -> { });
        Technician tech = technician == null ? null : technician.apply(gateway);
        StationServices services = new StationServices(gateway, new CatalogRegions(CATALOG),
                new ValidatorNikCheck(new NikValidator(CATALOG), config.locale()),
                tech == null ? camera : tech.provenance().camera(camera),
                tech == null ? scanner : tech.provenance().scanner(scanner),
                status, sync == null ? StationSync.offline(locale)
                        : new StationSync(() -> Optional.of(sync), gateway::opened, locale),
                new StationProvisioning(gateway, () -> CATALOG),
                tech == null ? TechnicianServices.unwired() : tech.services());
        ctx = new AppContext(config, services, StationApp.bundle(config));
    }

    /** A test's technician wiring: the services and the provenance the desk's devices go through. */
    public record Technician(TechnicianServices services, LoanProvenance provenance) {
    }

    /** The seeded accounts, shown on a demo station's login screen. */
    static final AppConfig.DemoLogins SEEDED_LOGINS = new AppConfig.DemoLogins(DemoSeeder.SUPERVISOR,
            DemoSeeder.SUPERVISOR_PASSWORD, DemoSeeder.OPERATOR, DemoSeeder.OPERATOR_PASSWORD);

    /** The station-core store the station has unlocked, for a test's own checks behind the screens. */
    /**
     * Pins a central server (loopback address, fresh signing and packet keys) as provisioning
     * would, on the unlocked store: captures from then on, and the queue, are sealed to it.
     */
    public void pinServer() {
        byte[][] packet = id.rekam.core.crypto.PacketSeal.newServerKeyPair();
        store().pinServer(new id.rekam.core.trust.ServerTrust(java.net.URI.create("http://127.0.0.1:8080/"), null,
                new id.rekam.core.trust.ServerKeys(id.rekam.core.trust.Ed25519Raw.publicKey(
                        id.rekam.core.trust.Ed25519Raw.newSeed()), packet[1]), java.time.Instant.now()), "test");
    }

    public StationStore store() {
        return gateway.opened().orElseThrow(() -> new IllegalStateException("the station is locked"));
    }

    /** Puts the station's UI (on its unlock screen) in the stage and shows it. */
    public TestStation show(Stage stage) {
        stage.setScene(StationApp.createScene(ctx));
        // The FX stage outlives a test class: a desk test's window (CardDeskUiTest, 1180x860 at x=50)
        // stayed; grown to 1280 wide where it stood it reached past Monocle's screen, and every
        // frame after it failed to paint (BufferOverflowException).
        stage.sizeToScene();
        stage.setX(0);
        stage.setY(0);
        stage.show();
        return this;
    }

    public static StoreOptions fastStore() {
        return StoreOptions.defaults().withKdf(KdfParams.forTestsOnly(1_000, 1_000));
    }
}
