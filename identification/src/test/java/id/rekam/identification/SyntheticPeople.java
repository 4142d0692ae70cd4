package id.rekam.identification;

import id.rekam.core.domain.FingerPosition;
import id.rekam.devices.fingerprint.FingerprintTemplates;
import id.rekam.devices.fingerprint.synth.MasterFingerprint;
import id.rekam.devices.fingerprint.synth.SyntheticFingerprints;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * SIMULATED people for the tests: person p's finger f is master {@code p × 10 + f}; impression
 * 0 is the enrolment, impression 1 a re-enrolment of the same fingers. Made once per JVM
 * (about 15 CPU-seconds) and shared by the test classes.
 */
final class SyntheticPeople {

    static final int GALLERY = 12;
    /** People never enrolled: ids from here up. */
    static final int NEW_FROM = 1000;
    static final int NEW_PEOPLE = 3;

    private static final long SEED = 2040;
    private static volatile SyntheticPeople shared;

    private final byte[][][] enrolled = new byte[GALLERY][][];
    private final byte[][][] reenrolled = new byte[GALLERY][][];
    private final byte[][][] strangers = new byte[NEW_PEOPLE][][];

    static SyntheticPeople get() {
        if (shared == null) {
            synchronized (SyntheticPeople.class) {
                if (shared == null) {
                    shared = new SyntheticPeople();
                }
            }
        }
        return shared;
    }

    private SyntheticPeople() {
        SyntheticFingerprints gen = new SyntheticFingerprints(SEED);
        FingerprintTemplates extractor = new FingerprintTemplates();
        IntStream.range(0, GALLERY + NEW_PEOPLE).parallel().forEach(i -> {
            boolean stranger = i >= GALLERY;
            int person = stranger ? NEW_FROM + i - GALLERY : i;
            byte[][] first = new byte[10][];
            byte[][] second = new byte[10][];
            for (int f = 0; f < 10; f++) {
                MasterFingerprint master = gen.master((long) person * 10 + f);
                first[f] = extractor.extract(gen.impression(master, 0)).toByteArray();
                if (!stranger) {
                    second[f] = extractor.extract(gen.impression(master, 1)).toByteArray();
                }
            }
            if (stranger) {
                strangers[i - GALLERY] = first;
            } else {
                enrolled[i] = first;
                reenrolled[i] = second;
            }
        });
    }

    static String id(int person) {
        return "person-" + person;
    }

    Map<FingerPosition, byte[]> enrolled(int person) {
        return prints(enrolled[person]);
    }

    Map<FingerPosition, byte[]> reenrolled(int person) {
        return prints(reenrolled[person]);
    }

    Map<FingerPosition, byte[]> stranger(int k) {
        return prints(strangers[k]);
    }

    Map<String, Map<FingerPosition, byte[]>> gallery() {
        Map<String, Map<FingerPosition, byte[]>> all = new java.util.TreeMap<>();
        for (int p = 0; p < GALLERY; p++) {
            all.put(id(p), enrolled(p));
        }
        return all;
    }

    /** The store the engine reads short-listed people from. */
    TemplateSource source() {
        Map<String, Map<FingerPosition, byte[]>> all = gallery();
        return id -> all.getOrDefault(id, Map.of());
    }

    private static Map<FingerPosition, byte[]> prints(byte[][] templates) {
        Map<FingerPosition, byte[]> m = new EnumMap<>(FingerPosition.class);
        for (FingerPosition p : FingerPosition.values()) {
            m.put(p, templates[p.ordinal()]);
        }
        return m;
    }
}
