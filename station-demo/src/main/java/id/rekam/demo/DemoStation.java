package id.rekam.demo;

import id.rekam.app.AppConfig;
import id.rekam.app.DemoMode;
import id.rekam.app.adapters.sync.StationSync;
import id.rekam.fixtures.DemoSeeder;
import id.rekam.core.store.StationStore;
import id.rekam.devices.DeviceConfig;
import id.rekam.devices.fingerprint.synth.SimulatedSubject;
import id.rekam.devices.fingerprint.synth.SyntheticFingerSource;
import id.rekam.devices.scanner.EmulatedScannerPort;
import id.rekam.devices.scanner.R30xEmulatorSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The demo station (found by Bootstrap through ServiceLoader): Kecamatan Pancoran Mas, Kota Depok,
 * its passphrase pre-filled and shown, a store seeded with two accounts and twelve fictitious
 * records, the SIMULATED camera, an R30x emulator with synthetic prints, and the reference
 * server in-process ({@link DemoCentral}). Everything lives in a throw-away data directory.
 */
public final class DemoStation implements DemoMode {

    /** Demo station: Kecamatan Pancoran Mas, Kota Depok (32.76.01). */
    static final String DISTRICT = "32.76.01";
    static final String OFFICE = "Kecamatan Pancoran Mas, Kota Depok";
    static final String VILLAGE = "32.76.01.1008";
    static final String PASSPHRASE = "demo-sawah-kopi-pagi";
    /** Demo scanner: the simulated finger touches the sensor this long after the operator asks. */
    static final Duration FINGER_DELAY = Duration.ofMillis(700);
    static final AppConfig.DemoLogins LOGINS = new AppConfig.DemoLogins(DemoSeeder.SUPERVISOR,
            DemoSeeder.SUPERVISOR_PASSWORD, DemoSeeder.OPERATOR, DemoSeeder.OPERATOR_PASSWORD);

    /** The simulated finger on the emulator's sensor; the desk says whose it is. */
    private final SyntheticFingerSource fingers = new SyntheticFingerSource(System.nanoTime());

    /** ServiceLoader's constructor. */
    public DemoStation() {
    }

    /** {@code -Drekam.stationId/office/district} still win, as on an installed station. */
    @Override
    public AppConfig config(Path dataDir, Locale locale, AppConfig.ApprovalMode approvalMode) {
        return new AppConfig(System.getProperty("rekam.stationId", DemoCentral.stationIdFor(DISTRICT)),
                System.getProperty("rekam.office", OFFICE), System.getProperty("rekam.district", DISTRICT),
                dataDir, locale, approvalMode, true, PASSPHRASE, LOGINS);
    }

    /** Only a directory whose name says it is the demo's is ever wiped. */
    @Override
    public void freshStart(Path dir) {
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

    @Override
    public void seed(StationStore store) {
        DemoSeeder.seed(store, VILLAGE);
    }

    /**
     * The SIMULATED camera and an R30x emulator (behind a socat PTY when socat is installed, in
     * memory otherwise) whose finger "arrives" shortly after each scan request.
     */
    @Override
    public DeviceConfig devices(AppConfig config, DeviceConfig installed) {
        EmulatedScannerPort port = EmulatedScannerPort.start(config.dataDir().resolve("scanner"),
                R30xEmulatorSettings.defaults(), fingers);
        port.autoPlaceFingerAfter(FINGER_DELAY);
        Runtime.getRuntime().addShutdownHook(new Thread(port::close, "rekam-emulator-stop"));
        return port.addTo(installed.with("camera.driver", "simulated"));
    }

    @Override
    public Optional<SimulatedSubject> simulatedFingers() {
        return Optional.of(fingers);
    }

    /** Delivery to the reference server started here; the demo store is enrolled with it once unlocked. */
    @Override
    public StationSync sync(AppConfig config, Supplier<Optional<StationStore>> openStore,
                            CompletableFuture<?> startAfter) {
        DemoCentral central = new DemoCentral(config.dataDir().resolve("central-server"), DISTRICT, startAfter);
        Runtime.getRuntime().addShutdownHook(new Thread(central::close, "rekam-demo-central-stop"));
        return new StationSync(() -> Optional.of(central.syncConfig()), true, openStore, config.locale(),
                central::enroll);
    }
}
