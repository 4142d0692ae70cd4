package id.rekam.core.identification;

import id.rekam.core.domain.FingerPosition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * When fingerprints say "this person is already enrolled": the one place the duplicate rule
 * lives, for the station's 1:N check, the server's decision and the card hand-over's 1:1 check.
 *
 * <ul>
 *   <li>{@code scoreThreshold}: a SourceAFIS score at or above it counts as a matching finger;</li>
 *   <li>{@code fingersToMatch}: that many fingers matching at their own position make a
 *       {@link Verdict#POSSIBLE_DUPLICATE};</li>
 *   <li>{@code crossPosition}: every probe finger is also compared with every other finger
 *       position, so a second enrollment with the fingers in another order is still caught;</li>
 *   <li>{@code crossPositionFingersToMatch}: matches found only across positions need this many
 *       fingers, paired one to one, and make {@link Verdict#NEEDS_REVIEW}: a hundred pairs per
 *       person instead of ten give chance ten times more room, and a swapped hand is for a
 *       supervisor to look at, not a silent accept;</li>
 *   <li>{@code maxExceptions}: a record with more fingers marked as exceptions (missing,
 *       bandaged...) than this cannot be checked well enough and goes to review.</li>
 * </ul>
 *
 * The values of {@link #DEFAULT} and why they are what they are: {@code docs/design/identification.md}.
 */
public record DuplicatePolicy(double scoreThreshold, int fingersToMatch, boolean crossPosition,
                              int crossPositionFingersToMatch, int maxExceptions) {

    private static final int FINGERS = FingerPosition.values().length;

    /** What the fingerprints say about a record (or about one stored person), least severe first. */
    public enum Verdict {
        NO_MATCH,
        /** A supervisor (station) or an official (server, {@code needs-review}) must look before it is accepted. */
        NEEDS_REVIEW,
        /** The same person is already enrolled: at the station only a supervisor may override. */
        POSSIBLE_DUPLICATE
    }

    /**
     * Values from rates measured on SIMULATED prints (docs/design/identification.md): an
     * unrelated finger pair scored 60 or more in 38 of 484,530 cross-position comparisons
     * (7.8e-5; 1.2e-5 at 70) while no genuine pair scored below 80. Three same-position fingers
     * and four one-to-one cross-position fingers keep chance candidates far below one per
     * hundred checks even at the server's 200,000 people; two fingers at 60 would not (≈0.055
     * per new person there).
     */
    public static final DuplicatePolicy DEFAULT = new DuplicatePolicy(60, 3, true, 4, 4);

    public DuplicatePolicy {
        if (!(scoreThreshold > 0)) {
            throw new IllegalArgumentException("scoreThreshold must be positive");
        }
        if (fingersToMatch < 1 || fingersToMatch > FINGERS) {
            throw new IllegalArgumentException("fingersToMatch must be 1-" + FINGERS);
        }
        if (crossPositionFingersToMatch < fingersToMatch || crossPositionFingersToMatch > FINGERS) {
            throw new IllegalArgumentException("crossPositionFingersToMatch must be fingersToMatch-" + FINGERS);
        }
        // A record must keep enough prints to be able to show a duplicate at all.
        int needed = crossPosition ? crossPositionFingersToMatch : fingersToMatch;
        if (maxExceptions < 0 || maxExceptions > FINGERS - needed) {
            throw new IllegalArgumentException("maxExceptions must be 0-" + (FINGERS - needed));
        }
    }

    /** One scored comparison of a probe finger with a stored finger. */
    public record FingerScore(FingerPosition probe, FingerPosition stored, double score) {
        public FingerScore {
            Objects.requireNonNull(probe, "probe");
            Objects.requireNonNull(stored, "stored");
        }

        public boolean samePosition() {
            return probe == stored;
        }
    }

    /**
     * What the scores against one stored person amount to.
     *
     * @param matches the matching finger pairs (score at or above the threshold), one to one
     *                (no probe finger and no stored finger twice), same-position pairs first
     */
    public record CandidateVerdict(Verdict verdict, int samePositionMatches, List<FingerScore> matches) {
        public CandidateVerdict {
            matches = List.copyOf(matches);
        }
    }

    /** A 1:1 comparison matches (card hand-over, one finger against one enrolled finger). */
    public boolean matches(double score) {
        return score >= scoreThreshold;
    }

    /**
     * The verdict on one stored person from every comparison made against them. Pairs below
     * the threshold are ignored; the matching ones are paired one to one (maximum matching).
     */
    public CandidateVerdict assess(List<FingerScore> scores) {
        List<FingerScore> hits = new ArrayList<>();
        for (FingerScore s : scores) {
            if (s.score() >= scoreThreshold && (crossPosition || s.samePosition())) {
                hits.add(s);
            }
        }
        List<FingerScore> same = new ArrayList<>();
        boolean[] probeUsed = new boolean[FINGERS];
        hits.sort(Comparator.comparingDouble(FingerScore::score).reversed()
                .thenComparing(s -> s.probe().ordinal()).thenComparing(s -> s.stored().ordinal()));
        for (FingerScore s : hits) {
            if (s.samePosition() && !probeUsed[s.probe().ordinal()]) {
                probeUsed[s.probe().ordinal()] = true;
                same.add(s);
            }
        }
        List<FingerScore> matched = new ArrayList<>(same);
        if (crossPosition) {
            matched = OneToOne.maximum(hits, FINGERS);
            matched.sort(Comparator.comparing((FingerScore s) -> !s.samePosition())
                    .thenComparing(Comparator.comparingDouble(FingerScore::score).reversed()));
        }
        Verdict verdict;
        if (same.size() >= fingersToMatch) {
            verdict = Verdict.POSSIBLE_DUPLICATE;
        } else if (crossPosition && matched.size() >= crossPositionFingersToMatch) {
            verdict = Verdict.NEEDS_REVIEW;
        } else {
            verdict = Verdict.NO_MATCH;
        }
        return new CandidateVerdict(verdict, same.size(), verdict == Verdict.NO_MATCH ? List.of() : matched);
    }

    /**
     * The verdict on a whole record: the most severe of its candidates', and at least
     * {@link Verdict#NEEDS_REVIEW} when more fingers are exceptions than allowed.
     */
    public Verdict recordVerdict(int exceptions, List<CandidateVerdict> candidates) {
        Verdict worst = exceptions > maxExceptions ? Verdict.NEEDS_REVIEW : Verdict.NO_MATCH;
        for (CandidateVerdict c : candidates) {
            if (c.verdict().compareTo(worst) > 0) {
                worst = c.verdict();
            }
        }
        return worst;
    }

    /** Whether a record with this many exceptions goes to review whatever its prints say. */
    public boolean tooManyExceptions(int exceptions) {
        return exceptions > maxExceptions;
    }
}
