package id.rekam.core.cases;

import id.rekam.core.store.StationStore;
import id.rekam.core.store.StoreTransaction;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The home screen's open-case figures and the period report for the Dinas. */
final class CaseReports {

    private final StationStore store;

    CaseReports(StationStore store) {
        this.store = store;
    }

    OpenCases open() {
        return store.read(tx -> {
            Instant now = tx.clock().instant();
            Map<OpenCases.AgeBand, Integer> byAge = bands();
            Map<String, Integer> byVillage = new LinkedHashMap<>();
            int total = 0;
            int overdue = 0;
            int waiting = 0;
            try (PreparedStatement p = tx.connection().prepareStatement("SELECT state, opened_at, deadline, "
                    + "coalesce(village_code, '-') FROM cases WHERE state IN ('OPEN', 'INVITED', 'AWAITING_CONFIRMATION')");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    total++;
                    long days = (now.toEpochMilli() - rs.getLong(2)) / 86_400_000L;
                    byAge.merge(OpenCases.AgeBand.of(days), 1, Integer::sum);
                    byVillage.merge(rs.getString(4), 1, Integer::sum);
                    overdue += now.toEpochMilli() > rs.getLong(3) ? 1 : 0;
                    waiting += "AWAITING_CONFIRMATION".equals(rs.getString(1)) ? 1 : 0;
                }
            }
            Map<String, Integer> sorted = new LinkedHashMap<>();
            byVillage.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey())).forEach(e -> sorted.put(e.getKey(), e.getValue()));
            return new OpenCases(total, byAge, sorted, overdue, waiting);
        });
    }

    private static Map<OpenCases.AgeBand, Integer> bands() {
        Map<OpenCases.AgeBand, Integer> m = new EnumMap<>(OpenCases.AgeBand.class);
        for (OpenCases.AgeBand b : OpenCases.AgeBand.values()) {
            m.put(b, 0);
        }
        return m;
    }

    /** Days {@code from} to {@code to}, both included, in the station's time zone. */
    CasePeriodReport period(LocalDate from, LocalDate to) {
        ZoneId zone = store.zone();
        long start = from.atStartOfDay(zone).toInstant().toEpochMilli();
        long end = to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        return store.read(tx -> {
            Map<CaseSource, Integer> opened = new EnumMap<>(CaseSource.class);
            for (CaseSource s : CaseSource.values()) {
                opened.put(s, 0);
            }
            for (CaseRows.Row r : CaseRows.select(tx, "WHERE opened_at >= ? AND opened_at < ?", start, end)) {
                opened.merge(r.source(), 1, Integer::sum);
            }
            Map<Outcome, Integer> closed = new EnumMap<>(Outcome.class);
            Map<VoidReason, Integer> voided = new EnumMap<>(VoidReason.class);
            for (Outcome o : Outcome.values()) {
                closed.put(o, 0);
            }
            for (VoidReason v : VoidReason.values()) {
                voided.put(v, 0);
            }
            List<CasePeriodReport.Escalated> escalated = new ArrayList<>();
            for (CaseRows.Row r : CaseRows.select(tx, "WHERE closed_at >= ? AND closed_at < ? ORDER BY closed_at, id",
                    start, end)) {
                closed.merge(r.outcome(), 1, Integer::sum);
                PreparedOutcome p = CaseSeals.open(tx, r.prepared(), r.id(), CaseSeals.PREPARED, PreparedOutcome.class);
                if (p.voidReason() != null) {
                    voided.merge(p.voidReason(), 1, Integer::sum);
                }
                if (r.state() == CaseState.ESCALATED) {
                    escalated.add(escalated(tx, r, zone));
                }
            }
            escalated.sort(Comparator.comparing((CasePeriodReport.Escalated e) -> String.valueOf(e.villageCode()))
                    .thenComparing(CasePeriodReport.Escalated::escalatedOn));
            Map<OpenCases.AgeBand, Integer> stillOpen = bands();
            for (CaseRows.Row r : CaseRows.select(tx, "WHERE opened_at < ? AND (closed_at IS NULL OR closed_at >= ?)",
                    end, end)) {
                stillOpen.merge(OpenCases.AgeBand.of((end - r.openedAt().toEpochMilli()) / 86_400_000L), 1, Integer::sum);
            }
            return new CasePeriodReport(from, to, store.stationId(), opened, closed, voided,
                    letters(tx, start, end), escalated, stillOpen);
        });
    }

    private static CasePeriodReport.Escalated escalated(StoreTransaction tx, CaseRows.Row r, ZoneId zone)
            throws SQLException {
        CaseSeals.Summary s = CaseReader.summary(tx, r);
        List<String> letters = InvitationRows.of(tx, r.id()).stream().map(Invitation::letterNumber).toList();
        return new CasePeriodReport.Escalated(r.id(), r.villageCode(), s.citizen(), s.nikShown(), letters,
                r.closedAt().atZone(zone).toLocalDate());
    }

    private static int letters(StoreTransaction tx, long start, long end) throws SQLException {
        try (PreparedStatement p = tx.connection().prepareStatement(
                "SELECT count(*) FROM case_invitations WHERE issued_at >= ? AND issued_at < ?")) {
            p.setLong(1, start);
            p.setLong(2, end);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
