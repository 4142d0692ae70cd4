package id.rekam.core.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a station reports to the Dinas for a period: cases opened (per source), closed (per
 * outcome, and for a person recorded twice per reason), letters sent, and the no-shows escalated
 * to the Dinas with what it needs to follow each one up; and what is still open at the end.
 */
public record CasePeriodReport(LocalDate from, LocalDate to, String stationId, Map<CaseSource, Integer> opened,
                               Map<Outcome, Integer> closed, Map<VoidReason, Integer> voided, int letters,
                               List<Escalated> escalated, Map<OpenCases.AgeBand, Integer> stillOpen) {

    /** A no-show escalated in the period. */
    public record Escalated(String caseId, String villageCode, String citizen, String nikShown,
                            List<String> letterNumbers, LocalDate escalatedOn) {
        @Override
        public String toString() {
            return "Escalated[" + caseId + "]";
        }
    }

    public int openedTotal() {
        return opened.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int closedTotal() {
        return closed.values().stream().mapToInt(Integer::intValue).sum();
    }
}
