package id.rekam.devices.fingerprint;

import com.machinezoo.sourceafis.FingerprintTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * 1:1 verification and 1:N search over SourceAFIS. A score at or above the threshold is
 * a match; SourceAFIS calibrates its score so that 40 corresponds to a false match rate
 * of about 0.01 % (see docs/benchmarks.md for rates measured on synthetic prints).
 *
 * <p>Search indexes the probe once and matches candidates on all cores when the gallery
 * is large enough to pay for the fork (SourceAFIS's {@code match} is thread-safe).
 * Thread-safe.
 */
public final class FingerprintMatcher {

    public static final double DEFAULT_THRESHOLD = 40;
    /** Below this many candidates a single thread is faster than splitting the work. */
    static final int PARALLEL_MIN = 512;
    private static final int CHUNK = 256;

    /** A template in the gallery, with the caller's key (registration id, person, ...). */
    public record Enrolled<K>(K key, FingerprintTemplate template) {
        public Enrolled {
            Objects.requireNonNull(template, "template");
        }
    }

    /** A gallery entry that scored at or above the threshold. */
    public record Candidate<K>(K key, double score) {
    }

    private final double threshold;

    public FingerprintMatcher() {
        this(DEFAULT_THRESHOLD);
    }

    public FingerprintMatcher(double threshold) {
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("threshold must be positive: " + threshold);
        }
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    /** SourceAFIS similarity score (0 and up; symmetric only approximately). */
    public double score(FingerprintTemplate probe, FingerprintTemplate candidate) {
        return new com.machinezoo.sourceafis.FingerprintMatcher(probe).match(candidate);
    }

    public boolean matches(FingerprintTemplate probe, FingerprintTemplate candidate) {
        return score(probe, candidate) >= threshold;
    }

    /** Every gallery entry scoring at or above the threshold, best first. */
    public <K> List<Candidate<K>> search(FingerprintTemplate probe, Collection<Enrolled<K>> gallery) {
        return search(probe, gallery, Integer.MAX_VALUE);
    }

    /** The best {@code limit} gallery entries scoring at or above the threshold, best first. */
    public <K> List<Candidate<K>> search(FingerprintTemplate probe, Collection<Enrolled<K>> gallery, int limit) {
        Objects.requireNonNull(probe, "probe");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        com.machinezoo.sourceafis.FingerprintMatcher indexed = new com.machinezoo.sourceafis.FingerprintMatcher(probe);
        List<Enrolled<K>> entries = List.copyOf(gallery);
        List<Candidate<K>> hits;
        if (entries.size() < PARALLEL_MIN) {
            hits = scan(indexed, entries, 0, entries.size());
        } else {
            int chunks = (entries.size() + CHUNK - 1) / CHUNK;
            hits = IntStream.range(0, chunks).parallel()
                    .mapToObj(c -> scan(indexed, entries, c * CHUNK, Math.min(entries.size(), (c + 1) * CHUNK)))
                    .flatMap(List::stream)
                    .toList();
        }
        return hits.stream()
                .sorted(Comparator.comparingDouble((Candidate<K> c) -> c.score()).reversed())
                .limit(limit)
                .toList();
    }

    private <K> List<Candidate<K>> scan(com.machinezoo.sourceafis.FingerprintMatcher indexed, List<Enrolled<K>> entries,
                                        int from, int to) {
        List<Candidate<K>> hits = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Enrolled<K> entry = entries.get(i);
            double score = indexed.match(entry.template());
            if (score >= threshold) {
                hits.add(new Candidate<>(entry.key(), score));
            }
        }
        return hits;
    }
}
