package id.rekam.installer.selftest;

import com.github.sarxos.webcam.Webcam;
import com.github.sarxos.webcam.WebcamDiscoveryService;
import id.rekam.diag.scanner.SerialDriver;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Device drivers carry native code (jssc's serial library, BridJ's camera grabber) that fails
 * only at run time when a system library such as libv4l-0 is missing. A failing camera
 * driver is a warning, not a failure: a station can still record with a borrowed camera set
 * up later, but the technician must see why the camera list is empty.
 */
public final class DevicesCheck extends SelfTestCheck {

    private final long cameraTimeoutMillis;

    public DevicesCheck() {
        this(10_000);
    }

    public DevicesCheck(long cameraTimeoutMillis) {
        this.cameraTimeoutMillis = cameraTimeoutMillis;
    }

    @Override
    public String name() {
        return "devices";
    }

    @Override
    public CheckResult run() {
        List<String> failures = new ArrayList<>();
        List<String> passes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        try {
            SerialDriver.Facts serial = SerialDriver.load();
            passes.add("jssc native " + serial.jssc() + " loads; serial ports: "
                    + (serial.ports().isEmpty() ? "none" : String.join(", ", serial.ports())));
            passes.add(serial.reads());
        } catch (LinkageError | RuntimeException e) {
            failures.add("serial driver (jssc native library, or JNA calling libc for scanner reads) does not load: "
                    + CheckResult.describe(e));
        }
        try {
            List<Webcam> cams = Webcam.getWebcams(cameraTimeoutMillis, TimeUnit.MILLISECONDS);
            passes.add("camera driver " + Webcam.getDriver().getClass().getSimpleName() + " loads; cameras: "
                    + (cams.isEmpty() ? "none" : cams.stream().map(Webcam::getName).toList()));
        } catch (Exception | LinkageError e) {
            warnings.add("camera driver does not load (on Debian/Ubuntu install libv4l-0): " + CheckResult.describe(e));
        } finally {
            WebcamDiscoveryService discovery = Webcam.getDiscoveryServiceRef();
            if (discovery != null) {
                discovery.stop();
            }
        }
        if (!failures.isEmpty()) {
            return CheckResult.of(concat(failures, warnings), passes);
        }
        return warnings.isEmpty() ? CheckResult.pass(passes.toArray(String[]::new))
                : new CheckResult(CheckResult.Status.WARN, concat(warnings, passes));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
