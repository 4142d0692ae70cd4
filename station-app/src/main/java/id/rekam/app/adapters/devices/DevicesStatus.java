package id.rekam.app.adapters.devices;

import id.rekam.app.ports.DeviceStatusService;
import id.rekam.devices.DeviceKind;
import id.rekam.devices.DeviceStatus;
import id.rekam.devices.Devices;

import java.util.function.Supplier;
import java.util.ArrayList;
import java.util.List;

/** The status bar's device line, from the device monitor (camera and scanner, plugged or not). */
public final class DevicesStatus implements DeviceStatusService {

    private final Supplier<Devices> devices;

    /** @param devices the device layer; may still be starting (then this device reads as absent) */
    public DevicesStatus(Supplier<Devices> devices) {
        this.devices = devices;
    }

    public DevicesStatus(Devices devices) {
        this(() -> devices);
    }

    @Override
    public List<DeviceState> devices() {
        List<DeviceState> out = new ArrayList<>();
        Devices d = devices.get();
        for (DeviceKind kind : new DeviceKind[] {DeviceKind.CAMERA, DeviceKind.FINGERPRINT_SCANNER}) {
            String name = kind == DeviceKind.CAMERA ? "camera" : "fingerprint";
            var attached = d == null ? List.<id.rekam.devices.DeviceMonitor.Attached>of() : d.monitor().attached(kind);
            if (attached.isEmpty()) {
                out.add(new DeviceState(name, "-", false, false));
            } else {
                var ref = attached.get(0).device().ref();
                boolean ready = d.monitor().statuses().stream()
                        .filter(s -> s.kind() == kind).map(DeviceStatus::state)
                        .noneMatch(s -> s == id.rekam.devices.DeviceState.FAILED);
                out.add(new DeviceState(name, ref.model(), ready, ref.simulated()));
            }
        }
        return out;
    }

    @Override
    public Boolean online() {
        return null;
    }
}
