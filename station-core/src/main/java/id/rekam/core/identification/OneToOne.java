package id.rekam.core.identification;

import java.util.ArrayList;
import java.util.List;

/**
 * Maximum one-to-one pairing of probe fingers with stored fingers (Kuhn's augmenting paths on
 * a 10 × 10 graph): each finger may stand for one finger of the other side only, so one good
 * probe finger matching three stored fingers counts once.
 */
final class OneToOne {

    private OneToOne() {
    }

    /** @param edges candidate pairs, best first; the result keeps as many as can be paired. */
    static List<DuplicatePolicy.FingerScore> maximum(List<DuplicatePolicy.FingerScore> edges, int fingers) {
        List<List<DuplicatePolicy.FingerScore>> byProbe = new ArrayList<>();
        for (int i = 0; i < fingers; i++) {
            byProbe.add(new ArrayList<>());
        }
        for (DuplicatePolicy.FingerScore e : edges) {
            byProbe.get(e.probe().ordinal()).add(e);
        }
        DuplicatePolicy.FingerScore[] pairedWith = new DuplicatePolicy.FingerScore[fingers];
        for (int p = 0; p < fingers; p++) {
            augment(p, byProbe, pairedWith, new boolean[fingers]);
        }
        List<DuplicatePolicy.FingerScore> out = new ArrayList<>();
        for (DuplicatePolicy.FingerScore e : pairedWith) {
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    private static boolean augment(int probe, List<List<DuplicatePolicy.FingerScore>> byProbe,
                                   DuplicatePolicy.FingerScore[] pairedWith, boolean[] seen) {
        for (DuplicatePolicy.FingerScore e : byProbe.get(probe)) {
            int stored = e.stored().ordinal();
            if (seen[stored]) {
                continue;
            }
            seen[stored] = true;
            DuplicatePolicy.FingerScore current = pairedWith[stored];
            if (current == null || augment(current.probe().ordinal(), byProbe, pairedWith, seen)) {
                pairedWith[stored] = e;
                return true;
            }
        }
        return false;
    }
}
