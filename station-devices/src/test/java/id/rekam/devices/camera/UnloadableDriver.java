package id.rekam.devices.camera;

import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamDriver;

import java.util.List;

/** Test double of a driver whose native part is missing, failing the way BridJ does without libv4l. */
public class UnloadableDriver implements WebcamDriver {

    public UnloadableDriver() {
        throw new UnsatisfiedLinkError("/tmp/OpenIMAJGrabber.so: libv4l2.so.0: cannot open shared object file");
    }

    @Override
    public List<WebcamDevice> getDevices() {
        return List.of();
    }

    @Override
    public boolean isThreadSafe() {
        return false;
    }
}
