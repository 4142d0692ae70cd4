package id.rekam.devices.camera;

import com.github.sarxos.webcam.WebcamDriver;

import java.time.Clock;

/**
 * The SIMULATED camera, offered only in demo mode or when {@code camera.driver=simulated}.
 * Its device references say simulated, so every photo taken with it says so too.
 */
public final class SimulatedCameraProvider extends AbstractWebcamProvider {

    private final Clock clock;
    private final SimulatedWebcamDriver driver;

    public SimulatedCameraProvider() {
        this(Clock.systemUTC());
    }

    public SimulatedCameraProvider(Clock clock) {
        this(clock, null);
    }

    /** @param driver a driver whose cameras a test plugs and unplugs; null = one camera */
    public SimulatedCameraProvider(Clock clock, SimulatedWebcamDriver driver) {
        super(clock);
        this.clock = clock;
        this.driver = driver;
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
        return driver != null ? driver : new SimulatedWebcamDriver(1, clock);
    }
}
