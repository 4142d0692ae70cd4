package id.rekam.devices.camera;

import com.github.sarxos.webcam.WebcamDriver;

import java.time.Clock;

/**
 * The SIMULATED camera, offered only in demo mode or when {@code camera.driver=simulated}.
 * Its device references say simulated, so every photo taken with it says so too.
 */
public final class SimulatedCameraProvider extends AbstractWebcamProvider {

    private final Clock clock;

    public SimulatedCameraProvider() {
        this(Clock.systemUTC());
    }

    public SimulatedCameraProvider(Clock clock) {
        super(clock);
        this.clock = clock;
    }

    @Override
    public String id() {
        return "webcam-simulated";
    }

    @Override
    public boolean simulated() {
        return true;
    }

    @Override
    boolean enabled() {
        return context.config().simulatedAllowed();
    }

    @Override
    WebcamDriver createDriver() {
        return new SimulatedWebcamDriver(1, clock);
    }
}
