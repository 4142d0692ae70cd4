package id.rekam.devices;

import java.util.List;

/**
 * Service provider interface for a family of devices, found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/id.rekam.devices.DeviceProvider}). Providers keep no UI state and
 * are called from the monitor's background thread.
 *
 * @param <D> the device type it opens
 */
public interface DeviceProvider<D extends Device> {

    /** Short stable name, e.g. {@code r30x} or {@code webcam}. */
    String id();

    DeviceKind kind();

    Class<D> deviceType();

    /** True if every device of this provider is simulated; such providers are off unless allowed. */
    boolean simulated();

    /** Called once before the first probe with the station's configuration. */
    void configure(DeviceContext context);

    /**
     * Lists devices attached now. Must return within the context's probe timeout; an empty
     * list means "none attached", an exception means the provider itself failed (driver
     * missing, permission denied) and carries the reason for the operator.
     */
    List<DetectedDevice> probe() throws DeviceException;

    /** Opens a device found by {@link #probe()}. */
    D open(DetectedDevice device) throws DeviceException;
}
