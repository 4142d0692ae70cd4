package id.rekam.core.cases;

import java.time.Instant;

/** One change of a case: when, who, what (a {@link CaseAction}), and a detail for people (opened from its seal). */
public record HistoryEntry(Instant at, String actor, CaseAction action, String detail) {
}
