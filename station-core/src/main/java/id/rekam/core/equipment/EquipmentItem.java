package id.rekam.core.equipment;

import id.rekam.core.domain.DeviceRef;

import java.time.Instant;

/**
 * A device the station has seen: identity as the device layer gives it, the office that owns
 * it, and when it was first and last seen. Nothing personal, so kept in clear.
 */
public record EquipmentItem(String deviceId, String kind, String model, String serial, String ownerOffice,
                            boolean simulated, Instant firstSeen, Instant lastSeen) {

    public DeviceRef toRef() {
        return new DeviceRef(deviceId, kind, model, serial, ownerOffice, simulated);
    }
}
