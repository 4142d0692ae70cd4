package id.rekam.devices.fingerprint.synth;

import id.rekam.core.domain.FingerPosition;
import id.rekam.devices.fingerprint.FingerprintTemplates;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SIMULATED people with ten synthetic fingers each, for tests and demos of the 1:N check: person
 * {@code p}'s finger at position {@code f} is master {@code p × 10 + f.ordinal()}, and impression
 * {@code i} is the i-th placement of that finger on the sensor (0 = at enrollment, 1, 2... = when
 * the same person comes back). Templates are SourceAFIS's, extracted once (≈50 ms each) and kept.
 * Never a source of prints in production: the scanner's prints come from a person's finger.
 */
public final class SyntheticPeople {

    private final SyntheticFingerprints prints;
    private final FingerprintTemplates extractor = new FingerprintTemplates();
    private final Map<String, byte[]> templates = new ConcurrentHashMap<>();

    public SyntheticPeople(long seed) {
        this.prints = new SyntheticFingerprints(seed);
    }

    /** The SourceAFIS template of one placement of one of the person's fingers. Thread-safe. */
    public byte[] template(long person, FingerPosition position, int impression) {
        return templates.computeIfAbsent(person + "/" + position.ordinal() + "/" + impression, k -> {
            MasterFingerprint master = prints.master(person * 10 + position.ordinal());
            return extractor.serialize(extractor.extract(prints.impression(master, impression)));
        }).clone();
    }

    /** All ten fingers of one visit, extracted in parallel the first time. */
    public Map<FingerPosition, byte[]> prints(long person, int impression) {
        Map<FingerPosition, byte[]> out = Collections.synchronizedMap(new EnumMap<>(FingerPosition.class));
        java.util.Arrays.stream(FingerPosition.values()).parallel()
                .forEach(p -> out.put(p, template(person, p, impression)));
        return new EnumMap<>(out);
    }

    /**
     * The same prints filed one position on (the right thumb's as right index, ... the left
     * little's as right thumb): a person enrolled again with the fingers in another order.
     */
    public static Map<FingerPosition, byte[]> rotated(Map<FingerPosition, byte[]> prints) {
        FingerPosition[] all = FingerPosition.values();
        Map<FingerPosition, byte[]> out = new EnumMap<>(FingerPosition.class);
        prints.forEach((p, t) -> out.put(all[(p.ordinal() + 1) % all.length], t));
        return out;
    }

    /** The prints of the first {@code n} positions only (the others would be exceptions). */
    public static Map<FingerPosition, byte[]> first(Map<FingerPosition, byte[]> prints, int n) {
        Map<FingerPosition, byte[]> out = new EnumMap<>(FingerPosition.class);
        for (FingerPosition p : FingerPosition.values()) {
            if (out.size() < n && prints.containsKey(p)) {
                out.put(p, prints.get(p));
            }
        }
        return out;
    }
}
