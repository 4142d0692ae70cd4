package id.rekam.core.cases;

import java.time.Duration;
import java.time.Instant;

/**
 * A list row: enough to find a case and see how urgent it is, without opening the records.
 *
 * @param citizen   the citizen's name (opened from the case's small summary seal); null when unknown
 * @param nikShown  the NIK masked
 * @param rounds    invitations sent so far
 */
public record CaseSummary(String id, CaseSource source, String reason, CaseState state, String villageCode,
                          Instant openedAt, Instant deadline, String citizen, String nikShown, int rounds,
                          Outcome outcome) {

    public long ageDays(Instant now) {
        return Math.max(0, Duration.between(openedAt, now).toDays());
    }

    public boolean overdue(Instant now) {
        return state.isOpen() && now.isAfter(deadline);
    }

    @Override
    public String toString() {
        return "CaseSummary[" + id + ", " + state + "]";
    }
}
