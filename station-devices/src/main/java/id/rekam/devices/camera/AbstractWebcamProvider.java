package id.rekam.devices.camera;

import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamDriver;
import id.rekam.devices.Camera;
import id.rekam.devices.DetectedDevice;
import id.rekam.devices.DeviceContext;
import id.rekam.devices.DeviceException;
import id.rekam.devices.DeviceIdentity;
import id.rekam.devices.DeviceKind;
import id.rekam.devices.DeviceProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cameras of one webcam-capture driver instance. The driver is created lazily on its own
 * thread, with a timeout, the first time the monitor probes, so a native library that fails
 * to load (BridJ's OpenIMAJGrabber without libv4l) or hangs becomes a reported state
 * ("no camera: driver failed: …") instead of an error on the caller's thread. A driver that
 * failed to load is not retried: the JVM would refuse the same native library again.
 */
abstract class AbstractWebcamProvider implements DeviceProvider<Camera> {

    private static final Logger LOG = LoggerFactory.getLogger(AbstractWebcamProvider.class);

    private final Clock clock;
    private final Map<String, WebcamDevice> byName = new ConcurrentHashMap<>();
    protected DeviceContext context;
    private DriverThread thread;
    private WebcamDriver driver;
    private DeviceException failure;

    AbstractWebcamProvider(Clock clock) {
        this.clock = clock;
    }

    /** Creates the driver; runs on the driver thread and may throw anything, linkage errors included. */
    abstract WebcamDriver createDriver() throws Exception;

    /** Whether the configuration wants this provider's cameras at all. */
    abstract boolean enabled();

    @Override
    public DeviceKind kind() {
        return DeviceKind.CAMERA;
    }

    @Override
    public Class<Camera> deviceType() {
        return Camera.class;
    }

    @Override
    public void configure(DeviceContext context) {
        this.context = context;
    }

    @Override
    public List<DetectedDevice> probe() throws DeviceException {
        if (!enabled()) {
            return List.of();
        }
        WebcamDriver d = driver();
        List<WebcamDevice> devices;
        try {
            devices = thread.call(d::getDevices, context.config().probeTimeout(),
                    "camera.driver.timeout", "camera.driver.failed");
        } catch (DeviceException e) {
            if (nativeLoadFailure(e)) {
                // BridJ loads its native grabber on first discovery; a failed load will not heal, and retrying
                // extracts the library to a new temporary directory every poll.
                DeviceException reported = new DeviceException(e.getCause(), "camera.driver.native", e.args()[0]);
                synchronized (this) {
                    failure = reported;
                }
                LOG.warn("camera driver {} unusable: {}", id(), reported.getMessage());
                throw reported;
            }
            throw e;
        }
        List<DetectedDevice> found = new ArrayList<>();
        for (WebcamDevice device : devices) {
            String name = device.getName();
            byName.put(name, device);
            found.add(new DetectedDevice(context.registry().identify(new DeviceIdentity(kind(),
                    "camera|" + d.getClass().getName() + "|" + name, name, "", simulated())), name));
        }
        return found;
    }

    @Override
    public Camera open(DetectedDevice device) throws DeviceException {
        WebcamDevice wd = byName.get(device.connection());
        if (wd == null) {
            throw new DeviceException("camera.failed", device.connection());
        }
        return new WebcamDeviceCamera(wd, device.ref(), thread, context.config().cameraFps(), clock);
    }

    private static boolean nativeLoadFailure(DeviceException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LinkageError || String.valueOf(t.getMessage()).contains("not loaded successfully")) {
                return true;
            }
        }
        return false;
    }

    private synchronized WebcamDriver driver() throws DeviceException {
        if (failure != null) {
            throw failure;
        }
        if (driver == null) {
            thread = new DriverThread(id());
            try {
                driver = thread.call(this::createDriver, context.config().probeTimeout(),
                        "camera.driver.timeout", "camera.driver.failed");
                LOG.info("camera driver {} loaded: {}", id(), driver.getClass().getName());
            } catch (DeviceException e) {
                failure = e;
                LOG.warn("camera driver {} unusable: {}", id(), e.getMessage());
                throw e;
            }
        }
        return driver;
    }
}
