package id.rekam.devices.camera;

import com.github.sarxos.webcam.WebcamDriver;
import com.github.sarxos.webcam.ds.buildin.WebcamDefaultDriver;

import java.time.Clock;

/**
 * Real cameras through webcam-capture. {@code camera.driver=default} picks its built-in
 * BridJ/OpenIMAJ driver (needs Debian's libv4l-0 on Linux); a class name picks another
 * {@code WebcamDriver} on the class path (e.g. a V4L4j or GStreamer driver); {@code none}
 * or {@code simulated} turns real cameras off.
 */
public final class WebcamCameraProvider extends AbstractWebcamProvider {

    public WebcamCameraProvider() {
        this(Clock.systemUTC());
    }

    public WebcamCameraProvider(Clock clock) {
        super(clock);
    }

    @Override
    public String id() {
        return "webcam";
    }

    @Override
    public boolean simulated() {
        return false;
    }

    @Override
    boolean enabled() {
        String d = context.config().cameraDriver();
        return !"none".equalsIgnoreCase(d) && !"simulated".equalsIgnoreCase(d);
    }

    @Override
    WebcamDriver createDriver() throws Exception {
        String d = context.config().cameraDriver();
        if ("default".equalsIgnoreCase(d)) {
            return new WebcamDefaultDriver();
        }
        return Class.forName(d).asSubclass(WebcamDriver.class).getDeclaredConstructor().newInstance();
    }
}
