package id.rekam.devices.fingerprint;

import com.machinezoo.sourceafis.FingerprintTemplate;
import id.rekam.devices.fingerprint.synth.MasterFingerprint;
import id.rekam.devices.fingerprint.synth.SyntheticFingerprints;

import java.util.stream.IntStream;

/**
 * A small set of SIMULATED prints shared by the tests of this package: {@value #FINGERS}
 * fingers × {@value #IMPRESSIONS} impressions, made once per test JVM (~10 s on 2 cores).
 */
final class SyntheticSet {

    static final long SEED = 20_260_101L;
    static final int FINGERS = 24;
    static final int IMPRESSIONS = 3;

    private static SyntheticSet instance;

    final GrayImage[][] images = new GrayImage[FINGERS][IMPRESSIONS];
    final ExtractedFingerprint[][] extracted = new ExtractedFingerprint[FINGERS][IMPRESSIONS];

    private SyntheticSet() {
        SyntheticFingerprints generator = new SyntheticFingerprints(SEED);
        FingerprintTemplates templates = new FingerprintTemplates();
        IntStream.range(0, FINGERS).parallel().forEach(f -> {
            MasterFingerprint master = generator.master(f);
            for (int i = 0; i < IMPRESSIONS; i++) {
                images[f][i] = generator.impression(master, i);
                extracted[f][i] = templates.extractWithQuality(images[f][i]);
            }
        });
    }

    static synchronized SyntheticSet get() {
        if (instance == null) {
            instance = new SyntheticSet();
        }
        return instance;
    }

    FingerprintTemplate template(int finger, int impression) {
        return extracted[finger][impression].template();
    }
}
