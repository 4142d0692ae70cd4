package id.rekam.core.cases;

import id.rekam.core.cards.CardException;
import id.rekam.core.cards.FingerprintVerifier;
import id.rekam.core.domain.FingerPosition;

import java.util.Map;

/**
 * The 1:1 match of the citizen at the desk against the record that stays: the same matcher and
 * threshold the card hand-over uses ({@link FingerprintVerifier}, best score over the record's
 * enrolled fingers), so the desk proves identity the same way for a card and for a case.
 */
final class InPersonMatch {

    private final FingerprintVerifier verifier = new FingerprintVerifier();

    record Result(boolean matched, double score, double threshold, FingerPosition finger) {
    }

    /**
     * SWITCH POINT (issue 12): when station-core's {@code DuplicatePolicy} lands, the threshold and
     * the decision below become {@code DuplicatePolicy.DEFAULT.scoreThreshold()} and
     * {@code DuplicatePolicy.DEFAULT.matches(score)} — the one place a case decides "same finger";
     * the card hand-over switches in {@code FingerprintVerifier} at the same time.
     */
    static double threshold() {
        return FingerprintVerifier.THRESHOLD;
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
        return new Result(r.score() >= threshold(), r.score(), threshold(), r.finger());
    }
}
