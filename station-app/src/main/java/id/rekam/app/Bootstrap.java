package id.rekam.app;

import id.rekam.app.adapters.devices.DevicesCamera;
import id.rekam.app.adapters.devices.DevicesScanner;
import id.rekam.app.adapters.devices.DevicesStatus;
import id.rekam.app.adapters.provisioning.StationProvisioning;
import id.rekam.app.adapters.provisioning.StationSettings;
import id.rekam.app.adapters.regions.CatalogRegions;
import id.rekam.app.adapters.regions.ValidatorNikCheck;
import id.rekam.app.adapters.store.CoreStoreGateway;
import id.rekam.app.adapters.sync.StationSync;
import id.rekam.app.adapters.sync.SyncSettings;
import id.rekam.core.nik.NikValidator;
import id.rekam.core.region.RegionCatalog;
import id.rekam.core.store.StoreOptions;
import id.rekam.devices.DeviceConfig;
import id.rekam.devices.DeviceRegistry;
import id.rekam.devices.Devices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Reads the station configuration and wires the real services behind the app's ports. Demo
 * mode's wiring is not here: it comes from the station-demo module ({@link DemoMode}).
 */
public final class Bootstrap {

    /** Where an unprovisioned station says it is until the wizard has run: Kecamatan Pancoran Mas, Kota Depok. */
    static final String DEFAULT_DISTRICT = "32.76.01";
    static final String DEFAULT_OFFICE = "Kecamatan Pancoran Mas, Kota Depok";
    static final String NO_DEMO = "Demo mode is not part of this installation: it runs from the source tree "
            + "(./mvnw -Pdemo -DskipTests verify), with the station-demo module on the class path.";

    private Bootstrap() {
    }

    static boolean demoRequested(List<String> args) {
        return args.contains("--demo") || Boolean.getBoolean("rekam.demo");
    }

    /** The station's configuration: the demo's with {@code --demo}, else the provisioned settings. */
    public static AppConfig config(List<String> args) {
        boolean demo = demoRequested(args);
        Path dataDir = Path.of(System.getProperty("rekam.dataDir",
                Path.of(System.getProperty("user.home"), demo ? ".rekam-demo" : ".rekam").toString()));
        Locale locale = Locale.forLanguageTag(System.getProperty("rekam.lang", "id"));
        AppConfig.ApprovalMode mode = AppConfig.ApprovalMode.valueOf(
                System.getProperty("rekam.approval", AppConfig.ApprovalMode.END_OF_DAY.name()));
        if (demo) {
            return demoMode().config(dataDir, locale, mode);
        }
        // What the provisioning wizard wrote in the data directory, under any -D / launcher setting.
        Properties station = StationSettings.effective(dataDir);
        return new AppConfig(station.getProperty(StationSettings.STATION_ID, AppConfig.UNREGISTERED),
                station.getProperty(StationSettings.OFFICE, DEFAULT_OFFICE),
                station.getProperty(StationSettings.DISTRICT, DEFAULT_DISTRICT),
                dataDir, locale, mode, false, null);
    }

    static DemoMode demoMode() {
        return DemoMode.find().orElseThrow(() -> new IllegalStateException(NO_DEMO));
    }

    /** The real services behind the ports (demo mode: with the demo's wiring). */
    public static StationServices services(AppConfig config) {
        DemoMode demo = config.demo() ? demoMode() : null;
        if (demo != null) {
            demo.freshStart(config.dataDir());
        }
        // The catalogue takes a moment to unpack: load it while the unlock screen is up, not before.
        CompletableFuture<RegionCatalog> catalog = CompletableFuture.supplyAsync(RegionCatalog::bundled,
                r -> daemon(r, "rekam-catalog-loader").start());
        CompletableFuture<NikValidator> nik = catalog.thenApply(NikValidator::new);
        // The offline guardrails' limits (rekam.field.*) come from the settings file or -D; the
        // store enforces the disk reserve with them at every commit.
        // Self-approval is off unless the station's launcher settings (root-owned) turn it on (CommitPolicy).
        StoreOptions options = StoreOptions.defaults().withFieldLimits(id.rekam.core.field.FieldLimits.from(
                id.rekam.core.settings.StationSettingsFile.effective(config.dataDir())))
                .withSelfApproval(Boolean.getBoolean("rekam.selfApproval"));
        CoreStoreGateway store = new CoreStoreGateway(config.dataDir(), config.stationId(), options,
                demo != null ? demo::seed : s -> { });
        // Devices start (native libraries, emulator, first probe) off the FX thread too; until
        // they are up, the status bar shows them as absent.
        // They start once the first frame is drawn: in demo mode the scanner emulator's synthetic
        // prints alone took a third of the start-up CPU.
        CompletableFuture<Devices> devices = StartupClock.firstFrame().thenApplyAsync(v -> devices(config, demo),
                r -> daemon(r, "rekam-devices-start").start());
        Supplier<Devices> ready = () -> devices.getNow(null);
        TechnicianWiring technician = new TechnicianWiring(config, store, devices, new DevicesCamera(ready),
                new DevicesScanner(ready, demo == null ? null : demo.simulatedFingers().orElse(null)));
        return new StationServices(store, new CatalogRegions(catalog::join),
                new ValidatorNikCheck(nik::join, config.locale()), technician.camera(),
                technician.scanner(), new DevicesStatus(ready), sync(config, demo, store),
                new StationProvisioning(store, catalog::join), technician.services());
    }

    /**
     * Delivery starts after unlock (see ShellController); the settings are read then, not now.
     * Demo mode delivers to the reference server it runs itself.
     */
    static StationSync sync(AppConfig config, DemoMode demo, CoreStoreGateway store) {
        if (demo != null) {
            return demo.sync(config, store::opened, StartupClock.firstFrame());
        }
        // The server is the one pinned in the store; read once it is unlocked.
        return new StationSync(() -> store.opened().flatMap(s -> SyncSettings.config(s,
                StationSettings.effective(config.dataDir()))),
                SyncSettings.provisioned(config.dataDir(), StationSettings.effective(config.dataDir())),
                store::opened, config.locale(), s -> { });
    }

    /** The device registry lives beside the store; demo mode adds its SIMULATED devices. */
    static Devices devices(AppConfig config, DemoMode demo) {
        DeviceConfig dc = DeviceConfig.of(Map.of("owner.office", config.officeName(),
                "demo", Boolean.toString(config.demo()), "camera.driver", "default", "camera.fps", "30"));
        if (demo != null) {
            dc = demo.devices(config, dc);
        }
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DeviceRegistry registry = DeviceRegistry.open(config.dataDir().resolve("devices.json"), config.officeName());
        return Devices.load(dc, registry).start();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
