package id.rekam.devices;

import id.rekam.devices.scanner.EmulatedScannerPort;
import id.rekam.devices.scanner.R30xEmulatorSettings;
import id.rekam.devices.scanner.TestPatternFingerImageSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Demo mode as the app starts it: providers from ServiceLoader, emulator port, SIMULATED everywhere. */
class DemoModeTest {

    @Test
    void inMemoryFallbackScannerAndSimulatedCameraThroughServiceLoader() throws Exception {
        try (EmulatedScannerPort port = EmulatedScannerPort.startInMemory("demo-test", R30xEmulatorSettings.defaults(),
                new TestPatternFingerImageSource())) {
            assertThat(port.hostPath()).isEqualTo("mem:demo-test");
            port.autoPlaceFingerAfter(Duration.ofMillis(200));
            DeviceConfig config = port.addTo(DeviceConfig.of(Map.of("demo", "true", "camera.driver", "none",
                    "owner.office", "Kec. Kronjo")));
            try (Devices devices = Devices.load(config, DeviceRegistry.inMemory(config.ownerOffice()))) {
                devices.monitor().pollOnce();
                assertThat(devices.monitor().statuses()).anySatisfy(s -> {
                    assertThat(s.state()).isEqualTo(DeviceState.CONNECTED);
                    assertThat(s.kind()).isEqualTo(DeviceKind.FINGERPRINT_SCANNER);
                });
                try (FingerprintScanner scanner = devices.openScanner().orElseThrow();
                     Camera camera = devices.openCamera().orElseThrow()) {
                    assertThat(scanner.ref().simulated()).isTrue();
                    assertThat(scanner.ref().ownerOffice()).isEqualTo("Kec. Kronjo");
                    assertThat(camera.ref().simulated()).isTrue();
                    FingerImage first = scanner.captureFinger(Duration.ofSeconds(3));
                    FingerImage second = scanner.captureFinger(Duration.ofSeconds(3));
                    assertThat(first.device()).isEqualTo(scanner.ref());
                    assertThat(second.pixels()).as("each placement is another impression").isNotEqualTo(first.pixels());
                }
            }
        }
    }

    /** What the app's demo mode starts: the emulator behind a real pseudo-terminal, driven through jssc. */
    @Test
    void demoScannerRunsOnAPseudoTerminalThroughTheRealDriver(@TempDir Path dir) throws Exception {
        Optional<String> noPty = EmulatedScannerPort.pseudoTerminalUnavailable();
        assumeTrue(noPty.isEmpty(), () -> "no pseudo-terminal on this machine: " + noPty.orElse(""));
        try (EmulatedScannerPort port = EmulatedScannerPort.start(dir.resolve("scanner"), R30xEmulatorSettings.defaults(),
                new TestPatternFingerImageSource())) {
            assertThat(port.usesPseudoTerminal()).isTrue();
            assertThat(Files.readSymbolicLink(Path.of(port.hostPath())).toString()).startsWith("/dev/");
            port.autoPlaceFingerAfter(Duration.ofMillis(200));
            DeviceConfig config = port.addTo(DeviceConfig.of(Map.of("demo", "true", "camera.driver", "none",
                    "owner.office", "Kec. Kronjo")));
            try (Devices devices = Devices.load(config, DeviceRegistry.inMemory(config.ownerOffice()))) {
                devices.monitor().pollOnce();
                try (FingerprintScanner scanner = devices.openScanner().orElseThrow()) {
                    assertThat(scanner.ref().simulated()).isTrue();
                    assertThat(scanner.ref().model()).contains("SIMULATED");
                    FingerImage first = scanner.captureFinger(Duration.ofSeconds(30));
                    FingerImage second = scanner.captureFinger(Duration.ofSeconds(30));
                    assertThat(first.device()).isEqualTo(scanner.ref());
                    assertThat(second.pixels()).isNotEqualTo(first.pixels());
                }
            }
        }
    }

    @Test
    void emulatorPortIsRefusedOutsideDemoMode() throws Exception {
        try (EmulatedScannerPort port = EmulatedScannerPort.startInMemory("prod-test", R30xEmulatorSettings.defaults(),
                new TestPatternFingerImageSource())) {
            DeviceConfig config = port.addTo(DeviceConfig.of(Map.of("camera.driver", "none")));
            try (Devices devices = Devices.load(config, DeviceRegistry.inMemory(""))) {
                devices.monitor().pollOnce();
                assertThat(devices.openScanner()).isEmpty();
                assertThat(devices.openCamera()).isEmpty();
            }
        }
    }
}
