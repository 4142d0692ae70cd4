package id.rekam.devices.camera;

import id.rekam.core.domain.DeviceRef;
import id.rekam.devices.Camera;
import id.rekam.devices.DeviceConfig;
import id.rekam.devices.DeviceKind;
import id.rekam.devices.DeviceRegistry;
import id.rekam.devices.DeviceState;
import id.rekam.devices.DeviceStatus;
import id.rekam.devices.Devices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cameras pulled out, plugged back and swapped while the station runs, on the SIMULATED
 * webcam-capture driver whose device list changes at run time (no real camera on the build
 * machine). The monitor re-reads the driver's device list on every poll.
 */
class CameraHotSwapTest {

    @TempDir
    Path dir;
    private final SimulatedWebcamDriver driver = new SimulatedWebcamDriver(1, Clock.systemUTC());
    private DeviceRegistry registry;
    private Devices devices;
    private final BlockingQueue<DeviceStatus> events = new LinkedBlockingQueue<>();

    @BeforeEach
    void setUp() {
        registry = DeviceRegistry.open(dir.resolve("devices.json"), "Kec. Tanara");
        devices = Devices.of(DeviceConfig.of(Map.of("demo", "true", "camera.driver", "simulated",
                        "monitor.interval.ms", "100", "probe.timeout.ms", "3000")), registry,
                List.of(new SimulatedCameraProvider(Clock.systemUTC(), driver)));
        devices.monitor().addListener(events::add);
    }

    @AfterEach
    void tearDown() {
        devices.close();
    }

    @Test
    void unplugReplugAndSwapAreSeenWithoutARestart() throws Exception {
        devices.monitor().pollOnce();
        DeviceStatus first = next();
        assertThat(first.kind()).isEqualTo(DeviceKind.CAMERA);
        assertThat(first.state()).isEqualTo(DeviceState.CONNECTED);
        DeviceRef original = first.device();
        assertThat(original.simulated()).isTrue();

        driver.unplug("SIMULATED camera 1");
        devices.monitor().pollOnce();
        assertThat(next()).extracting(DeviceStatus::state, DeviceStatus::device).containsExactly(DeviceState.DISCONNECTED, original);
        assertThat(next()).extracting(DeviceStatus::state, DeviceStatus::reasonKey).containsExactly(DeviceState.DISCONNECTED, "camera.none");
        assertThat(devices.openCamera()).isEmpty();

        driver.plug(new SimulatedWebcamDevice(1, Clock.systemUTC()));
        devices.monitor().pollOnce();
        assertThat(next()).extracting(DeviceStatus::state, DeviceStatus::device).containsExactly(DeviceState.CONNECTED, original);

        // Swapped for a borrowed camera: another device, with its own identity in the registry.
        driver.unplug("SIMULATED camera 1");
        driver.plug(new SimulatedWebcamDevice(2, Clock.systemUTC()));
        devices.monitor().pollOnce();
        DeviceStatus gone = next();
        DeviceStatus borrowed = next();
        assertThat(gone).extracting(DeviceStatus::state, DeviceStatus::device).containsExactly(DeviceState.DISCONNECTED, original);
        assertThat(borrowed.state()).isEqualTo(DeviceState.CONNECTED);
        assertThat(borrowed.device().deviceId()).isNotEqualTo(original.deviceId());
        try (Camera camera = devices.openCamera().orElseThrow()) {
            assertThat(camera.ref()).isEqualTo(borrowed.device());
            CountDownLatch frames = new CountDownLatch(2);
            camera.start(f -> frames.countDown());
            assertThat(frames.await(3, TimeUnit.SECONDS)).as("frames from the camera plugged in at run time").isTrue();
        }
    }

    @Test
    void theBackgroundMonitorPicksUpACameraPluggedInLater() throws Exception {
        driver.unplug("SIMULATED camera 1");
        devices.start();
        assertThat(nextWithState(DeviceState.DISCONNECTED).reasonKey()).isEqualTo("camera.none");

        driver.plug(new SimulatedWebcamDevice(3, Clock.systemUTC()));
        DeviceStatus plugged = nextWithState(DeviceState.CONNECTED);
        assertThat(plugged.device().model()).isEqualTo("SIMULATED camera 3");
        assertThat(devices.openCamera()).isPresent();
    }

    private DeviceStatus next() throws InterruptedException {
        DeviceStatus s = events.poll(5, TimeUnit.SECONDS);
        assertThat(s).as("a device event").isNotNull();
        return s;
    }

    private DeviceStatus nextWithState(DeviceState state) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            DeviceStatus s = events.poll(500, TimeUnit.MILLISECONDS);
            if (s != null && s.state() == state) {
                return s;
            }
        }
        throw new AssertionError("no " + state + " event within 10 s");
    }
}
