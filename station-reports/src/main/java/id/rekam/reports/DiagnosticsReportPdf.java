package id.rekam.reports;

import id.rekam.core.diag.DiagnosticReport;
import id.rekam.core.diag.DiagnosticReports;
import id.rekam.core.diag.Finding;
import id.rekam.core.diag.ReportGuard;
import id.rekam.core.diag.Status;
import id.rekam.core.text.Bundles;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TimeZone;

/**
 * The help desk's diagnostics report as one file: an A4 PDF a person reads (every finding with
 * its status and next step, the equipment register, loans still out) that carries the same
 * report as JSON inside itself (an embedded file, {@link #ATTACHMENT}), for the help desk's tools.
 * Personal data never enters it: the report holds none ({@link DiagnosticReport}), and every text
 * is scrubbed once more by {@link ReportGuard} on the way in.
 */
public final class DiagnosticsReportPdf {

    /** Name of the embedded JSON. */
    public static final String ATTACHMENT = "rekam-diagnostics.json";
    private static final float BODY = 10f;
    private static final float SMALL = 8.5f;

    private final ResourceBundle text;
    private final Locale locale;
    private final ZoneId zone;

    public DiagnosticsReportPdf(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
        this.text = Bundles.get("id.rekam.reports.diagnostics", locale);
    }

