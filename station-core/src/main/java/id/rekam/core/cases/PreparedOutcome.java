package id.rekam.core.cases;

import java.time.Instant;

/**
 * The outcome an operator prepared, waiting for a supervisor (two people close a case).
 *
 * @param kept            the record that stays (same person); the citizen's own record (different
 *                        people: both stay); null for a no-show
 * @param voided          the record voided (same person only)
 * @param check           how the citizen was identified at the desk; null for a no-show
 * @param cardSurrendered the citizen handed in the voided record's card at the desk
 */
public record PreparedOutcome(Outcome outcome, String kept, String voided, VoidReason voidReason, String note,
                              InPersonCheck check, boolean cardSurrendered, String preparedBy, Instant preparedAt) {

    @Override
    public String toString() {
        return "PreparedOutcome[" + outcome + ", kept " + kept + ", voided " + voided + ", by " + preparedBy + "]";
    }
}
