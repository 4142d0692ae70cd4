package id.rekam.app.receipt;

import id.rekam.app.DeskTimes;
import id.rekam.core.domain.EnrollmentRecord;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.ResourceBundle;

/**
 * The tanda terima perekaman handed to the citizen: A5, registration id as text and QR, the
 * masked NIK (the full NIK never leaves the store in plain text), name, office and time.
 */
public final class ReceiptPdf {

    private static final float MARGIN = 40;

    private final ResourceBundle bundle;
    private final ZoneId zone;

    public ReceiptPdf(ResourceBundle bundle, ZoneId zone) {
        this.bundle = bundle;
        this.zone = zone;
    }

    public record Details(String officeName, String operatorName, String statusText) {
    }

    /**
     * The receipt as PDF bytes, in memory only: it carries a name and a masked NIK in plain text,
     * so it is never written to the station's disk; it is regenerated from the store on demand.
     */
    public byte[] render(EnrollmentRecord r, Details d) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A5);
            doc.addPage(page);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            float w = page.getMediaBox().getWidth();
            float top = page.getMediaBox().getHeight() - MARGIN;
            PDImageXObject qr = LosslessFactory.createFromImage(doc, QrCodes.render(r.id().value(), 300));
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                text(cs, bold, 15, MARGIN, top, t("receipt.title"));
                text(cs, regular, 10, MARGIN, top - 18, d.officeName());
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
                    text(cs, regular, 9, MARGIN, y, row[0]);
                    text(cs, bold, 10, MARGIN + 110, y, row[1]);
                    y -= 20;
                }
                float qrSize = 130;
                cs.drawImage(qr, (w - qrSize) / 2, y - qrSize - 6, qrSize, qrSize);
                y -= qrSize + 26;
                for (String line : wrap(t("receipt.note"), 78)) {
                    text(cs, regular, 9, MARGIN, y, line);
                    y -= 13;
                }
            }
            var out = new java.io.ByteArrayOutputStream(16 * 1024);
            doc.save(out);
            return out.toByteArray();
        }
    }

    private String t(String key) {
        return bundle.getString(key);
    }

    private static void text(PDPageContentStream cs, PDType1Font font, float size, float x, float y, String s)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > width && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
