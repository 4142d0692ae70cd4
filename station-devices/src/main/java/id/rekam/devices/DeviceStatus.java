package id.rekam.devices;

import id.rekam.core.domain.DeviceRef;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A state change published by the {@link DeviceMonitor}. {@code device} is empty for
 * provider-level news ("no camera", "driver failed: …"). {@code reasonKey} names a text in
 * the device message bundle; {@code detail} is its argument (e.g. the driver's error).
 */
public record DeviceStatus(DeviceKind kind, String providerId, DeviceRef device, DeviceState state,
                           String reasonKey, String detail) {

    public DeviceStatus {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(state, "state");
        reasonKey = reasonKey == null ? "" : reasonKey;
        detail = detail == null ? "" : detail;
    }

    public Optional<DeviceRef> deviceRef() {
        return Optional.ofNullable(device);
    }

    /** Operator-facing text, e.g. "Kamera tidak ada" or "Driver kamera gagal: …". */
    public String message(Locale locale) {
        if (reasonKey.isEmpty()) {
            return DeviceMessages.format(locale, "device.state." + state.name().toLowerCase(Locale.ROOT),
                    device == null ? providerId : device.model());
        }
        return DeviceMessages.format(locale, reasonKey, detail);
    }
}
