package id.rekam.diag;

import id.rekam.devices.fingerprint.synth.SyntheticFingerSource;
import id.rekam.devices.scanner.FingerImageSource;

/**
 * The tests' finger on the emulator's sensor: one SYNTHETIC print, made once and placed every
 * time, so making prints does not compete for the CPU with the run being tested (on a loaded
 * build machine a new print at each placement delayed the emulator's replies past the scanner's
 * reply timeout).
 */
final class OnePrintSource implements FingerImageSource {

    private final byte[] print;

    OnePrintSource(long seed) {
        this.print = new SyntheticFingerSource(seed).image(1);
    }

    @Override
    public byte[] image(int placement) {
        return print.clone();
    }
}
