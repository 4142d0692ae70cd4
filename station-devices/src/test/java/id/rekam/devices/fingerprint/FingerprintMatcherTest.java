package id.rekam.devices.fingerprint;

import com.machinezoo.sourceafis.FingerprintTemplate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FingerprintMatcherTest {

    private static List<FingerprintMatcher.Enrolled<String>> bigGallery(SyntheticSet set) {
        // Large enough to take the parallel path; impostor templates repeated, the one
        // genuine template placed near the end.
        List<FingerprintMatcher.Enrolled<String>> gallery = new ArrayList<>();
        int n = FingerprintMatcher.PARALLEL_MIN + 200;
        for (int i = 0; i < n; i++) {
            int finger = 1 + i % (SyntheticSet.FINGERS - 1);
            gallery.add(new FingerprintMatcher.Enrolled<>("p" + i, set.template(finger, i % SyntheticSet.IMPRESSIONS)));
        }
        gallery.set(n - 3, new FingerprintMatcher.Enrolled<>("genuine", set.template(0, 1)));
        return gallery;
    }

    @Test
    void parallelSearchFindsTheSameAsAPlainLoop() {
        SyntheticSet set = SyntheticSet.get();
        FingerprintTemplate probe = set.template(0, 0);
        List<FingerprintMatcher.Enrolled<String>> gallery = bigGallery(set);
        FingerprintMatcher matcher = new FingerprintMatcher();

        List<FingerprintMatcher.Candidate<String>> hits = matcher.search(probe, gallery);

        com.machinezoo.sourceafis.FingerprintMatcher plain = new com.machinezoo.sourceafis.FingerprintMatcher(probe);
        List<String> expected = new ArrayList<>();
        for (FingerprintMatcher.Enrolled<String> e : gallery) {
            if (plain.match(e.template()) >= 40) {
                expected.add(e.key());
            }
        }
        assertThat(hits).extracting(FingerprintMatcher.Candidate::key).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).key()).isEqualTo("genuine");
        for (int i = 1; i < hits.size(); i++) {
            assertThat(hits.get(i).score()).isLessThanOrEqualTo(hits.get(i - 1).score());
        }
    }

    @Test
    void limitKeepsTheBestCandidates() {
        SyntheticSet set = SyntheticSet.get();
        List<FingerprintMatcher.Enrolled<Integer>> gallery = List.of(
                new FingerprintMatcher.Enrolled<>(1, set.template(3, 1)),
                new FingerprintMatcher.Enrolled<>(2, set.template(3, 2)),
                new FingerprintMatcher.Enrolled<>(3, set.template(4, 1)));
        FingerprintMatcher matcher = new FingerprintMatcher();
        List<FingerprintMatcher.Candidate<Integer>> all = matcher.search(set.template(3, 0), gallery);
        List<FingerprintMatcher.Candidate<Integer>> best = matcher.search(set.template(3, 0), gallery, 1);

        assertThat(all).extracting(FingerprintMatcher.Candidate::key).contains(1, 2).doesNotContain(3);
        assertThat(best).hasSize(1);
        assertThat(best.get(0)).isEqualTo(all.get(0));
    }

    @Test
    void thresholdIsConfigurable() {
        SyntheticSet set = SyntheticSet.get();
        FingerprintTemplate a = set.template(5, 0);
        FingerprintTemplate b = set.template(5, 1);
        double score = new FingerprintMatcher().score(a, b);

        assertThat(new FingerprintMatcher(score + 1).matches(a, b)).isFalse();
        assertThat(new FingerprintMatcher(score).matches(a, b)).isTrue();
        assertThat(new FingerprintMatcher(score + 1).search(a, List.of(new FingerprintMatcher.Enrolled<>("x", b))))
                .isEmpty();
        assertThat(new FingerprintMatcher().threshold()).isEqualTo(40);
        assertThatThrownBy(() -> new FingerprintMatcher(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
