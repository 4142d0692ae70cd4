package id.rekam.identification;

import com.machinezoo.sourceafis.FingerprintMatcher;
import com.machinezoo.sourceafis.FingerprintTemplate;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.identification.DuplicatePolicy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;

/**
 * The engine's second stage: reads each short-listed person's templates through the
 * {@link TemplateSource}, matches every probe finger against every one of their fingers with
 * SourceAFIS (the probe's matchers built once per check) and lets the policy judge them, the
 * people in parallel on the pool.
 */
final class ShortlistVerifier {

    private final DuplicatePolicy policy;
    private final TemplateSource templates;
    private final ForkJoinPool pool;

    ShortlistVerifier(DuplicatePolicy policy, TemplateSource templates, ForkJoinPool pool) {
        this.policy = policy;
        this.templates = templates;
        this.pool = pool;
    }

    List<Identification.Candidate> verify(Probe probe, java.util.Set<FingerPosition> readable,
                                                  List<IdentificationEngine.Ranked> ranked, Consumer<Identification.Candidate> found) {
        if (ranked.isEmpty()) {
            return List.of();
        }
        Map<FingerPosition, FingerprintMatcher> matchers = new EnumMap<>(FingerPosition.class);
        List<FingerPosition> positions = new ArrayList<>(readable);
        FingerprintMatcher[] built = pool.submit(() -> positions.parallelStream()
                .map(p -> matcher(probe.prints().get(p)))
                .toArray(FingerprintMatcher[]::new)).join();
        for (int i = 0; i < built.length; i++) {
            if (built[i] != null) {
                matchers.put(positions.get(i), built[i]);
            }
        }
        List<Identification.Candidate> out = pool.submit(() -> ranked.parallelStream()
                .map(r -> assess(r, matchers, found))
                .filter(c -> c != null)
                .toList()).join();
        List<Identification.Candidate> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparing((Identification.Candidate c) -> c.verdict()).reversed()
                .thenComparingInt(Identification.Candidate::rank));
        return sorted;
    }

    /** SourceAFIS's matcher for a probe print, or null if SourceAFIS cannot read it (it then matches nothing). */
    private static FingerprintMatcher matcher(byte[] template) {
        try {
            return new FingerprintMatcher(new FingerprintTemplate(template));
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private Identification.Candidate assess(IdentificationEngine.Ranked r, Map<FingerPosition, FingerprintMatcher> matchers,
                                            Consumer<Identification.Candidate> found) {
        Map<FingerPosition, byte[]> stored = templates.templates(r.personId());
        List<DuplicatePolicy.FingerScore> scores = new ArrayList<>();
        for (Map.Entry<FingerPosition, byte[]> e : stored.entrySet()) {
            FingerprintTemplate candidate;
            try {
                candidate = new FingerprintTemplate(e.getValue());
            } catch (RuntimeException unreadable) {
                continue;
            }
            for (Map.Entry<FingerPosition, FingerprintMatcher> m : matchers.entrySet()) {
                if (policy.crossPosition() || m.getKey() == e.getKey()) {
                    scores.add(new DuplicatePolicy.FingerScore(m.getKey(), e.getKey(), m.getValue().match(candidate)));
                }
            }
        }
        DuplicatePolicy.CandidateVerdict verdict = policy.assess(scores);
        if (verdict.verdict() == DuplicatePolicy.Verdict.NO_MATCH) {
            return null;
        }
        Identification.Candidate c = new Identification.Candidate(r.personId(), r.rank(), r.votes(), verdict);
        found.accept(c);
        return c;
    }
}
