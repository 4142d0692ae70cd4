package id.rekam.app.tech;

import id.rekam.app.adapters.diagnostics.StationDiagnosticsService;
import id.rekam.app.adapters.equipment.CoreEquipment;
import id.rekam.app.adapters.equipment.DeviceSightings;
import id.rekam.app.adapters.equipment.LoanProvenance;
import id.rekam.app.adapters.store.CoreStoreGateway;
import id.rekam.app.ports.TechnicianServices;
import id.rekam.app.testing.TestStation;
import id.rekam.core.settings.StationSettingsFile;
import id.rekam.devices.DeviceConfig;
import id.rekam.devices.DeviceProvider;
import id.rekam.devices.DeviceRegistry;
import id.rekam.devices.Devices;
import id.rekam.devices.camera.SimulatedCameraProvider;
import id.rekam.devices.camera.SimulatedWebcamDriver;
import id.rekam.devices.fingerprint.synth.SyntheticFingerSource;
import id.rekam.devices.scanner.EmulatedScannerPort;
import id.rekam.devices.scanner.FingerImageSource;
import id.rekam.devices.scanner.R30xEmulatorSettings;
import id.rekam.devices.scanner.R30xScannerProvider;
import id.rekam.diag.software.UpdateCheckStamp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The technician's services of a UI test's station: the R30x emulator on a pseudo-terminal (where
 * one can be made) and the SIMULATED camera behind real providers, the station's own store and
 * settings, a clock the test may move. SIMULATED devices are the real protocol and SPI.
 */
final class TechKit implements AutoCloseable {

    final Path root;
    final SimulatedWebcamDriver cameras = new SimulatedWebcamDriver(1, Clock.systemUTC());
    EmulatedScannerPort scanner;
    Devices devices;
    Clock clock = Clock.systemUTC();
    final Path updateStamp;

    private final List<DeviceSightings> sightings = new ArrayList<>();

    /** Cheap: nothing starts until {@link #start} (a UI test's {@code @Start} has a time limit). */
    TechKit(Path root) {
        this.root = root;
        updateStamp = root.resolve("update-success-stamp");
    }

    /**
     * The emulator (making its print takes a while on a loaded machine) and the device layer.
     *
     * @param withScanner false: no emulator (tests of the register and loans)
     */
    TechKit start(boolean withScanner) throws Exception {
        Files.createDirectories(root);
        Files.writeString(updateStamp, "");
        if (withScanner && EmulatedScannerPort.pseudoTerminalUnavailable().isEmpty()) {
            byte[] print = new SyntheticFingerSource(5).image(1);
            FingerImageSource one = placement -> print.clone();
            scanner = EmulatedScannerPort.start(root.resolve("pty"), R30xEmulatorSettings.defaults(), one);
            scanner.autoPlaceFingerAfter(Duration.ofMillis(300));
        }
        List<DeviceProvider<?>> providers = new ArrayList<>();
        providers.add(new R30xScannerProvider());
        providers.add(new SimulatedCameraProvider(Clock.systemUTC(), cameras));
        devices = Devices.of(DeviceConfig.of(Map.of("demo", "true", "camera.driver", "simulated", "camera.fps", "30",
                "scanner.timeout.ms", "3000", "probe.timeout.ms", "10000", "owner.office", "Kecamatan Pancoran Mas, Kota Depok",
                "scanner.ports", scanner != null ? scanner.hostPath() : root.resolve("none").toString())),
                DeviceRegistry.inMemory("Kecamatan Pancoran Mas, Kota Depok"), providers);
        sightings.forEach(devices.monitor()::addListener);
        return this;
    }

    /** The wiring TestStation takes: the station's gateway in, the technician's services out. */
    Function<CoreStoreGateway, TestStation.Technician> wiring(Path dataDir) {
        return gateway -> {
            DeviceSightings seen = new DeviceSightings(gateway::opened, () -> devices);
            sightings.add(seen);
            LoanProvenance provenance = new LoanProvenance(gateway::opened, seen);
            StationDiagnosticsService.Station station = new StationDiagnosticsService.Station(dataDir, () -> devices,
                    () -> { }, provenance, gateway::opened, () -> StationSettingsFile.effective(dataDir),
                    () -> "Kecamatan Pancoran Mas, Kota Depok", java.util.Locale.forLanguageTag("id"));
            Clock moving = new Clock() {
                public java.time.ZoneId getZone() {
                    return clock.getZone();
                }

                public Clock withZone(java.time.ZoneId zone) {
                    return clock.withZone(zone);
                }

                public java.time.Instant instant() {
                    return clock.instant();
                }
            };
            return new TestStation.Technician(new TechnicianServices(
                    new StationDiagnosticsService(station, new UpdateCheckStamp(List.of(updateStamp)), moving),
                    new CoreEquipment(gateway::opened, seen, java.util.Locale.forLanguageTag("id"))), provenance);
        };
    }

    @Override
    public void close() {
        if (devices != null) {
            devices.close();
        }
        if (scanner != null) {
            scanner.close();
        }
    }
}
