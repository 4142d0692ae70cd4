package id.rekam.core.coverage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds a {@link CoverageReport} from tallies and targets: pure arithmetic, no store. */
public final class CoverageReports {

    /** Records whose kelurahan is unknown (e.g. written before summaries held it) count under this code. */
    public static final String UNKNOWN = "?";

    private CoverageReports() {
    }

    public static CoverageReport build(LocalDate asOf, List<Tally> tallies, List<Target> targets) {
        Map<String, Target> byCode = new LinkedHashMap<>();
        targets.forEach(t -> byCode.put(t.villageCode(), t));
        Map<String, Counts> village = new TreeMap<>();
        Map<String, Counts> villageToday = new TreeMap<>();
        Map<LocalDate, Counts> day = new TreeMap<>();
        Map<String, Counts> member = new TreeMap<>();
        Map<String, Counts> memberToday = new TreeMap<>();
        Map<String, String[]> memberKeys = new LinkedHashMap<>();
        List<String> stations = new ArrayList<>();
        Counts total = Counts.ZERO;
        for (Tally t : tallies) {
            stations.add(t.stationId());
            for (Tally.Row r : t.rows()) {
                Counts c = r.counts();
                String v = r.villageCode() == null ? UNKNOWN : r.villageCode();
                String m = t.stationId() + "|" + r.operator();
                memberKeys.putIfAbsent(m, new String[] {t.stationId(), r.operator()});
                village.merge(v, c, Counts::plus);
                day.merge(r.day(), c, Counts::plus);
                member.merge(m, c, Counts::plus);
                if (r.day().equals(asOf)) {
                    villageToday.merge(v, c, Counts::plus);
                    memberToday.merge(m, c, Counts::plus);
                }
                total = total.plus(c);
            }
        }
        for (String code : byCode.keySet()) {
            village.putIfAbsent(code, Counts.ZERO);
        }
        List<CoverageReport.VillageLine> villages = new ArrayList<>();
        village.forEach((code, c) -> {
            Target t = byCode.get(code);
            villages.add(new CoverageReport.VillageLine(code, t == null ? code : t.villageName(),
                    t == null ? 0 : t.residents(), c, villageToday.getOrDefault(code, Counts.ZERO)));
        });
        List<CoverageReport.DayLine> days = new ArrayList<>();
        day.forEach((d, c) -> days.add(new CoverageReport.DayLine(d, c)));
        List<CoverageReport.MemberLine> members = new ArrayList<>();
        member.forEach((k, c) -> members.add(new CoverageReport.MemberLine(memberKeys.get(k)[0], memberKeys.get(k)[1],
                c, memberToday.getOrDefault(k, Counts.ZERO))));
        long totalTarget = targets.stream().mapToLong(Target::residents).sum();
        return new CoverageReport(asOf, stations, villages, days, members, total, totalTarget);
    }
}
