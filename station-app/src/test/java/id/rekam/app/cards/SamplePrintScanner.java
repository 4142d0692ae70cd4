package id.rekam.app.cards;

import id.rekam.app.ports.FingerprintService;
import id.rekam.core.cards.FingerprintVerifier;
import id.rekam.core.domain.DeviceRef;
import id.rekam.core.domain.FingerPosition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * SIMULATED scanner for tests: "captures" one of the real sample prints in
 * {@code /fingerprints/} (SourceAFIS test images, Apache-2.0) and extracts its template with
 * SourceAFIS, as a real capture would.
 */
public final class SamplePrintScanner implements FingerprintService {

    private final DeviceRef device = new DeviceRef("SIM-SAMPLES", "fingerprint", "SIMULATED sample-print scanner",
            "S-0", "TEST", true);
    private volatile String next = "probe.png";

    public void nextFinger(String imageName) {
        next = imageName;
    }

    public static byte[] read(String name) {
        try (InputStream in = SamplePrintScanner.class.getResourceAsStream("/fingerprints/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public DeviceRef device() {
        return device;
    }

    @Override
    public FingerSample capture(FingerPosition position) {
        byte[] image = read(next);
        return new FingerSample(image, "PNG", FingerprintVerifier.templateFromImage(image, 500), 80);
    }
}
