package id.rekam.core.coverage;

import java.time.LocalDate;
import java.util.List;

/**
 * Where the team stands against its targets: per kelurahan/desa, per day and per team member
 * (station + operator), this station's counts merged with the latest tally of every team member.
 *
 * @param stations the stations whose tallies are included (this one first)
 */
public record CoverageReport(LocalDate asOf, List<String> stations, List<VillageLine> villages, List<DayLine> days,
                             List<MemberLine> members, Counts total, long totalTarget) {

    /** @param target residents obliged to record; 0 when no target is known for the kelurahan */
    public record VillageLine(String villageCode, String villageName, long target, Counts counts, Counts today) {

        /** Recorded as a share of the target, 0–100+; 0 without a target. */
        public double percentRecorded() {
            return target == 0 ? 0 : 100.0 * counts.recorded() / target;
        }
    }

    public record DayLine(LocalDate day, Counts counts) {
    }

    public record MemberLine(String stationId, String operator, Counts counts, Counts today) {
    }

    public double percentRecorded() {
        return totalTarget == 0 ? 0 : 100.0 * total.recorded() / totalTarget;
    }
}
