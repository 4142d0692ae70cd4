package id.rekam.devices.camera;

import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamDriver;

import java.time.Clock;
import java.util.List;

/**
 * SIMULATED camera driver on webcam-capture's own driver SPI. It can also be given to
 * {@code Webcam.setDriver} by tools, but the station never does: that setting is global.
 */
public final class SimulatedWebcamDriver implements WebcamDriver {

    private final List<WebcamDevice> devices;

    public SimulatedWebcamDriver() {
        this(1, Clock.systemUTC());
    }

    public SimulatedWebcamDriver(int cameras, Clock clock) {
        this.devices = java.util.stream.IntStream.rangeClosed(1, cameras)
                .<WebcamDevice>mapToObj(i -> new SimulatedWebcamDevice(i, clock)).toList();
    }

    @Override
    public List<WebcamDevice> getDevices() {
        return devices;
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
