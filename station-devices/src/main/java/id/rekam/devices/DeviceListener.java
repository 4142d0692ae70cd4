package id.rekam.devices;

/** Receives monitor news on the monitor's thread; UI code must hop to its own thread. */
@FunctionalInterface
public interface DeviceListener {
    void onStatus(DeviceStatus status);
}
