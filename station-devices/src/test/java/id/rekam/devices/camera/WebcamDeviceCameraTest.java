package id.rekam.devices.camera;

import id.rekam.core.domain.DeviceRef;
import id.rekam.devices.CameraFrame;
import id.rekam.devices.DeviceException;
import id.rekam.devices.FrameListener;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class WebcamDeviceCameraTest {

    private static final DeviceRef REF = new DeviceRef("cam-sim-t", "camera", "SIMULATED camera 1", "", "", true);

    @Test
    void aCameraThatGoesAwayMidStreamReportsItAndStops() throws Exception {
        SimulatedWebcamDevice device = new SimulatedWebcamDevice(1, Clock.systemUTC());
        try (DriverThread driver = new DriverThread("test");
             WebcamDeviceCamera camera = new WebcamDeviceCamera(device, REF, driver, 30, Clock.systemUTC())) {
            CountDownLatch firstFrame = new CountDownLatch(1);
            CompletableFuture<DeviceException> error = new CompletableFuture<>();
            camera.start(new FrameListener() {
                @Override
                public void onFrame(CameraFrame frame) {
                    firstFrame.countDown();
                }

                @Override
                public void onError(DeviceException e) {
                    error.complete(e);
                }
            });
            assertThat(firstFrame.await(30, TimeUnit.SECONDS)).isTrue();
            device.close(); // what an unplugged camera looks like to the grabbing thread
            DeviceException e = error.get(30, TimeUnit.SECONDS);
            assertThat(e.getMessage()).isEqualTo("Camera stopped: WebcamException: SIMULATED camera 1 is not open");
            assertThat(camera.isStreaming()).isFalse();
        }
    }

    @Test
    void stopReturnsPromptlyAndReleasesTheDevice() throws Exception {
        SimulatedWebcamDevice device = new SimulatedWebcamDevice(2, Clock.systemUTC());
        try (DriverThread driver = new DriverThread("test");
             WebcamDeviceCamera camera = new WebcamDeviceCamera(device, REF, driver, 30, Clock.systemUTC())) {
            CountDownLatch frames = new CountDownLatch(3);
            camera.start(f -> frames.countDown());
            assertThat(frames.await(30, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            camera.stop();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
            assertThat(device.isOpen()).isFalse();
        }
    }
}
