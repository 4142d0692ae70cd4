package id.rekam.reports;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TimeZone;

/**
 * The draft of the written notification UU 27/2022 Pasal 46 requires after a failure of personal
 * data protection (here: a recording station stolen or lost), in Bahasa Indonesia: which data,
 * when and how it was exposed, how it was protected (encrypted at rest or not), what is being
 * done, and the 3×24-hour deadline counted from the report. A draft: the data controller checks,
 * completes and signs it. Times in WIB; NIKs masked in the annex.
 */
public final class LossNotificationPdf {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id");
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final float BODY = 11f;

    private final ResourceBundle text = ResourceBundle.getBundle("id.rekam.reports.messages", INDONESIAN,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    public byte[] render(LossNotice n) {
        try (PDDocument doc = new PDDocument()) {
            PdfPages p = new PdfPages(doc, null);
            p.newPage();
            p.centered(p.bold, 13, t("loss.title"));
            p.centered(p.italic, 10.5f, t("loss.subtitle"));
            p.down(6);
            p.centered(p.bold, 10, t("loss.draft"));
            p.down(10);
            para(p, t("loss.to"));
            para(p, t("loss.reported", when(n.reportedAt())));
            paraBold(p, t("loss.deadline", when(n.deadline())));
            p.down(6);

            heading(p, t("loss.h.what"));
            String name = n.stationName() == null || n.stationName().isBlank() ? "" : " (" + n.stationName() + ")";
            para(p, t("loss.what", n.stationId(), name, n.office(), t("loss.reason." + n.reason()),
                    Integer.toString(n.mostPeopleExposed()), Integer.toString(n.unpurged().size()),
                    n.reportedPending() == null ? t("loss.what.pendingUnknown") : n.reportedPending().toString()));
            para(p, t("loss.what.kinds"));

            heading(p, t("loss.h.when"));
            para(p, t("loss.when", t("loss.reason." + n.reason()),
                    n.lastContactAt() == null ? t("loss.never") : when(n.lastContactAt()),
                    n.reportedPendingAt() == null ? t("loss.never") : when(n.reportedPendingAt())));

            heading(p, t("loss.h.protection"));
            para(p, t("loss.protection"));

            heading(p, t("loss.h.actions"));
            para(p, "\u2022 " + t("loss.actions.revoked", when(n.reportedAt())));
            para(p, "\u2022 " + (n.eraseCommanded() ? t("loss.actions.erase", when(n.eraseIssuedAt()))
                    : t("loss.actions.noErase")));
            para(p, "\u2022 " + t("loss.actions.server"));
            if (n.note() != null && !n.note().isBlank()) {
                para(p, "\u2022 " + t("loss.actions.note", n.note()));
            }
            annex(p, n);
            p.close();
            footers(doc, p, n);
            info(doc, n);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "25 Agustus 2026 pukul 03.15 WIB". */
    static String when(Instant at) {
        ZonedDateTime z = at.atZone(WIB);
        return IndonesianWords.date(z.toLocalDate()) + String.format(Locale.ROOT, " pukul %02d.%02d WIB",
                z.getHour(), z.getMinute());
    }

    private String t(String key, Object... args) {
        return new MessageFormat(text.getString(key), INDONESIAN).format(args);
    }

    private static void heading(PdfPages p, String s) {
        p.ensure(BODY * 4);
        p.down(BODY * 1.6f);
        p.text(p.bold, BODY + 0.5f, PdfPages.LEFT, p.y(), s);
        p.down(2);
    }

    private static void para(PdfPages p, String s) {
        p.paragraph(p.regular, BODY, PdfPages.LEFT, p.width(), 0, s);
        p.down(3);
    }

    private static void paraBold(PdfPages p, String s) {
        p.paragraph(p.bold, BODY, PdfPages.LEFT, p.width(), 0, s);
        p.down(3);
    }

    private void annex(PdfPages p, LossNotice n) {
        heading(p, t("loss.h.list", n.unpurged().size()));
        if (n.unpurged().isEmpty()) {
            para(p, t("loss.none"));
            return;
        }
        float x = PdfPages.LEFT;
        float w = p.width();
        float[] cols = {34, w - 34 - 130 - 120, 130, 120};
        float rowH = 15;
        p.ensure(rowH * 3);
        header(p, x, cols, rowH);
        int i = 1;
        for (LossNotice.Row r : n.unpurged()) {
            if (p.y() - rowH < PdfPages.BOTTOM) {
                p.newPage();
                header(p, x, cols, rowH);
            }
            float base = p.y() - rowH + 4.5f;
            float cx = x;
            String[] cells = {i++ + ".", r.packetId(), when(r.receivedAt()).replace(" pukul", ","),
                    r.nikMasked() == null ? "-" : r.nikMasked()};
            for (int c = 0; c < cols.length; c++) {
                p.text(p.regular, 8.5f, cx + 4, base, cells[c]);
                cx += cols[c];
            }
            p.line(x, p.y() - rowH, x + w, p.y() - rowH, 0.3f);
            p.down(rowH);
        }
    }

    private void header(PdfPages p, float x, float[] cols, float rowH) {
        float w = 0;
        for (float c : cols) {
            w += c;
        }
        p.fill(x, p.y() - rowH, w, rowH, 0.88f);
        String[] labels = {t("loss.col.no"), t("loss.col.packet"), t("loss.col.received"), t("loss.col.nik")};
        float cx = x;
        for (int c = 0; c < cols.length; c++) {
            p.text(p.bold, 8.5f, cx + 4, p.y() - rowH + 4.5f, labels[c]);
            cx += cols[c];
        }
        p.down(rowH);
    }

    private void footers(PDDocument doc, PdfPages p, LossNotice n) throws IOException {
        int total = doc.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            PDPage page = doc.getPage(i);
            try (PDPageContentStream out = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                PdfText.show(out, p.italic, 8, PdfPages.LEFT, 30,
                        t("loss.footer", when(n.generatedAt()), n.stationId(), i + 1, total));
            }
        }
    }

    private void info(PDDocument doc, LossNotice n) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(t("loss.title") + " " + n.stationId());
        info.setSubject("UU 27/2022 Pasal 46");
        info.setCreator("rekam central server");
        info.setProducer("rekam station-reports (Apache PDFBox)");
        Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        c.setTimeInMillis(n.generatedAt().toEpochMilli());
        info.setCreationDate(c);
        info.setModificationDate(c);
    }
}
