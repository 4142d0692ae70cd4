package id.rekam.installer.selftest;

import com.github.sarxos.webcam.Webcam;
import com.github.sarxos.webcam.WebcamDiscoveryService;
import id.rekam.devices.scanner.JsscTransport;
import jssc.SerialNativeInterface;
import jssc.SerialPortList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Device drivers carry native code (jssc's serial library, BridJ's camera grabber) that fails
 * only at run time when a system library such as libv4l-0 is missing. A failing camera
 * driver is a warning, not a failure: a station can still record with a borrowed camera set
 * up later, but the technician must see why the camera list is empty.
 */
public final class DevicesCheck implements Check {

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
            String version = SerialNativeInterface.getNativeLibraryVersion();
            String[] ports = SerialPortList.getPortNames();
            passes.add("jssc native " + version + " loads; serial ports: "
                    + (ports.length == 0 ? "none" : String.join(", ", Arrays.asList(ports))));
        } catch (LinkageError | RuntimeException e) {
            failures.add("serial (jssc) native library does not load: " + CheckResult.describe(e));
        }
        try {
            passes.add(JsscTransport.describeReads());
        } catch (LinkageError | RuntimeException e) {
            failures.add("scanner reads (JNA calling libc) do not load: " + CheckResult.describe(e));
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
