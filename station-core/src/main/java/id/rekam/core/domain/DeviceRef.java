package id.rekam.core.domain;

import java.util.Objects;

/**
 * Which physical device made a capture and which office owns it, so that a capture made
 * with equipment borrowed from a neighbouring kecamatan can be traced. A simulated device
 * says so here and therefore in every capture's provenance.
 */
public record DeviceRef(String deviceId, String kind, String model, String serial, String ownerOffice, boolean simulated) {

    public DeviceRef {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(kind, "kind");
        model = model == null ? "" : model;
        serial = serial == null ? "" : serial;
        ownerOffice = ownerOffice == null ? "" : ownerOffice;
    }
}
