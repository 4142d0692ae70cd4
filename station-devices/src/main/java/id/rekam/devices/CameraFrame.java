package id.rekam.devices;

import id.rekam.core.domain.DeviceRef;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.Objects;

/** One frame and where and when it was taken. The image must not be modified by listeners. */
public record CameraFrame(BufferedImage image, DeviceRef device, Instant capturedAt, long sequence) {

    public CameraFrame {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(capturedAt, "capturedAt");
    }
}
