package id.rekam.app.adapters.devices;

import id.rekam.app.ports.CameraService;
import id.rekam.app.ports.DeviceFailure;
import id.rekam.core.domain.DeviceRef;
import id.rekam.devices.Camera;
import id.rekam.devices.CameraFrame;
import id.rekam.devices.DeviceException;
import id.rekam.devices.DeviceKind;
import id.rekam.devices.Devices;

import java.util.function.Supplier;
import java.awt.image.BufferedImage;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/** The photo camera through station-devices (webcam, or the SIMULATED camera in demo mode). */
public final class DevicesCamera implements CameraService {

    private final Supplier<Devices> devices;
    private final LinkedBlockingDeque<CameraFrame> frames = new LinkedBlockingDeque<>(2);
    private Camera camera;
    private volatile DeviceFailure failure;

    /** @param devices the device layer; may still be starting (then this device reads as absent) */
    public DevicesCamera(Supplier<Devices> devices) {
        this.devices = devices;
    }

    public DevicesCamera(Devices devices) {
        this(() -> devices);
    }

    @Override
    public synchronized DeviceRef device() {
        if (camera != null && camera.isOpen()) {
            return camera.ref();
        }
        Devices d = devices.get();
        return (d == null ? java.util.List.<id.rekam.devices.DeviceMonitor.Attached>of()
                : d.monitor().attached(DeviceKind.CAMERA)).stream().map(a -> a.device().ref()).findFirst()
                .orElse(new DeviceRef("NONE-CAMERA", "camera", "-", "", "", false));
    }

    @Override
    public synchronized void open() {
        if (camera != null && camera.isOpen()) {
            return;
        }
        try {
            Devices d = devices.get();
            camera = d == null ? null : d.openCamera().orElse(null);
            failure = camera == null ? DeviceFailure.NO_DEVICE : null;
        } catch (DeviceException e) {
            camera = null;
            failure = Failures.of(e);
        }
        if (camera != null) {
            camera.start(frame -> {
                // Keep only the newest frames: the preview wants now, not a backlog.
                while (!frames.offerLast(frame)) {
                    frames.pollFirst();
                }
            });
        }
    }

    @Override
    public BufferedImage grab() {
        try {
            CameraFrame f = frames.pollFirst(200, TimeUnit.MILLISECONDS);
            return f == null ? null : f.image();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public java.util.Optional<DeviceFailure> failure() {
        return java.util.Optional.ofNullable(failure);
    }

    @Override
    public synchronized void close() {
        if (camera != null) {
            camera.stop();
            camera.close();
            camera = null;
        }
        frames.clear();
    }
}
