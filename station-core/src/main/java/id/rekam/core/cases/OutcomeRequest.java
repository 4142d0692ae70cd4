package id.rekam.core.cases;

import java.util.Objects;

/**
 * What an operator submits to prepare an outcome.
 *
 * @param kept            same person: the record that stays; different people: the record of the
 *                        citizen at the desk; no-show: null
 * @param probeTemplate   SourceAFIS template of the citizen's finger scanned at the desk; null
 *                        when it cannot be taken (then {@code exception} is required)
 * @param exception       a supervisor's exception to the match; null when the finger matched
 * @param cardSurrendered the citizen handed in the voided record's card
 */
public record OutcomeRequest(Outcome outcome, String kept, VoidReason voidReason, String note, byte[] probeTemplate,
                             SupervisorException exception, boolean cardSurrendered) {

    public OutcomeRequest {
        Objects.requireNonNull(outcome, "outcome");
    }

    public static OutcomeRequest noShow(String note) {
        return new OutcomeRequest(Outcome.NO_SHOW, null, null, note, null, null, false);
    }

    public static OutcomeRequest samePerson(String kept, VoidReason reason, String note, byte[] probe) {
        return new OutcomeRequest(Outcome.SAME_PERSON, kept, reason, note, probe, null, false);
    }

    public static OutcomeRequest differentPeople(String present, String note, byte[] probe) {
        return new OutcomeRequest(Outcome.DIFFERENT_PEOPLE, present, null, note, probe, null, false);
    }

    public OutcomeRequest withException(SupervisorException e) {
        return new OutcomeRequest(outcome, kept, voidReason, note, probeTemplate, e, cardSurrendered);
    }

    public OutcomeRequest withCardSurrendered() {
        return new OutcomeRequest(outcome, kept, voidReason, note, probeTemplate, exception, true);
    }

    /**
     * A supervisor, authenticated at the desk with their own password, vouching for the citizen's
     * identity when the 1:1 match cannot be made or failed.
     */
    public record SupervisorException(String supervisor, char[] password, String reason) {
        @Override
        public String toString() {
            return "SupervisorException[" + supervisor + "]";
        }
    }
}
