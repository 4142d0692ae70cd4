package id.rekam.reports;

import id.rekam.core.cases.CasePeriodReport;
import id.rekam.core.cases.CaseSource;
import id.rekam.core.cases.OpenCases;
import id.rekam.core.cases.Outcome;
import id.rekam.core.cases.VoidReason;
import id.rekam.core.region.Region;
import id.rekam.core.region.RegionCatalog;
import id.rekam.core.text.Bundles;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The period report of KTP ganda cases for the Dinas (docs/design/cases.md): on the office's
 * letterhead, cases opened per source, closed per outcome (a person recorded twice per reason),
 * letters sent, what is still open by age, and the list of citizens who did not come after two
 * letters, for the Dinas to follow up. Every page carries "Halaman x dari y" and a QR code
 * {@code rekam-laporan-kasus:<station>|<from>|<to>|<opened>|<closed>|<escalated>}.
 */
public final class CaseReportPdf {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id");
    private static final float BODY = 11f;

    private final ResourceBundle text = Bundles.get("id.rekam.reports.cases", INDONESIAN);
    private final Letterhead head;
    private final ZoneId zone;

    public CaseReportPdf(Letterhead head, ZoneId zone) {
        this.head = head;
        this.zone = zone;
    }

    public static String verificationCode(CasePeriodReport r) {
        return "rekam-laporan-kasus:" + r.stationId() + "|" + r.from() + "|" + r.to() + "|" + r.openedTotal() + "|"
                + r.closedTotal() + "|" + r.escalated().size();
    }