    public byte[] render(DiagnosticReport report) {
        DiagnosticReport r = ReportGuard.scrub(report);
        try (PDDocument doc = new PDDocument()) {
            PdfPages pages = new PdfPages(doc, null);
            header(pages, r);
            findings(pages, r);
            equipment(pages, r);
            loans(pages, r);
            pages.close();
            footers(doc, pages, r);
            attach(doc, r);
            info(doc, r);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String t(String key, Object... args) {
        return Bundles.format(text, locale, key, args);
    }

    private void header(PdfPages p, DiagnosticReport r) {
        p.newPage();
        p.centered(p.bold, 15, t("diag.title"));
        p.centered(p.regular, 11, r.office() + "  \u00b7  " + r.stationId());
        p.down(8);
        DateTimeFormatter f = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm:ss z", locale).withZone(zone);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put(t("diag.generated"), f.format(r.generatedAt()));
        facts.put(t("diag.software"), "rekam " + r.softwareVersion());
        facts.put(t("diag.duration"), t("diag.seconds", r.durationMillis() / 1000.0));
        facts.put(t("diag.reportId"), r.reportId());
        facts.put(t("diag.overall"), word(r.status()));
        for (Map.Entry<String, String> e : facts.entrySet()) {
            p.ensure(BODY * 1.5f);
            p.down(BODY * 1.5f);
            p.text(p.bold, BODY, PdfPages.LEFT, p.y(), e.getKey());
            p.text(p.regular, BODY, PdfPages.LEFT + 120, p.y(), e.getValue());
        }
        p.down(4);
        p.paragraph(p.italic, SMALL, PdfPages.LEFT, p.width(), 0, t("diag.privacy", ATTACHMENT));
    }

    private void findings(PdfPages p, DiagnosticReport r) {
        String area = null;
        for (Finding f : r.findings()) {
            if (!f.area().equals(area)) {
                area = f.area();
                p.ensure(40);
                p.down(16);
                String heading = text.containsKey("diag.area." + area) ? t("diag.area." + area) : area;
                p.text(p.bold, 12, PdfPages.LEFT, p.y(), heading);
                p.down(4);
                p.line(PdfPages.LEFT, p.y(), PdfPages.LEFT + p.width(), p.y(), 0.6f);
            }
            finding(p, f);
        }
    }

    private void finding(PdfPages p, Finding f) {
        float badge = 62;
        float x = PdfPages.LEFT + badge + 8;
        float w = p.width() - badge - 8;
        p.ensure(BODY * 4);
        p.down(BODY * 1.6f);
        float gray = switch (f.status()) {
            case OK -> 0.88f;
            case WARNING -> 0.72f;
            case FAILED -> 0.35f;
        };
        p.fill(PdfPages.LEFT, p.y() - 3, badge, BODY + 4, gray);
        PdfText.show(p.stream(), p.bold, SMALL, PdfPages.LEFT + 4, p.y(), word(f.status()));
        if (f.status() == Status.FAILED) {
            // White on dark: the failures stand out on a black-and-white print too.
            try {
                p.fill(PdfPages.LEFT, p.y() - 3, badge, BODY + 4, gray);
                p.stream().setNonStrokingColor(1f, 1f, 1f);
                PdfText.show(p.stream(), p.bold, SMALL, PdfPages.LEFT + 4, p.y(), word(f.status()));
                p.stream().setNonStrokingColor(0f, 0f, 0f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        p.text(p.bold, BODY, x, p.y(), f.title());
        p.paragraph(p.regular, BODY, x, w, 0, f.result().isBlank() ? "-" : f.result());
        if (f.status() != Status.OK && !f.nextStep().isBlank()) {
            p.paragraph(p.italic, BODY, x, w, 0, t("diag.next", f.nextStep()));
        }
    }

    private void equipment(PdfPages p, DiagnosticReport r) {
        heading(p, t("diag.equipment"));
        if (r.equipment().isEmpty()) {
            p.paragraph(p.regular, BODY, PdfPages.LEFT, p.width(), 0, t("diag.none"));
            return;
        }
        DateTimeFormatter f = DateTimeFormatter.ofPattern("d MMM yyyy", locale).withZone(zone);
        float[] cols = {0, 95, 185, 330};
        row(p, cols, true, t("diag.col.device"), t("diag.col.kind"), t("diag.col.model"), t("diag.col.owner"));
        for (DiagnosticReport.Equipment e : r.equipment()) {
            String model = e.model() + (e.serial().isBlank() ? "" : " / " + e.serial())
                    + (e.simulated() ? " (" + t("diag.simulated") + ")" : "");
            row(p, cols, false, e.deviceId(), e.kind(), model, e.ownerOffice() + " \u00b7 " + f.format(e.lastSeen()));
        }
    }

    private void loans(PdfPages p, DiagnosticReport r) {
        heading(p, t("diag.loans"));
        if (r.openLoans().isEmpty()) {
            p.paragraph(p.regular, BODY, PdfPages.LEFT, p.width(), 0, t("diag.none"));
            return;
        }
        DateTimeFormatter f = DateTimeFormatter.ofPattern("d MMM yyyy", locale);
        float[] cols = {0, 95, 280, 360};
        row(p, cols, true, t("diag.col.device"), t("diag.col.fromTo"), t("diag.col.due"), t("diag.col.loan"));
        for (DiagnosticReport.OpenLoan l : r.openLoans()) {
            row(p, cols, false, l.deviceId(), l.fromOffice() + " -> " + l.toOffice(),
                    f.format(l.dueDate()) + (l.overdue() ? " (" + t("diag.overdue") + ")" : ""), l.loanId());
        }
    }

    private void heading(PdfPages p, String s) {
        p.ensure(40);
        p.down(18);
        p.text(p.bold, 12, PdfPages.LEFT, p.y(), s);
        p.down(4);
        p.line(PdfPages.LEFT, p.y(), PdfPages.LEFT + p.width(), p.y(), 0.6f);
    }

    /** One table row; each cell wraps within its column. */
    private void row(PdfPages p, float[] cols, boolean header, String... cells) {
        float size = SMALL;
        List<List<String>> wrapped = new java.util.ArrayList<>();
        int lines = 1;
        for (int i = 0; i < cells.length; i++) {
            float w = (i + 1 < cols.length ? cols[i + 1] : p.width()) - cols[i] - 6;
            List<String> l = p.wrap(header ? p.bold : p.regular, size, cells[i] == null ? "" : cells[i], w);
            wrapped.add(l);
            lines = Math.max(lines, l.size());
        }
        float h = lines * size * 1.3f + 4;
        p.ensure(h);
        for (int line = 0; line < lines; line++) {
            p.down(size * 1.3f);
            for (int i = 0; i < cells.length; i++) {
                if (line < wrapped.get(i).size()) {
                    p.text(header ? p.bold : p.regular, size, PdfPages.LEFT + cols[i], p.y(), wrapped.get(i).get(line));
                }
            }
        }
        p.down(4);
        p.line(PdfPages.LEFT, p.y(), PdfPages.LEFT + p.width(), p.y(), header ? 0.5f : 0.2f);
    }

    private String word(Status s) {
        return t("diag.status." + s.wire());
    }

    private void footers(PDDocument doc, PdfPages p, DiagnosticReport r) throws IOException {
        int total = doc.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            PDPage page = doc.getPage(i);
            try (PDPageContentStream out = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                float y = 40;
                out.setLineWidth(0.4f);
                out.moveTo(PdfPages.LEFT, y + 14);
                out.lineTo(PdfPages.LEFT + p.width(), y + 14);
                out.stroke();
                PdfText.show(out, p.regular, SMALL, PdfPages.LEFT, y, r.stationId() + "  \u00b7  " + r.reportId());
                String pageText = t("diag.page", i + 1, total);
                PdfText.show(out, p.regular, SMALL, PdfPages.LEFT + p.width() - p.textWidth(p.regular, SMALL, pageText),
                        y, pageText);
            }
        }
    }

    /** The machine-readable report inside the PDF (PDF "attachment": readers list it; tools extract it). */
    private void attach(PDDocument doc, DiagnosticReport r) throws IOException {
        byte[] json = DiagnosticReports.json(r);
        PDEmbeddedFile file = new PDEmbeddedFile(doc, new ByteArrayInputStream(json));
        file.setSubtype("application/json");
        file.setSize(json.length);
        file.setCreationDate(calendar(r));
        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile(ATTACHMENT);
        spec.setFileUnicode(ATTACHMENT);
        spec.setEmbeddedFile(file);
        spec.setEmbeddedFileUnicode(file);
        spec.setFileDescription(t("diag.attachment"));
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(Map.of(ATTACHMENT, spec));
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
        names.setEmbeddedFiles(tree);
        doc.getDocumentCatalog().setNames(names);
    }

    /** The JSON embedded in a report PDF, for the help desk's tools and the tests. */
    public static byte[] embeddedJson(byte[] pdf) {
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
            PDComplexFileSpecification spec = names == null || names.getEmbeddedFiles() == null ? null
                    : names.getEmbeddedFiles().getNames().get(ATTACHMENT);
            if (spec == null || spec.getEmbeddedFile() == null) {
                throw new IllegalArgumentException("no " + ATTACHMENT + " in this PDF");
            }
            return spec.getEmbeddedFile().toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void info(PDDocument doc, DiagnosticReport r) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(t("diag.title") + " " + r.stationId());
        info.setCreator("rekam station");
        info.setProducer("rekam station-reports (Apache PDFBox)");
        info.setCreationDate(calendar(r));
        info.setModificationDate(calendar(r));
    }

    private static Calendar calendar(DiagnosticReport r) {
        Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        c.setTimeInMillis(r.generatedAt().toEpochMilli());
        return c;
    }
}
