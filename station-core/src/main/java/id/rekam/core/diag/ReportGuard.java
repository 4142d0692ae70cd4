package id.rekam.core.diag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last line of defence of the help desk's report: checks never put personal data in a
 * finding (they report counts, times, device and network facts), but a text they pass on from
 * elsewhere (an exception message, a server's answer) might quote a NIK. Every text of a report
 * goes through {@link #scrub} before it is written: a run of 16 digits, the shape of a NIK,
 * keeps its first 6 and last 4 (the region and the serial), like the masked NIK on a receipt.
 */
public final class ReportGuard {

    private static final Pattern NIK_SHAPED = Pattern.compile("(?<!\\d)(\\d{6})\\d{6}(\\d{4})(?!\\d)");

    private ReportGuard() {
    }

    public static String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = NIK_SHAPED.matcher(text);
        return m.find() ? m.replaceAll("$1******$2") : text;
    }

    public static Finding scrub(Finding f) {
        Map<String, String> facts = new LinkedHashMap<>();
        f.facts().forEach((k, v) -> facts.put(k, scrub(v)));
        return new Finding(f.id(), f.area(), f.status(), scrub(f.title()), scrub(f.result()), scrub(f.nextStep()),
                facts, f.millis());
    }

    /** The report with every text scrubbed. */
    public static DiagnosticReport scrub(DiagnosticReport r) {
        List<Finding> findings = r.findings().stream().map(ReportGuard::scrub).toList();
        List<DiagnosticReport.Equipment> equipment = r.equipment().stream()
                .map(e -> new DiagnosticReport.Equipment(e.deviceId(), e.kind(), scrub(e.model()), scrub(e.serial()),
                        scrub(e.ownerOffice()), e.simulated(), e.lastSeen())).toList();
        List<DiagnosticReport.OpenLoan> loans = r.openLoans().stream()
                .map(l -> new DiagnosticReport.OpenLoan(l.loanId(), l.deviceId(), scrub(l.fromOffice()),
                        scrub(l.toOffice()), l.dueDate(), l.overdue())).toList();
        return new DiagnosticReport(r.format(), r.reportId(), r.stationId(), scrub(r.office()), r.generatedAt(),
                r.language(), r.softwareVersion(), r.durationMillis(), r.status(), findings, equipment, loans);
    }
}
