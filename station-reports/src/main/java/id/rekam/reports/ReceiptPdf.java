package id.rekam.reports;

import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.text.Bundles;
import id.rekam.core.text.DeskTimes;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The tanda terima perekaman handed to the citizen: A5, registration id as text and QR, the
 * masked NIK (the full NIK never leaves the store in plain text), name, office, time, station,
 * operator and status, and the hand-over rule.
 *
 * <p>The receipt names the citizen, so it is returned as bytes and never written anywhere by this
 * class; the station renders it again from the encrypted store whenever it is needed.
 */
public final class ReceiptPdf {

    private static final float MARGIN = 40;
    private static final float QR_SIZE = 130;

    private final ResourceBundle text;
    private final ZoneId zone;

    /** @param locale the receipt's language (Bahasa Indonesia unless English is asked for) */
    public ReceiptPdf(Locale locale, ZoneId zone) {
        this.text = Bundles.get("id.rekam.reports.receipt", locale);
        this.zone = zone;
    }

    /** What the record does not say: the office's name, who recorded, the record's status in words. */
    public record Details(String officeName, String operatorName, String statusText) {
    }

    public byte[] render(EnrollmentRecord r, Details d) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A5);
            doc.addPage(page);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            float w = page.getMediaBox().getWidth();
            float top = page.getMediaBox().getHeight() - MARGIN;
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                PdfText.show(cs, bold, 15, MARGIN, top, t("receipt.title"));
                PdfText.show(cs, regular, 10, MARGIN, top - 18, d.officeName());
                cs.setLineWidth(0.8f);
                cs.moveTo(MARGIN, top - 28);
                cs.lineTo(w - MARGIN, top - 28);
                cs.stroke();
                float y = top - 52;
                List<String[]> rows = List.of(
                        new String[] {t("receipt.regId"), r.id().value()},
                        new String[] {t("receipt.nik"), r.demographics().nik().masked()},
                        new String[] {t("receipt.name"), r.demographics().fullName()},
                        new String[] {t("receipt.when"), DeskTimes.format(r.createdAt(), zone)},
                        new String[] {t("receipt.station"), r.stationId()},
                        new String[] {t("receipt.operator"), d.operatorName()},
                        new String[] {t("receipt.status"), d.statusText()});
                for (String[] row : rows) {
                    PdfText.show(cs, regular, 9, MARGIN, y, row[0]);
                    PdfText.show(cs, bold, 10, MARGIN + 110, y, row[1]);
                    y -= 20;
                }
                QrCodes.draw(cs, r.id().value(), (w - QR_SIZE) / 2, y - QR_SIZE - 6, QR_SIZE);
                y -= QR_SIZE + 26;
                for (String line : PdfText.wrap(regular, 9, t("receipt.note"), w - 2 * MARGIN)) {
                    PdfText.show(cs, regular, 9, MARGIN, y, line);
                    y -= 13;
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String t(String key) {
        return text.getString(key);
    }
}
