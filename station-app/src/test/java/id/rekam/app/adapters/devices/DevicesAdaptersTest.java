package id.rekam.app.adapters.devices;

import id.rekam.app.ports.FingerprintService;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.identification.DuplicatePolicy;
import id.rekam.devices.DeviceConfig;
import id.rekam.devices.DeviceRegistry;
import id.rekam.devices.Devices;
import id.rekam.devices.fingerprint.synth.SyntheticFingerSource;
import id.rekam.devices.scanner.EmulatedScannerPort;
import id.rekam.devices.scanner.R30xEmulatorSettings;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The app's camera and scanner ports on station-devices in demo configuration (SIMULATED devices). */
class DevicesAdaptersTest {

    @Test
    void scannerDeliversImageTemplateAndQualityWithSimulatedProvenance() throws Exception {
        try (EmulatedScannerPort port = EmulatedScannerPort.startInMemory("app-test", R30xEmulatorSettings.defaults(),
                new SyntheticFingerSource(42))) {
            port.autoPlaceFingerAfter(Duration.ofMillis(100));
            // The in-memory emulator shares this JVM's CPU with the test (SourceAFIS, the next synthetic
            // print): on a loaded CI machine a reply can come later than a real sensor's 1 s. 10 s only caps a hang.
            DeviceConfig config = port.addTo(DeviceConfig.of(Map.of("demo", "true", "camera.driver", "none",
                    "owner.office", "Kec. Pancoran Mas", "scanner.timeout.ms", "10000")));
            try (Devices devices = Devices.load(config, DeviceRegistry.inMemory(config.ownerOffice()))) {
                devices.monitor().pollOnce();
                DevicesScanner scanner = new DevicesScanner(devices);
                FingerprintService.FingerSample s = scanner.capture(FingerPosition.RIGHT_THUMB);
                assertThat(scanner.device().simulated()).isTrue();
                assertThat(scanner.device().ownerOffice()).isEqualTo("Kec. Pancoran Mas");
                assertThat(s.image()).hasSize(256 * 288);
                assertThat(s.quality()).isBetween(0, 100);
                assertThat(s.imageFormat()).isEqualTo("GRAY8-256x288-500dpi");
                assertThat(s.quality()).as("a synthetic print on the sensor is a usable print").isGreaterThanOrEqualTo(40);
                DuplicatePolicy policy = DuplicatePolicy.DEFAULT;
                assertThat(policy.matches(score(s.template(), s.template()))).isTrue();
                FingerprintService.FingerSample other = scanner.capture(FingerPosition.RIGHT_INDEX);
                assertThat(policy.matches(score(s.template(), other.template())))
                        .as("the demo puts a different finger on the sensor each time").isFalse();
                scanner.close();
            }
        }
    }

    /**
     * Demo mode's hand-over: told who is at the desk, the SIMULATED scanner places that person's
     * finger, each time a new impression of the same master print. The hand-over's 1:1 match then
     * succeeds for the owner and fails for anyone else, as with a real person and a real sensor.
     */
    @Test
    void theSimulatedScannerGivesTheSamePersonsFingerAsANewImpression() throws Exception {
        SyntheticFingerSource fingers = new SyntheticFingerSource(7);
        try (EmulatedScannerPort port = EmulatedScannerPort.startInMemory("app-handover", R30xEmulatorSettings.defaults(),
                fingers)) {
            port.autoPlaceFingerAfter(Duration.ofMillis(100));
            DeviceConfig config = port.addTo(DeviceConfig.of(Map.of("demo", "true", "camera.driver", "none",
                    "owner.office", "Kec. Pancoran Mas", "scanner.timeout.ms", "10000")));
            try (Devices devices = Devices.load(config, DeviceRegistry.inMemory(config.ownerOffice()))) {
                devices.monitor().pollOnce();
                DevicesScanner scanner = new DevicesScanner(() -> devices, fingers);
                scanner.personAtDesk("3276011708900001");
                FingerprintService.FingerSample enrolled = scanner.capture(FingerPosition.RIGHT_INDEX);
                FingerprintService.FingerSample atHandOver = scanner.capture(FingerPosition.RIGHT_INDEX);
                assertThat(atHandOver.image()).as("another impression, not the same image").isNotEqualTo(enrolled.image());
                assertThat(score(enrolled.template(), atHandOver.template()))
                        .as("the owner's finger matches at hand-over").isGreaterThanOrEqualTo(DuplicatePolicy.DEFAULT.scoreThreshold());
                FingerprintService.FingerSample thumb = scanner.capture(FingerPosition.RIGHT_THUMB);
                assertThat(score(enrolled.template(), thumb.template())).as("another finger").isLessThan(DuplicatePolicy.DEFAULT.scoreThreshold());
                scanner.personAtDesk("3276014507850002");
                FingerprintService.FingerSample stranger = scanner.capture(FingerPosition.RIGHT_INDEX);
                assertThat(score(enrolled.template(), stranger.template()))
                        .as("someone else's index finger").isLessThan(DuplicatePolicy.DEFAULT.scoreThreshold());
                scanner.close();
            }
        }
    }

    /** Every device key station-devices raises is sorted into a kind the operator can act on. */
    @Test
    void everyDeviceMessageKeyHasAFailureKind() throws Exception {
        java.util.Properties keys = new java.util.Properties();
        try (var in = id.rekam.devices.DeviceException.class.getResourceAsStream("/id/rekam/devices/messages.properties")) {
            keys.load(in);
        }
        for (String key : keys.stringPropertyNames()) {
            if (key.startsWith("device.state.connected")) {
                continue;
            }
            assertThat(Failures.of(new id.rekam.devices.DeviceException(key, "/dev/ttyUSB0", "x")))
                    .as(key).isNotEqualTo(id.rekam.app.ports.DeviceFailure.UNKNOWN);
        }
    }

    @Test
    void simulatedCameraFramesReachThePort() {
        DeviceConfig config = DeviceConfig.of(Map.of("demo", "true", "camera.driver", "simulated", "camera.fps", "30",
                "scanner.ports", "none"));
        try (Devices devices = Devices.load(config, DeviceRegistry.inMemory("Kec. Pancoran Mas"))) {
            devices.monitor().pollOnce();
            DevicesCamera camera = new DevicesCamera(devices);
            camera.open();
            BufferedImage frame = null;
            // The first frame comes as soon as the camera thread draws it; 30 s only caps a failure.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (frame == null && System.nanoTime() < deadline) {
                frame = camera.grab();
            }
            assertThat(frame).isNotNull();
            assertThat(camera.device().simulated()).isTrue();
            camera.close();
        }
    }

    private static double score(byte[] a, byte[] b) {
        return new com.machinezoo.sourceafis.FingerprintMatcher(new com.machinezoo.sourceafis.FingerprintTemplate(a))
                .match(new com.machinezoo.sourceafis.FingerprintTemplate(b));
    }

}
