package id.rekam.diag;

import id.rekam.core.domain.DeviceRef;
import id.rekam.core.store.StationStore;
import id.rekam.devices.Devices;
import id.rekam.diag.camera.CameraCheck;
import id.rekam.diag.network.NetworkCheck;
import id.rekam.diag.network.NetworkTarget;
import id.rekam.diag.scanner.ScannerCheck;
import id.rekam.diag.software.SoftwareCheck;
import id.rekam.diag.software.UpdateCheckStamp;
import id.rekam.diag.store.StoreCheck;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The station's diagnostics — scanner, camera, network, store, software — wired to what the
 * caller has: the technician's screen passes the running station's devices and unlocked store,
 * {@code rekam diag} its own. One place decides which checks a station runs.
 *
 * @param devices        the device layer (null while it starts)
 * @param releaseDesk    frees the desk's own scanner and camera before they are tested
 * @param provenance     how a capture would name a device (register owner and loan)
 * @param network        the central server and, when unlocked, the station's signer
 * @param unlocked       the open store, for the audit chain (empty when locked)
 * @param captureTimeout how long the scanner test waits for a finger (zero: no test capture)
 */
public record StationDiagnostics(Path dataDir, Supplier<Devices> devices, Runnable releaseDesk,
                                 UnaryOperator<DeviceRef> provenance, Supplier<Optional<NetworkTarget>> network,
                                 Supplier<Optional<StationStore>> unlocked, UpdateCheckStamp updates,
                                 Duration captureTimeout, Clock clock) {

    /** The longest a finger is waited for; the scanner check's budget keeps the run under 30 s. */
    public static final Duration CAPTURE_TIMEOUT = Duration.ofSeconds(10);

    public List<Check> checks() {
        return List.of(
                new ScannerCheck(devices, releaseDesk, provenance, captureTimeout),
                new CameraCheck(devices, releaseDesk),
                new NetworkCheck(network, clock),
                new StoreCheck(dataDir, unlocked, clock),
                new SoftwareCheck(dataDir, updates, clock));
    }

    public DiagnosticsEngine engine(Locale locale) {
        return new DiagnosticsEngine(checks(), new Texts(locale), clock);
    }
}
