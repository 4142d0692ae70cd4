package id.rekam.app;

import id.rekam.app.adapters.sync.StationSync;
import id.rekam.core.store.StationStore;
import id.rekam.devices.DeviceConfig;
import id.rekam.devices.fingerprint.synth.SimulatedSubject;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * How {@code --demo} wires the station: simulated devices, a seeded store, a reference server of
 * its own. The station-demo module supplies the one implementation through {@link ServiceLoader}
 * ({@code META-INF/services/id.rekam.app.DemoMode}); the installed station carries none, so
 * there {@code --demo} stops with {@link Bootstrap#NO_DEMO} instead of running anything simulated.
 */
public interface DemoMode {

    /** The demo station: its office and station id, the passphrase and accounts shown on screen. */
    AppConfig config(Path dataDir, Locale locale, AppConfig.ApprovalMode approvalMode);

    /** Called before anything opens the data directory: a demo starts from nothing each time. */
    void freshStart(Path dataDir);

    /** Runs on the store each time it is opened, before the app uses it. */
    void seed(StationStore store);

    /**
     * The demo's devices, from the settings an installed station would use; whatever it starts
     * for them (a scanner emulator) stops when the JVM exits.
     */
    DeviceConfig devices(AppConfig config, DeviceConfig installed);

    /**
     * Delivery to a server the demo runs itself, started once {@code startAfter} completes (the
     * first frame is drawn) and stopped when the JVM exits.
     *
     * @param openStore the store the station has unlocked, when it has
     */
    StationSync sync(AppConfig config, Supplier<Optional<StationStore>> openStore, CompletableFuture<?> startAfter);

    /**
     * The SIMULATED scanner's finger source, so the desk can say whose finger is placed (without
     * it no card hand-over could match in demo mode).
     */
    default Optional<SimulatedSubject> simulatedFingers() {
        return Optional.empty();
    }

    /** The demo wiring on the class path, if any. */
    static Optional<DemoMode> find() {
        return ServiceLoader.load(DemoMode.class).findFirst();
    }
}
