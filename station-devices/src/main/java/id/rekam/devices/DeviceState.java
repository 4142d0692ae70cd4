package id.rekam.devices;

/** What the monitor reports about a device or, with no device, about a provider. */
public enum DeviceState {
    CONNECTED, DISCONNECTED, FAILED
}
