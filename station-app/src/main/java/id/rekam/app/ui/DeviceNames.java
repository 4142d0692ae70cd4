package id.rekam.app.ui;

import id.rekam.core.domain.DeviceRef;

import java.util.ResourceBundle;

/**
 * A device as the desk names it: its model, then "SIMULASI" (in the desk's language) once for a
 * simulator, or its serial number. Simulators put "(SIMULATED)" in their model name for logs and
 * packets; shown as it was, the desk said "R30x EMULATOR (SIMULATED) (SIMULASI)".
 */
public final class DeviceNames {

    private DeviceNames() {
    }

    public static String of(DeviceRef device, ResourceBundle bundle) {
        String model = device.model().replaceAll("\\s*\\(SIMULATED\\)", "").replaceAll("(?i)^SIMULATED\\s+", "").strip();
        if (device.simulated()) {
            return model + " \u00b7 " + bundle.getString("device.simulated");
        }
        return device.serial() == null || device.serial().isBlank() ? model : model + " \u00b7 " + device.serial();
    }
}
