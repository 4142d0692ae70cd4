package id.rekam.app;

import id.rekam.app.core.CatalogRegions;
import id.rekam.app.core.CoreStoreGateway;
import id.rekam.app.core.SourceAfisMatcher;
import id.rekam.app.core.ValidatorNikCheck;
import id.rekam.app.demo.DemoCentral;
import id.rekam.app.demo.DemoSeeder;
import id.rekam.app.demo.SyntheticFingerSource;
import id.rekam.app.devices.DevicesCamera;
import id.rekam.app.devices.DevicesScanner;
import id.rekam.app.devices.DevicesStatus;
import id.rekam.app.provisioning.StationSettings;
import id.rekam.app.sync.StationSync;
import id.rekam.app.sync.SyncSettings;
import id.rekam.core.nik.NikValidator;
import id.rekam.core.region.RegionCatalog;
import id.rekam.core.store.StoreOptions;
import id.rekam.devices.DeviceConfig;
import id.rekam.devices.DeviceRegistry;
import id.rekam.devices.Devices;
import id.rekam.devices.scanner.EmulatedScannerPort;
import id.rekam.devices.scanner.R30xEmulatorSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Reads the station configuration and wires the real services behind the app's ports. */
public final class Bootstrap {

    /** Demo station: Kecamatan Pancoran Mas, Kota Depok (32.76.01). */
    static final String DEMO_DISTRICT = "32.76.01";
    static final String DEMO_VILLAGE = "32.76.01.1008";
    static final String DEMO_PASSPHRASE = "demo-rekam-2026";
    /** Demo scanner: the simulated finger touches the sensor this long after the operator asks. */
    static final Duration DEMO_FINGER_DELAY = Duration.ofMillis(700);

    private Bootstrap() {
    }

    static AppConfig config(List<String> args) {
        boolean demo = args.contains("--demo") || Boolean.getBoolean("rekam.demo");
        String dataDir = System.getProperty("rekam.dataDir",
                Path.of(System.getProperty("user.home"), demo ? ".rekam-demo" : ".rekam").toString());
        Locale locale = Locale.forLanguageTag(System.getProperty("rekam.lang", "id"));
        AppConfig.ApprovalMode mode = AppConfig.ApprovalMode.valueOf(
                System.getProperty("rekam.approval", AppConfig.ApprovalMode.END_OF_DAY.name()));
        // What the provisioning wizard wrote in the data directory, under any -D / launcher setting.
        Properties station = demo ? System.getProperties() : StationSettings.effective(Path.of(dataDir));
        return new AppConfig(station.getProperty(StationSettings.STATION_ID,
                        demo ? DemoCentral.stationIdFor(DEMO_DISTRICT) : "UNREGISTERED"),
                station.getProperty(StationSettings.OFFICE, "Kecamatan Pancoran Mas, Kota Depok"),
                station.getProperty(StationSettings.DISTRICT, DEMO_DISTRICT),
                Path.of(dataDir), locale, mode, demo, demo ? DEMO_PASSPHRASE : null);
    }

    static StationServices services(AppConfig config) {
        if (config.demo()) {
            freshDemoDir(config.dataDir());
        }
        // The catalogue takes a moment to unpack: load it while the unlock screen is up, not before.
        CompletableFuture<RegionCatalog> catalog = CompletableFuture.supplyAsync(RegionCatalog::bundled,
                r -> daemon(r, "rekam-catalog-loader").start());
        CompletableFuture<NikValidator> nik = catalog.thenApply(NikValidator::new);
        CoreStoreGateway store = new CoreStoreGateway(config.dataDir(), config.stationId(), StoreOptions.defaults(),
                config.demo() ? s -> DemoSeeder.seed(s, DEMO_VILLAGE) : s -> { });
        // Devices start (native libraries, emulator, first probe) off the FX thread too; until
        // they are up, the status bar shows them as absent.
        // They start once the first frame is drawn: in demo mode the scanner emulator's synthetic
        // prints alone took a third of the start-up CPU.
        CompletableFuture<Devices> devices = StartupClock.firstFrame().thenApplyAsync(v -> devices(config),
                r -> daemon(r, "rekam-devices-start").start());
        Supplier<Devices> ready = () -> devices.getNow(null);
        return new StationServices(store, new CatalogRegions(catalog::join),
                new ValidatorNikCheck(nik::join, config.locale()), new DevicesCamera(ready),
                new DevicesScanner(ready), new SourceAfisMatcher(), new DevicesStatus(ready), sync(config));
    }

    /**
     * Delivery starts after unlock (see ShellController); the settings are read then, not now.
     * Demo mode delivers to the reference server it runs itself ({@link DemoCentral}).
     */
    static StationSync sync(AppConfig config) {
        if (config.demo()) {
            DemoCentral central = new DemoCentral(config.dataDir().resolve("central-server"), DEMO_DISTRICT,
                    StartupClock.firstFrame());
            Runtime.getRuntime().addShutdownHook(new Thread(central::close, "rekam-demo-central-stop"));
            return new StationSync(() -> Optional.of(central.syncConfig()), true, config.locale(), central::enroll);
        }
        return new StationSync(() -> SyncSettings.from(StationSettings.effective(config.dataDir()))
                .map(SyncSettings::config), config.locale());
    }

    /**
     * The device registry lives beside the store; demo mode adds the SIMULATED camera and an R30x
     * emulator (on a pseudo-terminal made in-process, in memory where there is none) whose finger
     * "arrives" shortly after each scan request.
     */
    static Devices devices(AppConfig config) {
        DeviceConfig dc = DeviceConfig.of(Map.of("owner.office", config.officeName(),
                "demo", Boolean.toString(config.demo()), "camera.driver", config.demo() ? "simulated" : "default", "camera.fps", "30"));
        if (config.demo()) {
            EmulatedScannerPort port = EmulatedScannerPort.start(config.dataDir().resolve("scanner"),
                    R30xEmulatorSettings.defaults(), new SyntheticFingerSource(System.nanoTime()));
            port.autoPlaceFingerAfter(DEMO_FINGER_DELAY);
            Runtime.getRuntime().addShutdownHook(new Thread(port::close, "rekam-emulator-stop"));
            dc = port.addTo(dc);
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

    /** Demo mode starts from nothing each time; only a directory named for the demo is ever wiped. */
    static void freshDemoDir(Path dir) {
        if (!dir.getFileName().toString().contains("demo") || !Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the demo data directory " + dir, e);
        }
    }
}
