package id.rekam.devices;

import java.util.Objects;

/** What a provider gets from the station: its settings and the registry naming its devices. */
public record DeviceContext(DeviceConfig config, DeviceRegistry registry) {

    public DeviceContext {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(registry, "registry");
    }
}
