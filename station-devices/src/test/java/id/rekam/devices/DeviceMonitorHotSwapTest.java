package id.rekam.devices;

import id.rekam.core.domain.DeviceRef;
import id.rekam.devices.scanner.EmulatedScannerPort;
import id.rekam.devices.scanner.R30xEmulatorSettings;
import id.rekam.devices.scanner.R30xScannerProvider;
import id.rekam.devices.scanner.TestPatternFingerImageSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Replugging and swapping scanners while the station runs, through jssc on pseudo-terminals
 * made in-process (no socat). Skipped, saying why, where no pseudo-terminal can be made.
 */
class DeviceMonitorHotSwapTest {

    @TempDir
    Path dir;
    private EmulatedScannerPort port;
    private DeviceRegistry registry;
    private Devices devices;
    private final BlockingQueue<DeviceStatus> events = new LinkedBlockingQueue<>();

    @BeforeAll
    static void pseudoTerminalsExistHere() {
        Optional<String> why = EmulatedScannerPort.pseudoTerminalUnavailable();
        assumeTrue(why.isEmpty(), () -> "no pseudo-terminal on this machine, hot-swap tests skipped: " + why.orElse(""));
    }

    @BeforeEach
    void setUp() {
        port = EmulatedScannerPort.start(dir.resolve("pty"), R30xEmulatorSettings.defaults(), new TestPatternFingerImageSource());
        assertThat(port.usesPseudoTerminal()).as("the station talks to the scanner through jssc on a real tty").isTrue();
        registry = DeviceRegistry.open(dir.resolve("devices.json"), "Kec. Tanara");
        devices = Devices.of(config(true), registry, List.of(new R30xScannerProvider()));
        devices.monitor().addListener(events::add);
    }

    private DeviceConfig config(boolean demo) {
        return DeviceConfig.of(Map.of("demo", String.valueOf(demo), "scanner.ports", port.hostPath(),
                "monitor.interval.ms", "200", "probe.timeout.ms", "3000"));
    }

    @AfterEach
    void tearDown() {
        devices.close();
        port.close();
    }

    @Test
    void unplugReplugAndSwapAreSeenAndIdentitiesAreStable() throws Exception {
        devices.monitor().pollOnce();
        DeviceStatus first = next();
        assertThat(first.state()).isEqualTo(DeviceState.CONNECTED);
        DeviceRef original = first.device();
        assertThat(original.simulated()).isTrue();
        assertThat(original.model()).contains("SIMULATED");
        assertThat(original.ownerOffice()).isEqualTo("Kec. Tanara");

        port.unplug();
        devices.monitor().pollOnce();
        assertThat(next()).extracting(DeviceStatus::state, DeviceStatus::device).containsExactly(DeviceState.DISCONNECTED, original);
        devices.monitor().pollOnce();
        assertThat(next()).extracting(DeviceStatus::state, DeviceStatus::reasonKey).containsExactly(DeviceState.DISCONNECTED, "device.none");

        port.replug(R30xEmulatorSettings.defaults());
        devices.monitor().pollOnce();
        assertThat(next()).extracting(DeviceStatus::state, DeviceStatus::device).containsExactly(DeviceState.CONNECTED, original);

        // A borrowed scanner with other parameters at the same path is another device.
        port.replug(R30xEmulatorSettings.defaults().withSystemId(0x0042).withPacketSize(64));
        devices.monitor().pollOnce();
        DeviceStatus gone = next();
        DeviceStatus swapped = next();
        assertThat(gone).extracting(DeviceStatus::state, DeviceStatus::device).containsExactly(DeviceState.DISCONNECTED, original);
        assertThat(swapped.state()).isEqualTo(DeviceState.CONNECTED);
        assertThat(swapped.device().deviceId()).isNotEqualTo(original.deviceId());

        // The technician records who owns the borrowed one; it survives a restart of the registry.
        registry.assign(swapped.device().deviceId(), "fps-kronjo-1", "Kec. Kronjo");
        DeviceRegistry reopened = DeviceRegistry.open(dir.resolve("devices.json"), "Kec. Tanara");
        assertThat(reopened.find("fps-kronjo-1").orElseThrow().ownerOffice()).isEqualTo("Kec. Kronjo");
        assertThat(reopened.find(original.deviceId())).isPresent();
    }

