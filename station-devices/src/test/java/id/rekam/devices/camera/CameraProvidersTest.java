package id.rekam.devices.camera;

import id.rekam.devices.Camera;
import id.rekam.devices.CameraFrame;
import id.rekam.devices.DeviceConfig;
import id.rekam.devices.DeviceContext;
import id.rekam.devices.DeviceException;
import id.rekam.devices.DeviceKind;
import id.rekam.devices.DeviceMessages;
import id.rekam.devices.DeviceRegistry;
import id.rekam.devices.DeviceState;
import id.rekam.devices.DeviceStatus;
import id.rekam.devices.Devices;
import id.rekam.devices.FrameListener;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CameraProvidersTest {

    private static DeviceContext context(Map<String, String> cfg) {
        return new DeviceContext(DeviceConfig.of(cfg), DeviceRegistry.inMemory("Kec. Tanara"));
    }

    @Test
    void builtInDriverOnThisMachineEitherFindsCamerasOrReportsWhyNotQuickly() {
        WebcamCameraProvider provider = new WebcamCameraProvider();
        provider.configure(context(Map.of("probe.timeout.ms", "10000")));
        long start = System.nanoTime();
        try {
            List<?> found = provider.probe();
            System.out.println("default webcam driver: " + found.size() + " camera(s)");
        } catch (DeviceException e) {
            System.out.println("default webcam driver: " + e.getMessage());
            assertThat(e.key()).isIn("camera.driver.failed", "camera.driver.native", "camera.driver.timeout");
            assertThat(e.getMessage()).startsWith("No camera:");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(11));
    }

    @Test
    void nativeLoadFailureBecomesAReadableStateAndIsNotRetried() {
        WebcamCameraProvider provider = new WebcamCameraProvider();
        provider.configure(context(Map.of("camera.driver", UnloadableDriver.class.getName())));
        assertThatThrownBy(provider::probe).isInstanceOfSatisfying(DeviceException.class, e -> {
            assertThat(e.getMessage()).isEqualTo("No camera: driver failed: UnsatisfiedLinkError: "
                    + "/tmp/OpenIMAJGrabber.so: libv4l2.so.0: cannot open shared object file");
            assertThat(e.message(DeviceMessages.INDONESIAN)).startsWith("Tidak ada kamera: driver gagal: UnsatisfiedLinkError");
        });
        assertThatThrownBy(provider::probe).isInstanceOf(DeviceException.class);
    }

    @Test
    void hangingDiscoveryIsCutOffAndReportedByTheMonitor() {
        try (Devices devices = Devices.of(DeviceConfig.of(Map.of("camera.driver", HangingDriver.class.getName(),
                "probe.timeout.ms", "400")), DeviceRegistry.inMemory(""), List.of(new WebcamCameraProvider()))) {
            List<DeviceStatus> seen = new CopyOnWriteArrayList<>();
            devices.monitor().addListener(seen::add);
            long start = System.nanoTime();
            devices.monitor().pollOnce();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
            assertThat(seen).singleElement().satisfies(s -> {
                assertThat(s.state()).isEqualTo(DeviceState.FAILED);
                assertThat(s.kind()).isEqualTo(DeviceKind.CAMERA);
                assertThat(s.message(Locale.ENGLISH)).startsWith("No camera: driver did not answer within");
            });
        }
    }

    @Test
    void simulatedCameraIsOffUnlessDemoOrExplicit() throws Exception {
        try (Devices prod = Devices.load(DeviceConfig.of(Map.of("camera.driver", "none", "scanner.ports", "")),
                DeviceRegistry.inMemory(""))) {
            assertThat(prod.providers()).noneMatch(p -> p.simulated());
            prod.monitor().pollOnce();
            assertThat(prod.openCamera()).isEmpty();
        }
    }

    @Test
    void demoModeStreamsMovingSimulatedFramesOnItsOwnThread() throws Exception {
        DeviceConfig cfg = DeviceConfig.of(Map.of("demo", "true", "camera.driver", "none", "scanner.ports", "",
                "camera.fps", "25", "owner.office", "Kec. Kronjo"));
        try (Devices devices = Devices.load(cfg, DeviceRegistry.inMemory("Kec. Kronjo"))) {
            devices.monitor().pollOnce();
            try (Camera camera = devices.openCamera().orElseThrow()) {
                assertThat(camera.ref().simulated()).isTrue();
                assertThat(camera.ref().model()).startsWith("SIMULATED");
                assertThat(camera.ref().ownerOffice()).isEqualTo("Kec. Kronjo");
                List<CameraFrame> frames = new CopyOnWriteArrayList<>();
                CountDownLatch five = new CountDownLatch(5);
                Thread caller = Thread.currentThread();
                long start = System.nanoTime();
                camera.start(new FrameListener() {
                    @Override
                    public void onFrame(CameraFrame frame) {
                        assertThat(Thread.currentThread()).isNotSameAs(caller);
                        frames.add(frame);
                        five.countDown();
                    }
                });
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("start returns at once").isLessThan(Duration.ofMillis(100));
                assertThat(five.await(30, TimeUnit.SECONDS)).isTrue();
                camera.stop();
                assertThat(frames.get(0).device().simulated()).isTrue();
                assertThat(frames.get(0).sequence()).isZero();
                assertThat(differingPixels(frames.get(0), frames.get(4))).as("the picture moves").isGreaterThan(500);
                assertThat(camera.latestFrame()).isPresent();
            }
        }
    }

    private static int differingPixels(CameraFrame a, CameraFrame b) {
        int n = 0;
        for (int y = 0; y < a.image().getHeight(); y += 2) {
            for (int x = 0; x < a.image().getWidth(); x += 2) {
                if (a.image().getRGB(x, y) != b.image().getRGB(x, y)) {
                    n++;
                }
            }
        }
        return n;
    }
}
