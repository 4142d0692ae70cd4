package id.rekam.identification;

import id.rekam.core.domain.FingerPosition;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The triangle keys the index files and looks up. The stored side is deliberately smaller than
 * the probe side (three neighbours against four): these tests keep that saving from costing the
 * evidence the ranking lives on.
 */
class TripletsTest {

    private final SyntheticPeople people = SyntheticPeople.get();

    @Test
    void everyKeyAStoredFingerIsFiledUnderIsOneItsOwnProbeAsksFor() {
        for (int person = 0; person < SyntheticPeople.GALLERY; person++) {
            for (byte[] template : people.enrolled(person).values()) {
                Minutiae m = Minutiae.read(template);
                int[] probe = Triplets.probe(m);
                for (int key : Triplets.stored(m)) {
                    assertThat(Arrays.binarySearch(probe, key)).as("stored key %d among the probe's", key)
                            .isGreaterThanOrEqualTo(0);
                }
            }
        }
    }

    @Test
    void aStoredFingerKeepsFewTrianglesYetAnotherImpressionSharesManyMoreOfThemThanAStrangersFinger() {
        double stored = 0;
        double genuine = 0;
        double impostor = 0;
        int fingers = 0;
        for (int person = 0; person < SyntheticPeople.GALLERY; person++) {
            Map<FingerPosition, byte[]> first = people.enrolled(person);
            Map<FingerPosition, byte[]> second = people.reenrolled(person);
            Map<FingerPosition, byte[]> other = people.enrolled((person + 1) % SyntheticPeople.GALLERY);
            for (FingerPosition p : FingerPosition.values()) {
                int[] keys = Triplets.stored(Minutiae.read(first.get(p)));
                stored += keys.length;
                genuine += shared(keys, Triplets.probe(Minutiae.read(second.get(p))));
                impostor += shared(keys, Triplets.probe(Minutiae.read(other.get(p))));
                fingers++; // one genuine and one impostor pair each
            }
        }
        stored /= fingers;
        genuine /= fingers;
        impostor /= fingers;
        // Measured on these prints: ≈62 stored keys a finger (≈115 with four neighbours), another
        // impression of the same finger shares ≈27 of them, another person's finger ≈3.
        assertThat(stored).as("stored keys per finger (the index's memory)").isBetween(40.0, 80.0);
        assertThat(genuine).as("keys shared with another impression of the finger").isGreaterThan(15.0);
        assertThat(genuine / Math.max(1.0, impostor)).as("genuine / impostor shared keys").isGreaterThan(5.0);
    }

    private static int shared(int[] stored, int[] probe) {
        int n = 0;
        for (int key : stored) {
            if (Arrays.binarySearch(probe, key) >= 0) {
                n++;
            }
        }
        return n;
    }
}
