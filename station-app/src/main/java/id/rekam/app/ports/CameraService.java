package id.rekam.app.ports;

import id.rekam.core.domain.DeviceRef;

import java.awt.image.BufferedImage;

/** The photo camera. Called from a background thread only: grabbing may block. */
public interface CameraService {

    DeviceRef device();

    void open();

    /** The next frame, or null when none is available right now. */
    BufferedImage grab();

    void close();

    /** Why the last {@link #open()} gave no camera; empty while the camera works. */
    default java.util.Optional<DeviceFailure> failure() {
        return java.util.Optional.empty();
    }
}