    @Test
    void backgroundMonitorSeesAYankedCableAndTheScannerComingBack() throws Exception {
        devices.start();
        // On a loaded machine the first handshake may time out and the next poll connect: what this test
        // is about starts once the scanner is seen.
        DeviceStatus connected = nextWithState(DeviceState.CONNECTED);

        port.yankCable();
        assertThat(next()).extracting(DeviceStatus::state, DeviceStatus::device)
                .containsExactly(DeviceState.DISCONNECTED, connected.device());

        port.replug(R30xEmulatorSettings.defaults());
        DeviceStatus back = nextWithState(DeviceState.CONNECTED);
        assertThat(back.device()).isEqualTo(connected.device());
    }

    /**
     * Issue 17's "swap without reinstall": during a session (background monitor running, scanner
     * open, a finger captured) the scanner is pulled and a borrowed one with other parameters is
     * plugged in at the same port. The station notices both, the next capture comes from the new
     * scanner and its provenance names the new device, not the old one.
     */
    @Test
    void scannerSwappedDuringASessionIsPickedUpAndTheNextCaptureNamesTheNewDevice() throws Exception {
        devices.start();
        DeviceRef own = nextWithState(DeviceState.CONNECTED).device();
        FingerprintScanner first = devices.openScanner().orElseThrow();
        port.placeFinger();
        assertThat(first.captureFinger(Duration.ofSeconds(30)).device()).isEqualTo(own);

        port.unplug();
        assertThatThrownBy(() -> first.captureFinger(Duration.ofSeconds(5)))
                .as("the pulled scanner fails clearly instead of hanging").isInstanceOf(DeviceException.class);
        assertThat(first.isOpen()).isFalse();
        first.close();
        assertThat(nextWithState(DeviceState.DISCONNECTED).device()).isEqualTo(own);

        R30xEmulatorSettings borrowed = R30xEmulatorSettings.defaults().withSystemId(0x0042).withPacketSize(64);
        port.replug(borrowed);
        DeviceRef other = nextWithState(DeviceState.CONNECTED).device();
        assertThat(other.deviceId()).isNotEqualTo(own.deviceId());
        assertThat(other.simulated()).isTrue();

        // The technician records whose it is; the station opens it without a restart.
        registry.assign(other.deviceId(), null, "Kec. Kronjo");
        try (FingerprintScanner second = devices.openScanner().orElseThrow()) {
            port.placeFinger();
            FingerImage image = second.captureFinger(Duration.ofSeconds(30));
            assertThat(image.device()).isEqualTo(second.ref());
            assertThat(image.device().deviceId()).isEqualTo(other.deviceId()).isNotEqualTo(own.deviceId());
            assertThat(image.device().ownerOffice()).as("the owner recorded just before opening").isEqualTo("Kec. Kronjo");
            assertThat(image.device().model()).contains("SIMULATED");
        }
        assertThat(registry.find(own.deviceId())).as("the station's own scanner is still known").isPresent();
    }

    @Test
    void openedScannerCapturesWithItsIdentityAndIsNotProbedWhileInUse() throws Exception {
        devices.monitor().pollOnce();
        DeviceRef ref = next().device();
        try (FingerprintScanner scanner = devices.openScanner().orElseThrow()) {
            assertThat(scanner.ref()).isEqualTo(ref);
            devices.monitor().pollOnce();
            DeviceStatus change = events.poll(300, TimeUnit.MILLISECONDS);
            assertThat(change).as("no change while in use").isNull();
            port.placeFinger();
            FingerImage image = scanner.captureFinger(Duration.ofSeconds(30));
            assertThat(image.device()).isEqualTo(ref);
        }
    }

    @Test
    void emulatorIsIgnoredOutsideDemoMode() throws Exception {
        try (Devices production = Devices.of(config(false), registry, List.of(new R30xScannerProvider()))) {
            production.monitor().pollOnce();
            assertThat(production.monitor().attached(DeviceKind.FINGERPRINT_SCANNER)).isEmpty();
            assertThat(production.openScanner()).isEmpty();
        }
    }

    /** The next status change; the bound only caps a failure (a loaded CI machine probes slowly). */
    private DeviceStatus next() throws InterruptedException {
        DeviceStatus s = events.poll(30, TimeUnit.SECONDS);
        assertThat(s).as("a device status within 30 s").isNotNull();
        return s;
    }

    private DeviceStatus nextWithState(DeviceState state) throws InterruptedException {
        while (true) {
            DeviceStatus s = next();
            if (s.state() == state && s.device() != null) {
                return s;
            }
        }
    }
}
