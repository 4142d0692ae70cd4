package id.rekam.diag;

import id.rekam.core.auth.Role;
import id.rekam.core.crypto.KdfParams;
import id.rekam.core.equipment.Loans;
import id.rekam.core.settings.StationSettingsFile;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.StoreOptions;
import id.rekam.devices.DeviceConfig;
import id.rekam.devices.DeviceProvider;
import id.rekam.devices.DeviceRegistry;
import id.rekam.devices.Devices;
import id.rekam.devices.camera.SimulatedCameraProvider;
import id.rekam.devices.camera.SimulatedWebcamDriver;
import id.rekam.devices.scanner.EmulatedScannerPort;
import id.rekam.devices.scanner.R30xEmulatorSettings;
import id.rekam.devices.scanner.R30xScannerProvider;
import id.rekam.diag.network.NetworkTarget;
import id.rekam.diag.software.UpdateCheckStamp;
import id.rekam.server.CentralServer;
import id.rekam.server.ServerConfig;
import id.rekam.sync.StationEnrollment;
import okhttp3.OkHttpClient;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A station for the diagnostics' tests: a real encrypted store (fast key derivation), the R30x
 * emulator behind an in-process pseudo-terminal (fault injection), the SIMULATED camera, and
 * optionally a real in-process central server with the station enrolled. Everything SIMULATED is
 * the same protocol or SPI the real devices use.
 */
final class DiagKit implements AutoCloseable {

    static final String OFFICE = "32.76.01";
    static final String OFFICE_NAME = "Kecamatan Pancoran Mas, Kota Depok";
    static final String STATION = "ST-327601-0001";
    static final char[] PASSPHRASE = "uji-frasa-sandi-diagnosis".toCharArray();

    final Path root;
    final Path dataDir;
    final StationStore store;
    EmulatedScannerPort scanner;
    Devices devices;
    CentralServer server;
    Optional<NetworkTarget> target = Optional.empty();
    Clock clock = Clock.systemUTC();
    UpdateCheckStamp updates;
    Duration captureTimeout = Duration.ofSeconds(10);
    final List<AutoCloseable> closing = new ArrayList<>();

    DiagKit(Path root) throws IOException {
        this.root = root;
        this.dataDir = root.resolve("station");
        store = StationStore.initialise(dataDir, PASSPHRASE, STATION,
                StoreOptions.defaults().withKdf(KdfParams.forTestsOnly(1_000, 1_000)));
        store.operators().createFirstSupervisor("spv", "rahasia-spv".toCharArray());
        store.operators().createAccount("spv", "tek", Role.TECHNICIAN, "teknisi-1!".toCharArray());
        store.backupNow();
        Path stamp = root.resolve("update-success-stamp");
        Files.writeString(stamp, "");
        updates = new UpdateCheckStamp(List.of(stamp));
    }

    /** The R30x emulator on a pseudo-terminal; a finger appears a moment after the station asks for one. */
    DiagKit withScanner() {
        scanner = EmulatedScannerPort.start(root.resolve("pty"), R30xEmulatorSettings.defaults(), new OnePrintSource(7));
        scanner.autoPlaceFingerAfter(Duration.ofMillis(300));
        return this;
    }

    /** Devices as demo mode has them: the emulator's port and the SIMULATED camera (or none). */
    DiagKit withDevices(int cameras, Consumer<Map<String, String>> tweak) {
        Map<String, String> config = new HashMap<>();
        config.put("demo", "true");
        config.put("owner.office", OFFICE_NAME);
        config.put("camera.driver", "simulated");
        config.put("camera.fps", "30");
        config.put("monitor.interval.ms", "200");
        // Replies on a loaded build machine can lag; the real module answers in milliseconds.
        config.put("scanner.timeout.ms", "2000");
        config.put("probe.timeout.ms", "10000");
        config.put("scanner.ports", scanner != null ? scanner.hostPath() : root.resolve("no-scanner").toString());
        tweak.accept(config);
        List<DeviceProvider<?>> providers = new ArrayList<>();
        providers.add(new R30xScannerProvider());
        providers.add(new SimulatedCameraProvider(Clock.systemUTC(), new SimulatedWebcamDriver(cameras, Clock.systemUTC())));
        devices = Devices.of(DeviceConfig.of(config), DeviceRegistry.open(dataDir.resolve("devices.json"), OFFICE_NAME),
                providers);
        return this;
    }

    DiagKit withDevices() {
        return withDevices(1, c -> { });
    }

    /** A real central server with this station enrolled; signed requests with the station's key. */
    DiagKit withServer(ServerConfig.Builder config) throws Exception {
        server = CentralServer.start(config.build());
        OkHttpClient http = new OkHttpClient();
        String pin = server.tlsPin();
        if (pin != null) {
            id.rekam.sync.http.PinnedTrustManager trust = new id.rekam.sync.http.PinnedTrustManager(pin);
            http = http.newBuilder().sslSocketFactory(trust.sslContext().getSocketFactory(), trust).build();
        }
        String code = server.admin().createEnrollmentCode(OFFICE).code();
        // https needs its pin (ServerAddress): the address and pin are pinned in the store together.
        StationEnrollment.enroll(http, id.rekam.core.trust.ServerAddress.check(server.baseUri().toString(), pin), code,
                store, "meja diagnosis", null, "technician");
        http.dispatcher().executorService().shutdown();
        StationSettingsFile.write(dataDir, Map.of(StationSettingsFile.SERVER, server.baseUri().toString()));
        target = Optional.of(new NetworkTarget(server.baseUri(), pin, STATION, store::signRequest));
        return this;
    }

    DiagKit withServer() throws Exception {
        return withServer(ServerConfig.builder(root.resolve("server")));
    }

    DiagKit target(URI server, String pin, boolean signed) {
        target = Optional.of(new NetworkTarget(server, pin, STATION, signed ? store::signRequest : null));
        return this;
    }

    StationDiagnostics diagnostics() {
        return new StationDiagnostics(dataDir, () -> devices, () -> { }, ref -> new Loans(store).provenance(ref),
                () -> target, () -> Optional.of(store), updates, captureTimeout, clock);
    }

    DiagnosticRun run() {
        return diagnostics().engine(java.util.Locale.forLanguageTag("id")).run(DiagnosticListener.NONE);
    }

    /** Only the checks of these areas (each area's check is the same object the full run uses). */
    DiagnosticRun run(String... areas) {
        List<String> wanted = List.of(areas);
        List<Check> checks = diagnostics().checks().stream().filter(c -> wanted.contains(c.area())).toList();
        return new DiagnosticsEngine(checks, new Texts(java.util.Locale.forLanguageTag("id")), clock)
                .run(DiagnosticListener.NONE);
    }

    static id.rekam.core.diag.Finding finding(DiagnosticRun run, String id) {
        return run.findings().stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding " + id + " in " + run.findings()));
    }

    @Override
    public void close() {
        if (devices != null) {
            devices.close();
        }
        if (scanner != null) {
            scanner.close();
        }
        if (server != null) {
            server.stop();
        }
        store.close();
        for (AutoCloseable c : closing) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
    }
}
