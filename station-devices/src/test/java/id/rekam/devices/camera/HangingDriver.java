package id.rekam.devices.camera;

import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamDriver;

import java.util.List;

/** Test double of a native driver whose discovery never comes back (seen with broken V4L setups). */
public class HangingDriver implements WebcamDriver {

    @Override
    public List<WebcamDevice> getDevices() {
        try {
            Thread.sleep(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return List.of();
    }

    @Override
    public boolean isThreadSafe() {
        return false;
    }
}
