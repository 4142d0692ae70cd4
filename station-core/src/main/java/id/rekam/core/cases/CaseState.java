package id.rekam.core.cases;

import java.util.EnumSet;
import java.util.Set;

/**
 * Life of a case. OPEN → INVITED (a letter went out; a second one after a no-show) →
 * AWAITING_CONFIRMATION (an operator prepared the outcome) → CLOSED (same person or different
 * people) or ESCALATED (no-show after the second invitation, listed for the Dinas). A supervisor
 * who refuses a prepared outcome sends the case back to where it was. CLOSED and ESCALATED are
 * final (the store's trigger {@code cases_closed_final} holds them).
 */
public enum CaseState {
    OPEN,
    INVITED,
    AWAITING_CONFIRMATION,
    CLOSED,
    ESCALATED;

    public Set<CaseState> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(INVITED, AWAITING_CONFIRMATION);
            case INVITED -> EnumSet.of(INVITED, AWAITING_CONFIRMATION);
            case AWAITING_CONFIRMATION -> EnumSet.of(OPEN, INVITED, CLOSED, ESCALATED);
            case CLOSED, ESCALATED -> EnumSet.noneOf(CaseState.class);
        };
    }

    public boolean canMoveTo(CaseState to) {
        return next().contains(to);
    }

    /** Still needs work at the desk (the home screen's count). */
    public boolean isOpen() {
        return this == OPEN || this == INVITED || this == AWAITING_CONFIRMATION;
    }
}