    /** @param printedAt when the report is made (dated and fixed in the document, so a reprint is identical) */
    public byte[] render(CasePeriodReport r, Instant printedAt) {
        try (PDDocument doc = new PDDocument()) {
            PdfPages p = new PdfPages(doc, null);
            p.newPage();
            head.draw(p);
            p.centered(p.bold, 13.5f, t("report.title"));
            p.centered(p.regular, 11.5f, t("report.period", IndonesianWords.date(r.from()), IndonesianWords.date(r.to())));
            p.centered(p.regular, 11.5f, t("report.station", r.stationId()));
            p.down(10);

            section(p, t("report.opened"));
            List<String[]> opened = new ArrayList<>();
            for (CaseSource s : CaseSource.values()) {
                opened.add(row(t("report.source." + s.name()), r.opened().get(s)));
            }
            table(p, opened, r.openedTotal());

            section(p, t("report.closed"));
            List<String[]> closed = new ArrayList<>();
            for (Outcome o : Outcome.values()) {
                closed.add(row(t("report.outcome." + o.name()), r.closed().get(o)));
                if (o == Outcome.SAME_PERSON) {
                    for (VoidReason v : VoidReason.values()) {
                        closed.add(row("    \u2013 " + t("report.void." + v.name()), r.voided().get(v)));
                    }
                }
            }
            table(p, closed, r.closedTotal());

            section(p, t("report.letters", r.letters()));

            section(p, t("report.open"));
            List<String[]> open = new ArrayList<>();
            int stillOpen = 0;
            for (OpenCases.AgeBand b : OpenCases.AgeBand.values()) {
                open.add(row(t("report.age." + b.name()), r.stillOpen().get(b)));
                stillOpen += r.stillOpen().get(b);
            }
            table(p, open, stillOpen);

            section(p, t("report.escalated"));
            escalated(p, r);

            p.down(8);
            p.paragraph(p.regular, BODY, PdfPages.LEFT, p.width(), 36, t("report.closing"));
            head.signature(p, head.city() + ", " + IndonesianWords.date(printedAt.atZone(zone).toLocalDate()), BODY);
            p.close();
            footers(doc, p, r);
            PdfInfo.fix(doc, t("report.title") + " " + r.from() + " " + r.to(), r.stationId(), printedAt,
                    verificationCode(r));
            return PdfInfo.save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String t(String key, Object... args) {
        return Bundles.format(text, INDONESIAN, key, args);
    }

    private static String[] row(String label, Integer count) {
        return new String[] {label, Integer.toString(count == null ? 0 : count)};
    }

    private void section(PdfPages p, String title) {
        p.ensure(60);
        p.down(8);
        p.paragraph(p.bold, BODY, PdfPages.LEFT, p.width(), 0, title);
        p.down(4);
    }

    /** Label | count rows, then the total, in one outlined block kept on one page. */
    private void table(PdfPages p, List<String[]> rows, int total) {
        float h = 17;
        float x = PdfPages.LEFT + 10;
        float w = p.width() - 20;
        float countW = 80;
        p.ensure(h * (rows.size() + 2) + 6);
        float top = p.y();
        p.fill(x, top - h, w, h, 0.88f);
        cellRow(p, x, top, w, countW, h, p.bold, t("report.col.item"), t("report.col.count"));
        float y = top - h;
        for (String[] r : rows) {
            cellRow(p, x, y, w, countW, h, p.regular, r[0], r[1]);
            y -= h;
        }
        cellRow(p, x, y, w, countW, h, p.bold, t("report.total"), Integer.toString(total));
        y -= h;
        p.rect(x, y, w, top - y, 0.8f);
        p.line(x + w - countW, top, x + w - countW, y, 0.6f);
        p.down(top - y + 4);
    }

    private static void cellRow(PdfPages p, float x, float top, float w, float countW, float h, PDFont font,
                                String label, String count) {
        float base = top - h + 5;
        p.text(font, 10, x + 6, base, label);
        p.text(font, 10, x + w - 8 - p.textWidth(font, 10, count), base, count);
        p.line(x, top - h, x + w, top - h, 0.4f);
    }

    /** One row per citizen: case code, kelurahan, name, masked NIK, letter numbers. */
    private void escalated(PdfPages p, CasePeriodReport r) {
        if (r.escalated().isEmpty()) {
            p.paragraph(p.italic, BODY, PdfPages.LEFT + 10, p.width() - 10, 0, t("report.escalated.none"));
            return;
        }
        float[] cols = {22, 52, 66, 92, 78, p.width() - 20 - 22 - 52 - 66 - 92 - 78};
        String[] header = {t("report.col.no"), t("report.col.case"), t("report.col.village"), t("report.col.name"),
                t("report.col.nik"), t("report.col.letters")};
        float x = PdfPages.LEFT + 10;
        float h = 30;
        escalatedHeader(p, x, cols, header);
        int n = 1;
        for (CasePeriodReport.Escalated e : r.escalated()) {
            if (p.y() - h < PdfPages.BOTTOM) {
                p.newPage();
                escalatedHeader(p, x, cols, header);
            }
            String[] v = {n++ + ".", e.caseId().substring(0, Math.min(8, e.caseId().length())), village(e.villageCode()),
                    e.citizen() == null ? "-" : e.citizen(), e.nikShown() == null ? "-" : e.nikShown(),
                    String.join("\n", e.letterNumbers())};
            float cx = x;
            for (int c = 0; c < cols.length; c++) {
                float ly = p.y() - 11;
                for (String part : v[c].split("\n")) {
                    for (String line : p.wrap(p.regular, 8f, part, cols[c] - 6)) {
                        if (ly > p.y() - h + 2) {
                            p.text(p.regular, 8f, cx + 3, ly, line);
                        }
                        ly -= 10;
                    }
                }
                p.line(cx, p.y(), cx, p.y() - h, 0.4f);
                cx += cols[c];
            }
            p.line(cx, p.y(), cx, p.y() - h, 0.4f);
            p.line(x, p.y() - h, cx, p.y() - h, 0.4f);
            p.down(h);
        }
    }

    private static void escalatedHeader(PdfPages p, float x, float[] cols, String[] header) {
        float h = 18;
        float w = 0;
        for (float c : cols) {
            w += c;
        }
        p.ensure(h + 30);
        p.fill(x, p.y() - h, w, h, 0.88f);
        float cx = x;
        for (int c = 0; c < cols.length; c++) {
            p.text(p.bold, 8.5f, cx + 3, p.y() - h + 6, header[c]);
            cx += cols[c];
        }
        p.rect(x, p.y() - h, w, h, 0.6f);
        p.down(h);
    }

    private static String village(String code) {
        if (code == null) {
            return "-";
        }
        return RegionCatalog.bundled().find(code).map(Region::name).orElse(code);
    }

    private void footers(PDDocument doc, PdfPages p, CasePeriodReport r) throws IOException {
        int total = doc.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            try (PDPageContentStream out = new PDPageContentStream(doc, doc.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                float qr = 52;
                float y = 18;
                QrCodes.draw(out, verificationCode(r), PdfPages.LEFT, y, qr);
                out.setLineWidth(0.4f);
                out.moveTo(PdfPages.LEFT, y + qr + 6);
                out.lineTo(PdfPages.LEFT + p.width(), y + qr + 6);
                out.stroke();
                PdfText.show(out, p.italic, 8, PdfPages.LEFT + qr + 8, y + qr - 10, t("report.footer"));
                String page = t("footer.page", i + 1, total);
                PdfText.show(out, p.regular, 9, PdfPages.LEFT + p.width() - p.textWidth(p.regular, 9, page), y + 4, page);
            }
        }
    }
}
