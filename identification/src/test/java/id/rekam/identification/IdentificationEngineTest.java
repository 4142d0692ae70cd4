package id.rekam.identification;

import id.rekam.core.domain.FingerPosition;
import id.rekam.core.identification.DuplicatePolicy;
import id.rekam.core.identification.DuplicatePolicy.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine on SIMULATED people (see {@link SyntheticPeople}). */
class IdentificationEngineTest {

    private static SyntheticPeople people;
    private static final ForkJoinPool POOL = new ForkJoinPool(2);

    @BeforeAll
    static void makePeople() {
        people = SyntheticPeople.get();
    }

    private static IdentificationEngine engine(DuplicatePolicy policy) {
        IdentificationEngine engine = new IdentificationEngine(policy, people.source(), POOL,
                IdentificationEngine.DEFAULT_SHORTLIST);
        engine.addAll(people.gallery());
        return engine;
    }

    @Test
    void everyReenrolmentIsFoundFirstAndNoStrangerIsFlagged() {
        IdentificationEngine engine = engine(DuplicatePolicy.DEFAULT);
        for (int p = 0; p < SyntheticPeople.GALLERY; p++) {
            Identification result = engine.identify(Probe.of(people.reenrolled(p), 0));
            assertThat(result.verdict()).as("person %d", p).isEqualTo(Verdict.POSSIBLE_DUPLICATE);
            Identification.Candidate first = result.candidates().get(0);
            assertThat(first.personId()).isEqualTo(SyntheticPeople.id(p));
            assertThat(first.rank()).as("the index ranks the true person first").isZero();
            assertThat(first.assessment().samePositionMatches()).isGreaterThanOrEqualTo(8);
        }
        for (int k = 0; k < SyntheticPeople.NEW_PEOPLE; k++) {
            Identification result = engine.identify(Probe.of(people.stranger(k), 0));
            assertThat(result.verdict()).isEqualTo(Verdict.NO_MATCH);
            assertThat(result.candidates()).isEmpty();
        }
    }

