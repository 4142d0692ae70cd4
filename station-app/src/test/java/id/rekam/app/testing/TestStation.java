package id.rekam.app.testing;

import id.rekam.app.AppConfig;
import id.rekam.app.StationApp;
import id.rekam.app.StationServices;
import id.rekam.app.core.CatalogRegions;
import id.rekam.app.core.CoreStoreGateway;
import id.rekam.app.core.ValidatorNikCheck;
import id.rekam.app.demo.DemoSeeder;
import id.rekam.app.service.DeviceStatusService;
import id.rekam.app.service.SyncPort;
import id.rekam.app.ui.AppContext;
import id.rekam.core.crypto.KdfParams;
import id.rekam.core.nik.NikValidator;
import id.rekam.core.region.RegionCatalog;
import id.rekam.core.store.StoreOptions;

import javafx.stage.Stage;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A station on the real encrypted store, region catalogue and NIK validator (KDF iterations
 * lowered for test speed), with test-double camera and scanner.
 */
public final class TestStation {

    public static final String PASSPHRASE = "uji-stasiun-2026";
    public static final String STATION_ID = "TEST-3276010-01";
    private static final RegionCatalog CATALOG = RegionCatalog.bundled();

    public final Path dataDir;
    public final PaintedCamera camera = new PaintedCamera(new Color(31, 95, 191), 30);
    public final ScriptedScanner scanner = new ScriptedScanner();
    public final AppConfig config;
    public final AppContext ctx;

    public TestStation(Path dataDir, AppConfig.ApprovalMode mode, boolean demo) {
        this(dataDir, mode, demo, false);
    }

    /** @param seeded the store gets the demo accounts and records on first unlock */
    public TestStation(Path dataDir, AppConfig.ApprovalMode mode, boolean demo, boolean seeded) {
        this(dataDir, mode, demo, seeded, null);
    }

    /** @param sync delivery to a central server; null = a station without one */
    public TestStation(Path dataDir, AppConfig.ApprovalMode mode, boolean demo, boolean seeded, SyncPort sync) {
        this(dataDir, mode, demo, seeded, sync, Locale.forLanguageTag("id"));
    }

    /** @param locale the UI language (Bahasa Indonesia unless a test asks for English) */
    public TestStation(Path dataDir, AppConfig.ApprovalMode mode, boolean demo, boolean seeded, SyncPort sync,
                       Locale locale) {
        this.dataDir = dataDir;
        config = new AppConfig(STATION_ID, "Kecamatan Pancoran Mas, Kota Depok", "32.76.01", dataDir,
                locale, mode, demo, demo ? PASSPHRASE : null);
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
        StationServices services = new StationServices(
                new CoreStoreGateway(dataDir, STATION_ID, fastStore(),
                        seeded ? s -> DemoSeeder.seed(s, "32.76.01.1008") : s -> { }), new CatalogRegions(CATALOG),
                new ValidatorNikCheck(new NikValidator(CATALOG), config.locale()), camera, scanner,
                new EqualityMatcher(), status);
        if (sync != null) {
            services = new StationServices(services.store(), services.regions(), services.nikCheck(), camera, scanner,
                    services.matcher(), status, sync);
        }
        ctx = new AppContext(config, services, StationApp.bundle(config));
    }

    /** Puts the station's UI (on its unlock screen) in the stage and shows it. */
    public TestStation show(Stage stage) {
        stage.setScene(StationApp.createScene(ctx));
        stage.show();
        return this;
    }

    public static StoreOptions fastStore() {
        return StoreOptions.defaults().withKdf(KdfParams.forTestsOnly(1_000, 1_000));
    }
}
