package id.rekam.devices;

import id.rekam.core.domain.DeviceRef;

import java.util.Objects;

/** A device a provider found attached; {@code connection} is what the provider needs to open it. */
public record DetectedDevice(DeviceRef ref, String connection) {

    public DetectedDevice {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(connection, "connection");
    }
}
