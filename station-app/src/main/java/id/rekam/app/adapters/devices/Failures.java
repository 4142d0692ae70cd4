package id.rekam.app.adapters.devices;

import id.rekam.app.ports.DeviceFailure;
import id.rekam.devices.CaptureTimeoutException;
import id.rekam.devices.DeviceException;

/** station-devices' message keys, sorted into what the operator can act on. */
final class Failures {

    private Failures() {
    }

    static DeviceFailure of(DeviceException e) {
        if (e instanceof CaptureTimeoutException) {
            return DeviceFailure.NO_FINGER;
        }
        String key = e.key() == null ? "" : e.key();
        return switch (key) {
            case "device.none", "camera.none" -> DeviceFailure.NO_DEVICE;
            case "r30x.timeout", "device.probe.timeout", "camera.driver.timeout", "camera.noFrame" ->
                    DeviceFailure.NOT_ANSWERING;
            case "r30x.closed", "device.state.disconnected", "scanner.swapped", "camera.failed" ->
                    DeviceFailure.DISCONNECTED;
            case "r30x.open", "scanner.busy" -> DeviceFailure.PORT_UNAVAILABLE;
            // Codes of the sensor's own matching and storage, which the desk never asks for: an answer
            // to a question not asked is as good as a damaged one.
            case "r30x.checksum", "r30x.protocol", "r30x.code.01", "r30x.code.08", "r30x.code.09", "r30x.code.0B",
                 "r30x.code.0D", "r30x.code.0F", "r30x.code.13", "r30x.code.unknown" -> DeviceFailure.CORRUPTED;
            case "scanner.noFinger", "r30x.code.02" -> DeviceFailure.NO_FINGER;
            case "r30x.code.03", "r30x.code.06", "r30x.code.07", "r30x.code.0A", "r30x.code.15" -> DeviceFailure.BAD_IMAGE;
            case "camera.driver.failed", "camera.driver.native", "device.provider.failed", "device.state.failed" ->
                    DeviceFailure.DRIVER;
            case "scanner.cancelled" -> DeviceFailure.CANCELLED;
            default -> DeviceFailure.UNKNOWN;
        };
    }
}