    @Test
    void fingersEnrolledInAnotherOrderAreCaughtAndSentToReview() {
        Map<FingerPosition, byte[]> original = people.reenrolled(3);
        Map<FingerPosition, byte[]> rotated = new EnumMap<>(FingerPosition.class);
        FingerPosition[] all = FingerPosition.values();
        for (FingerPosition p : all) {
            // the right thumb's print filed as right index, ... the left little's as right thumb
            rotated.put(all[(p.ordinal() + 1) % all.length], original.get(p));
        }
        Identification found = engine(DuplicatePolicy.DEFAULT).identify(Probe.of(rotated, 0));
        assertThat(found.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        Identification.Candidate c = found.candidates().get(0);
        assertThat(c.personId()).isEqualTo(SyntheticPeople.id(3));
        assertThat(c.assessment().samePositionMatches()).isZero();
        assertThat(c.assessment().matches()).hasSizeGreaterThanOrEqualTo(8)
                .allSatisfy(m -> assertThat(all[(m.stored().ordinal() + 1) % all.length]).isEqualTo(m.probe()));

        DuplicatePolicy samePositionOnly = new DuplicatePolicy(DuplicatePolicy.DEFAULT.scoreThreshold(),
                DuplicatePolicy.DEFAULT.fingersToMatch(), false, DuplicatePolicy.DEFAULT.crossPositionFingersToMatch(),
                DuplicatePolicy.DEFAULT.maxExceptions());
        assertThat(engine(samePositionOnly).identify(Probe.of(rotated, 0)).verdict())
                .as("without cross-position search the rotated hands pass")
                .isEqualTo(Verdict.NO_MATCH);
    }

    @Test
    void aRecordWithTooManyExceptionsGoesToReviewEvenWithoutAMatch() {
        IdentificationEngine engine = engine(DuplicatePolicy.DEFAULT);
        int allowed = DuplicatePolicy.DEFAULT.maxExceptions();
        Identification atLimit = engine.identify(Probe.of(firstFingers(people.stranger(0), 10 - allowed), allowed));
        assertThat(atLimit.verdict()).isEqualTo(Verdict.NO_MATCH);
        assertThat(atLimit.tooManyExceptions()).isFalse();

        Identification over = engine.identify(Probe.of(firstFingers(people.stranger(0), 9 - allowed), allowed + 1));
        assertThat(over.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(over.tooManyExceptions()).isTrue();
        assertThat(over.candidates()).isEmpty();
    }

    @Test
    void aReenrolmentWithThreeExceptionsIsStillADuplicate() {
        Identification result = engine(DuplicatePolicy.DEFAULT)
                .identify(Probe.of(firstFingers(people.reenrolled(5), 7), 3));
        assertThat(result.verdict()).isEqualTo(Verdict.POSSIBLE_DUPLICATE);
        assertThat(result.candidates().get(0).personId()).isEqualTo(SyntheticPeople.id(5));
    }

    @Test
    void theRecordItselfIsNeverItsOwnDuplicateAndRemovedPeopleAreGone() {
        IdentificationEngine engine = engine(DuplicatePolicy.DEFAULT);
        assertThat(engine.identify(new Probe(people.enrolled(2), 0, SyntheticPeople.id(2))).verdict())
                .isEqualTo(Verdict.NO_MATCH);
        assertThat(engine.remove(SyntheticPeople.id(2))).isTrue();
        assertThat(engine.contains(SyntheticPeople.id(2))).isFalse();
        assertThat(engine.identify(Probe.of(people.reenrolled(2), 0)).verdict()).isEqualTo(Verdict.NO_MATCH);
        engine.add(SyntheticPeople.id(2), people.enrolled(2));
        assertThat(engine.identify(Probe.of(people.reenrolled(2), 0)).candidates())
                .extracting(Identification.Candidate::personId).containsExactly(SyntheticPeople.id(2));
    }

    @Test
    void checksRunWhilePeopleAreAddedAndRemoved() throws Exception {
        IdentificationEngine engine = engine(DuplicatePolicy.DEFAULT);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> checks = new ArrayList<>();
            for (int p = 0; p < 6; p++) {
                int person = p;
                checks.add(threads.submit(() -> engine.identify(Probe.of(people.reenrolled(person), 0))
                        .candidates().get(0).personId()));
            }
            java.util.concurrent.Future<?> writer = threads.submit(() -> {
                for (int round = 0; round < 20; round++) {
                    engine.add("visitor-" + round, people.stranger(round % SyntheticPeople.NEW_PEOPLE));
                    engine.remove("visitor-" + (round - 1));
                }
            });
            writer.get();
            for (int p = 0; p < checks.size(); p++) {
                assertThat(checks.get(p).get()).isEqualTo(SyntheticPeople.id(p));
            }
            assertThat(engine.size()).isEqualTo(SyntheticPeople.GALLERY + 1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void templatesSourceAfisCannotReadAreSkippedNotFatal() {
        IdentificationEngine engine = engine(DuplicatePolicy.DEFAULT);
        Map<FingerPosition, byte[]> garbage = new EnumMap<>(FingerPosition.class);
        garbage.put(FingerPosition.RIGHT_THUMB, new byte[]{1, 2, 3});
        assertThat(engine.add("demo-record", garbage)).isZero();

        Map<FingerPosition, byte[]> probe = new EnumMap<>(people.reenrolled(6));
        probe.put(FingerPosition.RIGHT_THUMB, "not a template".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Identification result = engine.identify(Probe.of(probe, 0));
        assertThat(result.verdict()).isEqualTo(Verdict.POSSIBLE_DUPLICATE);
        assertThat(result.candidates().get(0).personId()).isEqualTo(SyntheticPeople.id(6));
        assertThat(result.candidates().get(0).assessment().matches())
                .noneMatch(m -> m.probe() == FingerPosition.RIGHT_THUMB);
    }

    @Test
    void candidatesAreReportedAsSoonAsVerified() {
        List<String> seen = new CopyOnWriteArrayList<>();
        Identification result = engine(DuplicatePolicy.DEFAULT)
                .identify(Probe.of(people.reenrolled(7), 0), c -> seen.add(c.personId()));
        assertThat(seen).containsExactlyElementsOf(result.candidates().stream()
                .map(Identification.Candidate::personId).toList());
    }

    @Test
    void aSnapshotRebuildsTheSameIndexWhateverTheOrderOfAdding() {
        IdentificationEngine built = engine(DuplicatePolicy.DEFAULT);
        byte[] snapshot = built.snapshot();

        IdentificationEngine other = new IdentificationEngine(DuplicatePolicy.DEFAULT, people.source(), POOL,
                IdentificationEngine.DEFAULT_SHORTLIST);
        List<String> ids = new ArrayList<>(people.gallery().keySet());
        Collections.reverse(ids);
        other.add("someone-removed-later", people.stranger(1));
        for (String id : ids) {
            other.add(id, people.gallery().get(id));
        }
        other.remove("someone-removed-later");
        assertThat(other.snapshot()).isEqualTo(snapshot);

        IdentificationEngine restored = new IdentificationEngine(DuplicatePolicy.DEFAULT, people.source(), POOL,
                IdentificationEngine.DEFAULT_SHORTLIST);
        restored.restore(snapshot);
        assertThat(restored.snapshot()).isEqualTo(snapshot);
        assertThat(restored.size()).isEqualTo(SyntheticPeople.GALLERY);
        Probe probe = Probe.of(people.reenrolled(4), 0);
        assertThat(restored.identify(probe).candidates()).usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(built.identify(probe).candidates());
    }

    @Test
    void aSnapshotOfOtherBytesIsRefused() {
        IdentificationEngine engine = engine(DuplicatePolicy.DEFAULT);
        byte[] snapshot = engine.snapshot();
        byte[] truncated = java.util.Arrays.copyOf(snapshot, snapshot.length - 3);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.restore(truncated))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(engine.size()).as("a refused snapshot leaves the index as it was").isEqualTo(SyntheticPeople.GALLERY);
    }

    private static Map<FingerPosition, byte[]> firstFingers(Map<FingerPosition, byte[]> prints, int n) {
        Map<FingerPosition, byte[]> out = new EnumMap<>(FingerPosition.class);
        for (FingerPosition p : FingerPosition.values()) {
            if (out.size() < n) {
                out.put(p, prints.get(p));
            }
        }
        return out;
    }
}
