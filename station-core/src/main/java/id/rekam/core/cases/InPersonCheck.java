package id.rekam.core.cases;

import id.rekam.core.domain.FingerPosition;

/**
 * How the citizen at the desk was shown to be the person of the record that stays: a 1:1
 * fingerprint match against it, or a supervisor's exception (with their reason) when the match
 * cannot be made (worn fingers, the record's templates not held here) or failed.
 *
 * @param record     the record matched against (the one that stays)
 * @param score      best SourceAFIS score of the live finger against that record (0 when not matched)
 * @param threshold  the score the match needed
 * @param supervisor who granted the exception; null for a match
 * @param reason     the supervisor's reason; null for a match
 */
public record InPersonCheck(Method method, String record, double score, double threshold, FingerPosition finger,
                            String supervisor, String reason) {

    public enum Method {
        FINGERPRINT,
        SUPERVISOR_EXCEPTION
    }

    @Override
    public String toString() {
        return "InPersonCheck[" + method + ", " + record + ", " + score + "]";
    }
}
