package id.rekam.devices.fingerprint;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SourceAFIS on generated prints behaves like on real ones: impressions of one finger
 * match, different fingers do not. The large run with score distributions is
 * {@code id.rekam.bench.fingerprint.SyntheticPrintsBench} (docs/benchmarks.md).
 */
class SyntheticMatchingTest {

    @Test
    void genuineMatchRateAndFalseMatchRateAtThreshold40() {
        SyntheticSet set = SyntheticSet.get();
        FingerprintMatcher matcher = new FingerprintMatcher();

        List<Double> genuine = new ArrayList<>();
        for (int f = 0; f < SyntheticSet.FINGERS; f++) {
            for (int i = 0; i < SyntheticSet.IMPRESSIONS; i++) {
                for (int j = i + 1; j < SyntheticSet.IMPRESSIONS; j++) {
                    genuine.add(matcher.score(set.template(f, i), set.template(f, j)));
                }
            }
        }
        List<Double> impostor = new ArrayList<>();
        for (int f = 0; f < SyntheticSet.FINGERS; f++) {
            for (int g = 0; g < SyntheticSet.FINGERS; g++) {
                if (f != g) {
                    impostor.add(matcher.score(set.template(f, 0), set.template(g, 1)));
                }
            }
        }
        double gmr = genuine.stream().filter(s -> s >= 40).count() / (double) genuine.size();
        double fmr = impostor.stream().filter(s -> s >= 40).count() / (double) impostor.size();

        assertThat(genuine).hasSize(72);
        assertThat(impostor).hasSize(552);
        assertThat(gmr).as("genuine match rate at 40").isGreaterThanOrEqualTo(0.9);
        assertThat(fmr).as("false match rate at 40").isLessThanOrEqualTo(0.01);
    }

    @Test
    void searchFindsTheEnrolledFingerFirst() {
        SyntheticSet set = SyntheticSet.get();
        List<FingerprintMatcher.Enrolled<Integer>> gallery = new ArrayList<>();
        for (int f = 0; f < SyntheticSet.FINGERS; f++) {
            gallery.add(new FingerprintMatcher.Enrolled<>(f, set.template(f, 0)));
        }
        FingerprintMatcher matcher = new FingerprintMatcher();
        int found = 0;
        for (int f = 0; f < SyntheticSet.FINGERS; f++) {
            List<FingerprintMatcher.Candidate<Integer>> hits = matcher.search(set.template(f, 2), gallery, 3);
            if (!hits.isEmpty() && hits.get(0).key() == f) {
                found++;
            }
        }
        assertThat(found).isGreaterThanOrEqualTo(SyntheticSet.FINGERS - 2);
    }

    @Test
    void syntheticPrintsRateAsUsableQuality() {
        SyntheticSet set = SyntheticSet.get();
        int usable = 0;
        for (ExtractedFingerprint[] finger : set.extracted) {
            for (ExtractedFingerprint e : finger) {
                assertThat(e.quality().minutiae()).isGreaterThan(10);
                if (e.quality().score() >= 50) {
                    usable++;
                }
            }
        }
        assertThat(usable).isGreaterThanOrEqualTo(SyntheticSet.FINGERS * SyntheticSet.IMPRESSIONS * 9 / 10);
    }
}
