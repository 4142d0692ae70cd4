package id.rekam.app.service;

import id.rekam.core.domain.DeviceRef;
import id.rekam.core.domain.FingerPosition;

import java.awt.image.BufferedImage;

/**
 * What the station has when no camera or scanner is attached: the steps say so honestly
 * (no frames, scans fail with a message) instead of inventing data.
 */
public final class AbsentDevices {

    private AbsentDevices() {
    }

    public static CameraService camera() {
        DeviceRef ref = new DeviceRef("NONE-CAMERA", "camera", "tidak ada kamera", "", "", false);
        return new CameraService() {
            @Override
            public DeviceRef device() {
                return ref;
            }

            @Override
            public void open() {
            }

            @Override
            public BufferedImage grab() {
                return null;
            }

            @Override
            public void close() {
            }
        };
    }

    public static FingerprintService scanner() {
        DeviceRef ref = new DeviceRef("NONE-SCANNER", "fingerprint", "tidak ada pemindai", "", "", false);
        return new FingerprintService() {
            @Override
            public DeviceRef device() {
                return ref;
            }

            @Override
            public FingerSample capture(FingerPosition position) throws ScanException {
                throw new ScanException("no fingerprint scanner is connected", null);
            }
        };
    }
}
