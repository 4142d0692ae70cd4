package id.rekam.devices;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The station's entry point to its devices: loads providers with {@link ServiceLoader},
 * drops simulated ones unless the configuration allows them (demo mode or explicit
 * setting), and runs the {@link DeviceMonitor}. The app asks it for a camera or a scanner
 * when a capture screen opens and listens to the monitor for plug/unplug news.
 */
public final class Devices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Devices.class);

    private final DeviceContext context;
    private final List<DeviceProvider<?>> providers;
    private final DeviceMonitor monitor;

    private Devices(DeviceContext context, List<DeviceProvider<?>> providers) {
        this.context = context;
        this.providers = List.copyOf(providers);
        this.providers.forEach(p -> p.configure(context));
        this.monitor = new DeviceMonitor(this.providers, context.config().monitorInterval(), context.config().probeTimeout());
    }

    /** Providers from the class path; simulated ones only when the configuration allows them. */
    public static Devices load(DeviceConfig config, DeviceRegistry registry) {
        List<DeviceProvider<?>> found = new ArrayList<>();
        for (DeviceProvider<?> p : ServiceLoader.load(DeviceProvider.class)) {
            if (p.simulated() && !config.simulatedAllowed()) {
                LOG.debug("simulated device provider {} off: not demo mode", p.id());
                continue;
            }
            found.add(p);
        }
        return new Devices(new DeviceContext(config, registry), found);
    }

    /** Explicit providers, for tests and tools. */
    public static Devices of(DeviceConfig config, DeviceRegistry registry, List<DeviceProvider<?>> providers) {
        return new Devices(new DeviceContext(config, registry), providers);
    }

    public DeviceMonitor monitor() {
        return monitor;
    }

    public DeviceContext context() {
        return context;
    }

    public List<DeviceProvider<?>> providers() {
        return providers;
    }

    /** Starts background polling; listeners added before see the first results. */
    public Devices start() {
        monitor.start();
        return this;
    }

    /** The first attached camera, real ones before simulated ones. */
    public Optional<Camera> openCamera() throws DeviceException {
        return open(DeviceKind.CAMERA, Camera.class);
    }

    /** The first attached fingerprint scanner, real ones before simulated ones. */
    public Optional<FingerprintScanner> openScanner() throws DeviceException {
        return open(DeviceKind.FINGERPRINT_SCANNER, FingerprintScanner.class);
    }

    private <D extends Device> Optional<D> open(DeviceKind kind, Class<D> type) throws DeviceException {
        List<DeviceMonitor.Attached> attached = new ArrayList<>(monitor.attached(kind));
        attached.sort(Comparator.comparing(a -> a.device().ref().simulated()));
        for (DeviceMonitor.Attached a : attached) {
            if (type.isAssignableFrom(a.provider().deviceType())) {
                return Optional.of(type.cast(a.provider().open(a.device())));
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        monitor.close();
    }
}
