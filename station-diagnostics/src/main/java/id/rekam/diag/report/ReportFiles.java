package id.rekam.diag.report;

import id.rekam.core.diag.DiagnosticReport;
import id.rekam.core.diag.DiagnosticReports;
import id.rekam.reports.DiagnosticsReportPdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Writes the help desk's report: one PDF that carries its JSON inside, and, when asked, the JSON
 * beside it. Written to a temporary name and moved into place, so a pulled USB stick holds a whole
 * report or none.
 */
public final class ReportFiles {

    private ReportFiles() {
    }

    public static byte[] pdf(DiagnosticReport report, Locale locale, ZoneId zone) {
        return new DiagnosticsReportPdf(locale, zone).render(report);
    }

    public static Path writePdf(Path target, DiagnosticReport report, Locale locale, ZoneId zone) throws IOException {
        return write(target, pdf(report, locale, zone));
    }

    public static Path writeJson(Path target, DiagnosticReport report) throws IOException {
        return write(target, DiagnosticReports.json(report));
    }

    private static Path write(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".rekam-diagnosis", ".partial");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }
}
