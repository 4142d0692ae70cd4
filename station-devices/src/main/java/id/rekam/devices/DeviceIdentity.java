package id.rekam.devices;

import java.util.Objects;

/**
 * What a provider can tell about a device it found: a key stable across replugging
 * (e.g. port + address + system parameters for an R30x, which has no serial number),
 * and whatever model/serial the device reports. The registry turns it into a DeviceRef.
 */
public record DeviceIdentity(DeviceKind kind, String key, String model, String serial, boolean simulated) {

    public DeviceIdentity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        model = model == null ? "" : model;
        serial = serial == null ? "" : serial;
    }
}
