package id.rekam.diag.report;

import id.rekam.core.diag.DiagnosticReport;
import id.rekam.core.diag.ReportGuard;
import id.rekam.core.equipment.EquipmentSnapshot;
import id.rekam.diag.DiagnosticRun;
import id.rekam.diag.software.SoftwareVersion;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A run's findings plus the station's equipment register and open loans, as the help desk's
 * report. Identifies the station and its devices only (see {@link DiagnosticReport}).
 */
public final class ReportBuilder {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private ReportBuilder() {
    }

    public static DiagnosticReport build(DiagnosticRun run, String stationId, String office, Locale locale,
                                         EquipmentSnapshot.Snapshot register) {
        String id = "DIAG-" + stationId + "-" + ID_TIME.format(run.startedAt());
        return ReportGuard.scrub(new DiagnosticReport(DiagnosticReport.FORMAT, id, stationId, office, run.startedAt(),
                locale.getLanguage(), SoftwareVersion.current(), run.took().toMillis(), run.status(), run.findings(),
                register.equipment(), register.openLoans()));
    }

    /** A file name for the report: station and time, nothing else. */
    public static String fileName(DiagnosticReport r, String extension) {
        return "rekam-diagnosis-" + r.stationId() + "-" + ID_TIME.format(r.generatedAt()) + "." + extension;
    }
}
