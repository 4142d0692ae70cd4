package id.rekam.core.diag;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a help desk receives about a station: every finding of one diagnostics run, the
 * equipment register and the loans still out. Identifies the station, its office and its
 * devices, never a citizen or an operator (docs/schemas/report/diagnostics.schema.json;
 * {@link ReportGuard} checks it before it is written).
 *
 * @param format        version of this layout ({@link #FORMAT})
 * @param language      the language of the texts (id, en)
 */
public record DiagnosticReport(int format, String reportId, String stationId, String office, Instant generatedAt,
                               String language, String softwareVersion, long durationMillis, Status status,
                               List<Finding> findings, List<Equipment> equipment, List<OpenLoan> openLoans) {

    public static final int FORMAT = 1;

    public DiagnosticReport {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(generatedAt, "generatedAt");
        findings = List.copyOf(findings);
        equipment = List.copyOf(equipment);
        openLoans = List.copyOf(openLoans);
    }

    /** A device of the register, as the help desk needs it to match a complaint to the hardware. */
    public record Equipment(String deviceId, String kind, String model, String serial, String ownerOffice,
                            boolean simulated, Instant lastSeen) {
    }

    /** A loan still out: which device, between which offices, until when. No names of people. */
    public record OpenLoan(String loanId, String deviceId, String fromOffice, String toOffice, LocalDate dueDate,
                           boolean overdue) {
    }

    /** The worst status of the findings (OK when there are none). */
    public static Status worst(List<Finding> findings) {
        Status s = Status.OK;
        for (Finding f : findings) {
            s = s.and(f.status());
        }
        return s;
    }
}
