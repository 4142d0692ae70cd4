package id.rekam.devices.camera;

import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamDriver;

import java.time.Clock;
import java.util.List;

/**
 * SIMULATED camera driver on webcam-capture's own driver SPI. It can also be given to
 * {@code Webcam.setDriver} by tools, but the station never does: that setting is global.
 *
 * <p>Its device list can change while the station runs ({@link #unplug}, {@link #plug}), as a
 * real driver's list does when a USB camera is pulled out or a borrowed one is plugged in:
 * the device monitor re-reads {@link #getDevices()} on every poll, which is how webcam-capture's
 * own discovery service finds cameras too (it polls {@code getDevices()} for drivers that do not
 * announce changes themselves).
 */
public final class SimulatedWebcamDriver implements WebcamDriver {

    private final List<WebcamDevice> devices;

    public SimulatedWebcamDriver() {
        this(1, Clock.systemUTC());
    }

    public SimulatedWebcamDriver(int cameras, Clock clock) {
        this.devices = new java.util.concurrent.CopyOnWriteArrayList<>(java.util.stream.IntStream.rangeClosed(1, cameras)
                .<WebcamDevice>mapToObj(i -> new SimulatedWebcamDevice(i, clock)).toList());
    }

    @Override
    public List<WebcamDevice> getDevices() {
        return List.copyOf(devices);
    }

    /** The camera is pulled out: gone from the list, and closed under whoever was grabbing from it. */
    public void unplug(String name) {
        for (WebcamDevice d : devices) {
            if (d.getName().equals(name)) {
                devices.remove(d);
                if (d.isOpen()) {
                    d.close();
                }
            }
        }
    }

    /** A camera is plugged in (the same one again, or another). */
    public void plug(WebcamDevice device) {
        devices.add(device);
    }

    @Override
    public boolean isThreadSafe() {
        return true;
    }

    @Override
    public String toString() {
        return "SIMULATED webcam driver";
    }
}
