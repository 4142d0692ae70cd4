package id.rekam.devices.fingerprint.synth;

import id.rekam.devices.fingerprint.GrayImage;
import id.rekam.devices.scanner.FingerImageSource;

/**
 * The R30x emulator's "finger on the sensor" as a SYNTHETIC fingerprint (demo mode, tests): a new
 * finger at every placement, so recordings of different people do not match each other.
 */
public final class SyntheticFingerSource implements FingerImageSource {

    private final SyntheticFingerprints prints;

    public SyntheticFingerSource(long seed) {
        this.prints = new SyntheticFingerprints(seed);
    }

    @Override
    public byte[] image(int placement) {
        GrayImage img = prints.impression(prints.master(placement), 0, WIDTH, HEIGHT);
        return img.pixels();
    }
}
