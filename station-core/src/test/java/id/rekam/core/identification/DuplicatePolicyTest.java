package id.rekam.core.identification;

import id.rekam.core.domain.FingerPosition;
import id.rekam.core.identification.DuplicatePolicy.FingerScore;
import id.rekam.core.identification.DuplicatePolicy.Verdict;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static id.rekam.core.domain.FingerPosition.LEFT_INDEX;
import static id.rekam.core.domain.FingerPosition.LEFT_THUMB;
import static id.rekam.core.domain.FingerPosition.RIGHT_INDEX;
import static id.rekam.core.domain.FingerPosition.RIGHT_MIDDLE;
import static id.rekam.core.domain.FingerPosition.RIGHT_THUMB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DuplicatePolicyTest {

    private final DuplicatePolicy policy = new DuplicatePolicy(60, 2, true, 3, 4);

    private static FingerScore s(FingerPosition probe, FingerPosition stored, double score) {
        return new FingerScore(probe, stored, score);
    }

    @Test
    void twoSamePositionFingersAtTheThresholdAreAPossibleDuplicate() {
        assertThat(policy.assess(List.of(s(RIGHT_THUMB, RIGHT_THUMB, 60), s(RIGHT_INDEX, RIGHT_INDEX, 200))).verdict())
                .isEqualTo(Verdict.POSSIBLE_DUPLICATE);
        assertThat(policy.assess(List.of(s(RIGHT_THUMB, RIGHT_THUMB, 59.9), s(RIGHT_INDEX, RIGHT_INDEX, 200))).verdict())
                .as("one matching finger is chance").isEqualTo(Verdict.NO_MATCH);
    }

    @Test
    void matchesOnlyAcrossPositionsNeedThreeOneToOneFingersAndGoToReview() {
        List<FingerScore> two = List.of(s(RIGHT_THUMB, RIGHT_INDEX, 300), s(RIGHT_INDEX, RIGHT_MIDDLE, 300));
        assertThat(policy.assess(two).verdict()).isEqualTo(Verdict.NO_MATCH);
        List<FingerScore> three = new ArrayList<>(two);
        three.add(s(RIGHT_MIDDLE, RIGHT_THUMB, 80));
        DuplicatePolicy.CandidateVerdict v = policy.assess(three);
        assertThat(v.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(v.samePositionMatches()).isZero();
        assertThat(v.matches()).hasSize(3);
    }

    @Test
    void oneProbeFingerMatchingManyStoredFingersCountsOnce() {
        List<FingerScore> fan = List.of(s(RIGHT_THUMB, RIGHT_INDEX, 300), s(RIGHT_THUMB, RIGHT_MIDDLE, 300),
                s(RIGHT_THUMB, LEFT_THUMB, 300), s(LEFT_INDEX, LEFT_THUMB, 90));
        DuplicatePolicy.CandidateVerdict v = policy.assess(fan);
        assertThat(v.verdict()).isEqualTo(Verdict.NO_MATCH);
        // ...and the pairing keeps the most pairs, not the greedy best one
        List<FingerScore> chain = List.of(s(RIGHT_THUMB, RIGHT_INDEX, 300), s(RIGHT_THUMB, RIGHT_MIDDLE, 70),
                s(RIGHT_INDEX, RIGHT_INDEX, 65), s(LEFT_INDEX, LEFT_THUMB, 90));
        assertThat(policy.assess(chain).matches()).hasSize(3);
    }

    @Test
    void crossPositionOffIgnoresOtherPositions() {
        DuplicatePolicy same = new DuplicatePolicy(60, 2, false, 3, 4);
        List<FingerScore> rotated = List.of(s(RIGHT_THUMB, RIGHT_INDEX, 300), s(RIGHT_INDEX, RIGHT_MIDDLE, 300),
                s(RIGHT_MIDDLE, RIGHT_THUMB, 300));
        assertThat(same.assess(rotated).verdict()).isEqualTo(Verdict.NO_MATCH);
        assertThat(policy.assess(rotated).verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
    }

    @Test
    void moreExceptionsThanAllowedSendTheRecordToReview() {
        assertThat(policy.recordVerdict(4, List.of())).isEqualTo(Verdict.NO_MATCH);
        assertThat(policy.recordVerdict(5, List.of())).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(policy.tooManyExceptions(10)).isTrue();
        DuplicatePolicy.CandidateVerdict dup = policy.assess(List.of(s(RIGHT_THUMB, RIGHT_THUMB, 99),
                s(RIGHT_INDEX, RIGHT_INDEX, 99)));
        assertThat(policy.recordVerdict(5, List.of(dup))).as("the more severe verdict wins")
                .isEqualTo(Verdict.POSSIBLE_DUPLICATE);
    }

    @Test
    void aPolicyThatCouldNeverSeeADuplicateIsRefused() {
        assertThatThrownBy(() -> new DuplicatePolicy(60, 2, true, 3, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DuplicatePolicy(60, 3, true, 2, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DuplicatePolicy(0, 2, true, 3, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneToOneScoreAtTheThresholdMatches() {
        assertThat(DuplicatePolicy.DEFAULT.matches(DuplicatePolicy.DEFAULT.scoreThreshold())).isTrue();
        assertThat(DuplicatePolicy.DEFAULT.matches(DuplicatePolicy.DEFAULT.scoreThreshold() - 0.01)).isFalse();
    }
}
