package id.rekam.reports;

import id.rekam.core.cases.CaseQr;
import id.rekam.core.cases.Invitation;
import id.rekam.core.text.Bundles;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Surat undangan for KTP ganda re-verification (docs/design/cases.md): A4, Bahasa Indonesia, on
 * the office's letterhead — number, date, addressee and address, the appointment (day, time with
 * the zone's WIB/WITA/WIT, place), what to bring (KK, old KTP), a second letter's warning, the
 * signature block, and a QR code with the case id that opens the case at the desk. One letter or
 * a batch for a kelurahan, one page each, in one PDF. The letters name citizens, so they are
 * returned as bytes and never written anywhere by this class.
 */
public final class InvitationLetters {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id");
    private static final float BODY = 11.5f;

    private final ResourceBundle text = Bundles.get("id.rekam.reports.cases", INDONESIAN);
    private final Letterhead head;
    private final ZoneId zone;

    public InvitationLetters(Letterhead head, ZoneId zone) {
        this.head = head;
        this.zone = zone;
    }

    /**
     * One letter.
     *
     * @param previousNumber the first letter's number, for a second invitation; null for the first
     */
    public record Letter(Invitation invitation, String previousNumber) {
    }

    public byte[] render(List<Letter> letters) {
        if (letters.isEmpty()) {
            throw new IllegalArgumentException("no letter to print");
        }
        try (PDDocument doc = new PDDocument()) {
            PdfPages pages = new PdfPages(doc, null);
            for (Letter l : letters) {
                letter(pages, l);
                pages.close();
                footer(doc, pages, doc.getNumberOfPages() - 1, l.invitation());
            }
            Invitation first = letters.get(0).invitation();
            PdfInfo.fix(doc, t("letter.subject.value") + " " + first.letterNumber(), first.letterNumber(),
                    first.issuedAt(), letters.stream().map(l -> l.invitation().letterNumber()).toList().toString());
            return PdfInfo.save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String t(String key, Object... args) {
        return Bundles.format(text, INDONESIAN, key, args);
    }

    private void letter(PdfPages p, Letter l) {
        Invitation i = l.invitation();
        boolean second = i.round() > 1;
        p.newPage();
        head.draw(p);
        LocalDate issued = i.issuedAt().atZone(zone).toLocalDate();
        float leading = BODY * 1.45f;
        float right = PdfPages.LEFT + p.width() * 0.55f;
        p.down(leading);
        p.text(p.regular, BODY, right, p.y(), head.city() + ", " + IndonesianWords.date(issued));
        float top = p.y() - leading;
        // Left: number, nature, attachment, subject. Right: the addressee.
        String[][] refs = {
                {t("letter.number"), i.letterNumber()},
                {t("letter.nature"), t("letter.nature.value")},
                {t("letter.attachment"), "-"},
                {t("letter.subject"), t(second ? "letter.subject.second" : "letter.subject.value")}};
        float y = top;
        for (String[] r : refs) {
            p.text(p.regular, BODY, PdfPages.LEFT, y, r[0]);
            p.text(p.regular, BODY, PdfPages.LEFT + 58, y, ":");
            List<String> lines = p.wrap(r == refs[3] ? p.bold : p.regular, BODY, r[1], right - PdfPages.LEFT - 76);
            for (String line : lines) {
                p.text(r == refs[3] ? p.bold : p.regular, BODY, PdfPages.LEFT + 66, y, line);
                y -= leading;
            }
        }
        float ry = top;
        p.text(p.regular, BODY, right, ry, t("letter.to"));
        ry -= leading;
        for (String line : p.wrap(p.bold, BODY, t("letter.addressee", name(i)), p.width() * 0.45f)) {
            p.text(p.bold, BODY, right, ry, line);
            ry -= leading;
        }
        for (String part : i.address() == null ? new String[0] : i.address().split("\n")) {
            for (String line : p.wrap(p.regular, BODY, part, p.width() * 0.45f)) {
                p.text(p.regular, BODY, right, ry, line);
                ry -= leading;
            }
        }
        p.text(p.regular, BODY, right, ry, t("letter.atPlace"));
        ry -= leading;
        p.down(p.y() - Math.min(y, ry) + 8);

        p.paragraph(p.regular, BODY, PdfPages.LEFT, p.width(), 0, t("letter.greeting"));
        p.paragraph(p.regular, BODY, PdfPages.LEFT, p.width(), 36,
                second ? t("letter.openingSecond", l.previousNumber() == null ? "-" : l.previousNumber())
                        : t("letter.opening"));
        ZonedDateTime at = i.appointment().atZone(zone);
        labelled(p, t("letter.day"), IndonesianWords.dayName(at.toLocalDate()) + ", " + IndonesianWords.date(at.toLocalDate()));
        labelled(p, t("letter.time"), t("letter.time.value", String.format(Locale.ROOT, "%02d.%02d", at.getHour(),
                at.getMinute()), zoneName(at)));
        labelled(p, t("letter.place"), i.place());
        labelled(p, t("letter.purpose"), t("letter.purpose.value"));
        p.down(4);
        p.paragraph(p.regular, BODY, PdfPages.LEFT + 36, p.width() - 36, 0, t("letter.bring"));
        for (int n = 1; n <= 3; n++) {
            p.ensure(leading);
            p.text(p.regular, BODY, PdfPages.LEFT + 54, p.y() - leading, n + ".");
            p.paragraph(p.regular, BODY, PdfPages.LEFT + 70, p.width() - 70, 0, t("letter.bring." + n));
        }
        p.down(4);
        if (second) {
            p.paragraph(p.bold, BODY, PdfPages.LEFT, p.width(), 36, t("letter.secondWarning"));
        }
        p.paragraph(p.regular, BODY, PdfPages.LEFT, p.width(), 36, t("letter.closing"));
        head.signature(p, "", BODY);
    }

    private static String name(Invitation i) {
        return i.addressee() == null || i.addressee().isBlank() ? "................................" : i.addressee();
    }

    private void labelled(PdfPages p, String label, String value) {
        float leading = BODY * 1.45f;
        float x = PdfPages.LEFT + 36;
        List<String> lines = p.wrap(p.regular, BODY, value, p.width() - 36 - 110);
        p.ensure(leading * lines.size());
        p.down(leading);
        p.text(p.regular, BODY, x, p.y(), label);
        p.text(p.regular, BODY, x + 96, p.y(), ":");
        for (int n = 0; n < lines.size(); n++) {
            if (n > 0) {
                p.down(leading);
            }
            p.text(p.regular, BODY, x + 106, p.y(), lines.get(n));
        }
    }

    /** WIB, WITA or WIT by the zone's offset on that day; the offset itself elsewhere. */
    static String zoneName(ZonedDateTime at) {
        return switch (at.getOffset().getTotalSeconds() / 3600) {
            case 7 -> "WIB";
            case 8 -> "WITA";
            case 9 -> "WIT";
            default -> at.getOffset().getId();
        };
    }

    private void footer(PDDocument doc, PdfPages fonts, int pageIndex, Invitation i) throws IOException {
        try (PDPageContentStream out = new PDPageContentStream(doc, doc.getPage(pageIndex),
                PDPageContentStream.AppendMode.APPEND, true, true)) {
            float qr = 62;
            float y = 20;
            QrCodes.draw(out, CaseQr.text(i.caseId()), PdfPages.LEFT, y, qr);
            out.setLineWidth(0.4f);
            out.moveTo(PdfPages.LEFT, y + qr + 6);
            out.lineTo(PdfPages.A4.getWidth() - PdfPages.RIGHT, y + qr + 6);
            out.stroke();
            PdfText.show(out, fonts.italic, 8.5f, PdfPages.LEFT + qr + 8, y + qr - 12, t("letter.footer"));
            PdfText.show(out, fonts.regular, 8.5f, PdfPages.LEFT + qr + 8, y + qr - 24,
                    i.letterNumber() + "  \u00b7  " + i.caseId());
        }
    }
}
