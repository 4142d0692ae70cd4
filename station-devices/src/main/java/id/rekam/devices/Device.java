package id.rekam.devices;

import id.rekam.core.domain.DeviceRef;

/** An opened capture device. Closing it releases the hardware (port, camera) for others. */
public interface Device extends AutoCloseable {

    /** The identity recorded in the provenance of every capture this device makes. */
    DeviceRef ref();

    /** False once the device was closed or was found unplugged. */
    boolean isOpen();

    @Override
    void close();
}
