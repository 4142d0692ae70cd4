package id.rekam.devices.camera;

import com.github.sarxos.webcam.WebcamDevice;
import id.rekam.core.domain.DeviceRef;
import id.rekam.devices.Camera;
import id.rekam.devices.CameraFrame;
import id.rekam.devices.DeviceException;
import id.rekam.devices.FrameListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A camera on webcam-capture's device SPI, used directly rather than through the static
 * {@code Webcam} facade, so several drivers (the real one and the SIMULATED one) can live in
 * one JVM without fighting over {@code Webcam.setDriver}. A grabbing thread opens the device,
 * fetches frames at the configured rate and hands them to the listener; all driver calls go
 * through the driver's own thread with timeouts.
 */
public final class WebcamDeviceCamera implements Camera {

    private static final Logger LOG = LoggerFactory.getLogger(WebcamDeviceCamera.class);
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration FRAME_TIMEOUT = Duration.ofSeconds(2);
    private static final int MAX_EMPTY_FRAMES = 30;

    private final WebcamDevice device;
    private final DeviceRef ref;
    private final DriverThread driver;
    private final int fps;
    private final Clock clock;
    private volatile boolean running;
    private volatile boolean closed;
    private volatile CameraFrame latest;
    private Thread grabber;

    WebcamDeviceCamera(WebcamDevice device, DeviceRef ref, DriverThread driver, int fps, Clock clock) {
        this.device = Objects.requireNonNull(device, "device");
        this.ref = Objects.requireNonNull(ref, "ref");
        this.driver = Objects.requireNonNull(driver, "driver");
        this.fps = Math.max(1, fps);
        this.clock = clock;
    }

    @Override
    public DeviceRef ref() {
        return ref;
    }

    @Override
    public synchronized void start(FrameListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (closed) {
            throw new IllegalStateException("camera closed");
        }
        if (running) {
            return;
        }
        running = true;
        grabber = new Thread(() -> grab(listener), "rekam-camera " + ref.deviceId());
        grabber.setDaemon(true);
        grabber.start();
    }

    private void grab(FrameListener listener) {
        long period = 1_000_000_000L / fps;
        long sequence = 0;
        int empty = 0;
        try {
            driver.call(() -> {
                device.open();
                return null;
            }, OPEN_TIMEOUT, "camera.driver.timeout", "camera.failed");
            while (running) {
                long began = System.nanoTime();
                BufferedImage image = driver.call(device::getImage, FRAME_TIMEOUT, "camera.driver.timeout", "camera.failed");
                if (image == null) {
                    if (++empty >= MAX_EMPTY_FRAMES) {
                        throw new DeviceException("camera.noFrame");
                    }
                } else {
                    empty = 0;
                    CameraFrame frame = new CameraFrame(image, ref, clock.instant(), sequence++);
                    latest = frame;
                    listener.onFrame(frame);
                }
                long sleep = period - (System.nanoTime() - began);
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
            }
        } catch (DeviceException e) {
            LOG.warn("camera {} stopped: {}", ref.deviceId(), e.getMessage());
            running = false;
            listener.onError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("camera {} listener failed", ref.deviceId(), e);
            running = false;
            listener.onError(new DeviceException(e, "camera.failed", DriverThread.describe(e)));
        } finally {
            try {
                driver.call(() -> {
                    device.close();
                    return null;
                }, OPEN_TIMEOUT, "camera.driver.timeout", "camera.failed");
            } catch (DeviceException e) {
                LOG.debug("camera {} close: {}", ref.deviceId(), e.getMessage());
            }
        }
    }

    @Override
    public void stop() {
        Thread t;
        synchronized (this) {
            running = false;
            t = grabber;
            grabber = null;
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(FRAME_TIMEOUT.toMillis() + 500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isStreaming() {
        return running;
    }

    @Override
    public Optional<CameraFrame> latestFrame() {
        return Optional.ofNullable(latest);
    }

    @Override
    public boolean isOpen() {
        return !closed;
    }

    @Override
    public void close() {
        stop();
        closed = true;
    }
}
