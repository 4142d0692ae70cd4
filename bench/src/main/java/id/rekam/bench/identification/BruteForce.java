package id.rekam.bench.identification;

import com.machinezoo.sourceafis.FingerprintMatcher;
import com.machinezoo.sourceafis.FingerprintTemplate;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.identification.DuplicatePolicy;
import id.rekam.identification.Probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The baseline: every probe finger matched by SourceAFIS against every stored template at
 * every position, each stored template decoded from its bytes as a check over a store must
 * (35,000 people's decoded templates would need ≈3.6 GB), on all cores, then the same
 * {@link DuplicatePolicy}. Also counts impostor scores per threshold for the rate table.
 */
final class BruteForce {

    record Result(int candidates, long impostorPairs, List<Long> impostorAtOrAbove) {
    }

    private BruteForce() {
    }

    static Result search(Probe probe, List<SyntheticPeople.Person> gallery, DuplicatePolicy policy, ForkJoinPool pool,
                         double[] thresholds, int truePerson) {
        List<Map.Entry<FingerPosition, FingerprintMatcher>> matchers = new ArrayList<>();
        probe.prints().forEach((p, t) -> matchers.add(Map.entry(p, new FingerprintMatcher(new FingerprintTemplate(t)))));
        AtomicInteger candidates = new AtomicInteger();
        AtomicLong pairs = new AtomicLong();
        LongAdder[] above = new LongAdder[thresholds.length];
        for (int t = 0; t < thresholds.length; t++) {
            above[t] = new LongAdder();
        }
        pool.submit(() -> gallery.parallelStream().forEach(person -> {
            List<DuplicatePolicy.FingerScore> scores = new ArrayList<>(100);
            boolean impostor = person.id() != truePerson;
            for (FingerPosition stored : FingerPosition.values()) {
                FingerprintTemplate t = new FingerprintTemplate(person.templates()[stored.ordinal()]);
                for (Map.Entry<FingerPosition, FingerprintMatcher> m : matchers) {
                    double score = m.getValue().match(t);
                    scores.add(new DuplicatePolicy.FingerScore(m.getKey(), stored, score));
                    if (impostor) {
                        for (int k = 0; k < thresholds.length; k++) {
                            if (score >= thresholds[k]) {
                                above[k].increment();
                            }
                        }
                    }
                }
            }
            if (impostor) {
                pairs.addAndGet(scores.size());
                if (policy.assess(scores).verdict() != DuplicatePolicy.Verdict.NO_MATCH) {
                    candidates.incrementAndGet();
                }
            }
        })).join();
        List<Long> counts = new ArrayList<>();
        for (LongAdder a : above) {
            counts.add(a.sum());
        }
        return new Result(candidates.get(), pairs.get(), counts);
    }
}
