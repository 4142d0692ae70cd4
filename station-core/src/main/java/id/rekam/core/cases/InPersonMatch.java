package id.rekam.core.cases;

import id.rekam.core.cards.CardException;
import id.rekam.core.cards.FingerprintVerifier;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.identification.DuplicatePolicy;

import java.util.Map;

/**
 * The 1:1 match of the citizen at the desk against the record that stays: the card hand-over's
 * matcher ({@link FingerprintVerifier}: the live finger against every enrolled finger of the
 * record, best score) judged by the station's one duplicate rule, {@link DuplicatePolicy#DEFAULT}
 * ("a SourceAFIS score at or above it counts as a matching finger").
 */
final class InPersonMatch {

    private final FingerprintVerifier verifier = new FingerprintVerifier();

    record Result(boolean matched, double score, double threshold, FingerPosition finger) {
    }

    /** "Same finger" for a case is the duplicate policy's (issue 12), as for the card hand-over. */
    static double threshold() {
        return DuplicatePolicy.DEFAULT.scoreThreshold();
    }

    /** @throws CaseException the probe is not a template, or the record has no readable template */
    Result verify(byte[] probe, Map<FingerPosition, byte[]> enrolled) {
        if (probe == null || probe.length == 0) {
            throw new CaseException("case.probeMissing");
        }
        if (enrolled.isEmpty()) {
            throw new CaseException("case.noTemplates");
        }
        FingerprintVerifier.Result r;
        try {
            r = verifier.verify(probe, enrolled);
        } catch (CardException e) {
            throw new CaseException(e.messageKey().equals("handover.probeUnreadable") ? "case.probeUnreadable"
                    : "case.noTemplates");
        }
        return new Result(DuplicatePolicy.DEFAULT.matches(r.score()), r.score(), threshold(), r.finger());
    }
}
