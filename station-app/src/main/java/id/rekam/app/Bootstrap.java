package id.rekam.app;

import id.rekam.app.core.CatalogRegions;
import id.rekam.app.core.CoreStoreGateway;
import id.rekam.app.core.SourceAfisMatcher;
import id.rekam.app.core.ValidatorNikCheck;
import id.rekam.app.demo.DemoSeeder;
import id.rekam.app.service.AbsentDevices;
import id.rekam.app.service.CameraService;
import id.rekam.app.service.DeviceStatusService;
import id.rekam.app.service.FingerprintService;
import id.rekam.core.nik.NikValidator;
import id.rekam.core.region.RegionCatalog;
import id.rekam.core.store.StoreOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Reads the station configuration and wires the real services behind the app's ports. */
public final class Bootstrap {

    /** Demo station: Kecamatan Pancoran Mas, Kota Depok (32.76.01). */
    static final String DEMO_DISTRICT = "32.76.01";
    static final String DEMO_VILLAGE = "32.76.01.1008";
    static final String DEMO_PASSPHRASE = "demo-rekam-2026";

    private Bootstrap() {
    }

    static AppConfig config(List<String> args) {
        boolean demo = args.contains("--demo") || Boolean.getBoolean("rekam.demo");
        String dataDir = System.getProperty("rekam.dataDir",
                Path.of(System.getProperty("user.home"), demo ? ".rekam-demo" : ".rekam").toString());
        Locale locale = Locale.forLanguageTag(System.getProperty("rekam.lang", "id"));
        AppConfig.ApprovalMode mode = AppConfig.ApprovalMode.valueOf(
                System.getProperty("rekam.approval", AppConfig.ApprovalMode.END_OF_DAY.name()));
        return new AppConfig(System.getProperty("rekam.stationId", demo ? "DEMO-3276010-01" : "UNREGISTERED"),
                System.getProperty("rekam.office", "Kecamatan Pancoran Mas, Kota Depok"),
                System.getProperty("rekam.district", DEMO_DISTRICT),
                Path.of(dataDir), locale, mode, demo, demo ? DEMO_PASSPHRASE : null);
    }

    static StationServices services(AppConfig config) {
        if (config.demo()) {
            freshDemoDir(config.dataDir());
        }
        RegionCatalog catalog = RegionCatalog.bundled();
        CoreStoreGateway store = new CoreStoreGateway(config.dataDir(), config.stationId(), StoreOptions.defaults(),
                config.demo() ? s -> DemoSeeder.seed(s, DEMO_VILLAGE) : s -> { });
        CameraService camera = AbsentDevices.camera();
        FingerprintService scanner = AbsentDevices.scanner();
        return new StationServices(store, new CatalogRegions(catalog),
                new ValidatorNikCheck(new NikValidator(catalog), config.locale()), camera, scanner,
                new SourceAfisMatcher(), deviceStatus(camera, scanner));
    }

    static DeviceStatusService deviceStatus(CameraService camera, FingerprintService scanner) {
        return new DeviceStatusService() {
            @Override
            public List<DeviceState> devices() {
                return Stream.of(camera.device(), scanner.device())
                        .map(d -> new DeviceState(d.kind(), d.model(), !d.deviceId().startsWith("NONE-"), d.simulated()))
                        .toList();
            }

            @Override
            public Boolean online() {
                return null;
            }
        };
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
