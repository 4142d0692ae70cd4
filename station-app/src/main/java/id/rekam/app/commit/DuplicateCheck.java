package id.rekam.app.commit;

import id.rekam.app.ports.FingerprintMatcher;
import id.rekam.app.ports.RecordService;
import id.rekam.app.ports.RecordSummary;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.FingerprintCapture;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The local duplicate check run before a record is committed: the same NIK on this station
 * blocks it; matching fingerprints (1:N against this station's records, same finger
 * position) flag a possible KTP ganda that only a supervisor may override.
 */
public final class DuplicateCheck {

    /** Fingers that must match before a record is flagged: one matching finger can be chance (EER ≈ 4%). */
    static final int MIN_MATCHING_FINGERS = 2;

    private final RecordService records;
    private final FingerprintMatcher matcher;

    public DuplicateCheck(RecordService records, FingerprintMatcher matcher) {
        this.records = records;
        this.matcher = matcher;
    }

    public sealed interface Result permits Clear, SameNik, PossibleDuplicate {
    }

    public record Clear() implements Result {
    }

    public record SameNik(RecordSummary existing) implements Result {
    }

    public record PossibleDuplicate(List<Candidate> candidates) implements Result {
    }

    public record Candidate(RecordService.StoredTemplates record, int matchingFingers, double bestScore) {
    }

    public Result check(EnrollmentRecord candidate) {
        Optional<RecordSummary> same = records.findByNik(candidate.demographics().nik());
        if (same.isPresent()) {
            return new SameNik(same.get());
        }
        List<Candidate> hits = new ArrayList<>();
        for (RecordService.StoredTemplates stored : records.templates()) {
            if (stored.id().equals(candidate.id())) {
                continue;
            }
            int matching = 0;
            double best = 0;
            int available = 0;
            for (FingerprintCapture f : candidate.fingerprints()) {
                byte[] other = stored.templates().get(f.position());
                if (!f.hasPrint() || other == null) {
                    continue;
                }
                available++;
                double score = matcher.score(f.template(), other);
                best = Math.max(best, score);
                if (score >= matcher.threshold()) {
                    matching++;
                }
            }
            if (matching >= Math.min(MIN_MATCHING_FINGERS, Math.max(1, available))) {
                hits.add(new Candidate(stored, matching, best));
            }
        }
        if (hits.isEmpty()) {
            return new Clear();
        }
        hits.sort(Comparator.comparingDouble(Candidate::bestScore).reversed());
        return new PossibleDuplicate(List.copyOf(hits));
    }
}
