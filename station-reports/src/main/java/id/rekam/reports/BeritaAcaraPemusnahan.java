package id.rekam.reports;

import id.rekam.core.cards.DestructionCategory;
import id.rekam.core.cards.DestructionRecord;
import id.rekam.core.cards.Official;
import id.rekam.core.cards.Witness;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The berita acara pemusnahan KTP-el (official record of a card destruction, SE
 * 470.13/11176/SJ) as an A4 PDF in the layout of an Indonesian official letter: letterhead,
 * title and number, the day and place written out, the officer and witnesses, the legal basis,
 * a table of counts per category, closing, signature blocks for the officer and each witness,
 * and an annex listing every serial. Each page carries "page x of y" and a QR code with the
 * record's number, date and card count so a printed copy can be checked against the station.
 */
public final class BeritaAcaraPemusnahan {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id");
    private static final float BODY = 11.5f;

    private final ResourceBundle text = ResourceBundle.getBundle("id.rekam.reports.messages", INDONESIAN,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    /** The QR text printed on every page. */
    public static String verificationCode(DestructionRecord r) {
        return "rekam-ba:" + r.number() + "|" + r.date() + "|" + r.total() + "|" + r.id();
    }

    public byte[] render(DestructionRecord r) {
        try (PDDocument doc = new PDDocument()) {
            PdfPages pages = new PdfPages(doc, null);
            letterhead(pages, r);
            title(pages, r);
            opening(pages, r);
            table(pages, r);
            closing(pages, r);
            signatures(pages, r);
            annex(pages, r);
            pages.close();
            footers(doc, pages, r);
            info(doc, r);
            return PdfInfo.save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String t(String key, Object... args) {
        return new MessageFormat(text.getString(key), INDONESIAN).format(args);
    }

    public String categoryLabel(DestructionCategory c) {
        return text.getString("category." + c.name());
    }

    private void letterhead(PdfPages p, DestructionRecord r) {
        p.newPage();
        new Letterhead(r.region(), letterheadOffice(r.office(), r.region()), null, null, null, null).draw(p);
    }

    private void title(PdfPages p, DestructionRecord r) {
        String title = t("ba.title");
        float size = 13.5f;
        p.down(size);
        float w = p.textWidth(p.bold, size, title);
        float x = PdfPages.LEFT + (p.width() - w) / 2;
        p.text(p.bold, size, x, p.y(), title);
        p.underline(x, p.y() - 2f, w, 0.8f);
        p.down(5);
        p.centered(p.bold, 12, t("ba.subtitle"));
        p.centered(p.regular, 12, t("ba.number", r.number()));
        p.down(12);
    }

    private void opening(PdfPages p, DestructionRecord r) {
        String numeric = String.format(Locale.ROOT, "%02d-%02d-%d", r.date().getDayOfMonth(), r.date().getMonthValue(),
                r.date().getYear());
        p.paragraph(p.regular, BODY, PdfPages.LEFT, p.width(), 36,
                t("ba.opening", IndonesianWords.dateInWords(r.date()), numeric, r.place()));
        p.down(4);
        Official o = r.officer();
        labelled(p, 36, t("ba.name"), o.name(), true);
        if (o.nip() != null && !o.nip().isBlank()) {
            labelled(p, 36, t("ba.nip"), o.nip(), false);
        }
        labelled(p, 36, t("ba.position"), o.position(), false);
        labelled(p, 36, t("ba.office"), r.office(), false);
        p.down(4);
        p.paragraph(p.regular, BODY, PdfPages.LEFT, p.width(), 0, t("ba.asOfficer"));
        int i = 1;
        for (Witness w : r.witnesses()) {
            String who = w.name() + (blank(w.position()) ? "" : ", " + w.position()) + ", " + w.office() + ";";
            numbered(p, 36, i++ + ".", who);
        }
        p.down(4);
        p.paragraph(p.regular, BODY, PdfPages.LEFT, p.width(), 0, t("ba.basis"));
        p.down(8);
    }

    private void labelled(PdfPages p, float indent, String label, String value, boolean strong) {
        float leading = BODY * 1.45f;
        List<String> lines = p.wrap(strong ? p.bold : p.regular, BODY, value == null ? "-" : value,
                p.width() - indent - 82);
        p.ensure(leading * lines.size());
        p.down(leading);
        p.text(p.regular, BODY, PdfPages.LEFT + indent, p.y(), label);
        p.text(p.regular, BODY, PdfPages.LEFT + indent + 70, p.y(), ":");
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                p.down(leading);
            }
            p.text(strong ? p.bold : p.regular, BODY, PdfPages.LEFT + indent + 82, p.y(), lines.get(i));
        }
    }

    private void numbered(PdfPages p, float indent, String number, String value) {
        p.ensure(BODY * 1.45f);
        p.text(p.regular, BODY, PdfPages.LEFT + indent, p.y() - BODY * 1.45f, number);
        p.paragraph(p.regular, BODY, PdfPages.LEFT + indent + 18, p.width() - indent - 18, 0, value);
    }

    private void table(PdfPages p, DestructionRecord r) {
        float x = PdfPages.LEFT + 10;
        float w = p.width() - 20;
        float[] cols = {34, w - 34 - 110, 110};
        float rowH = 20;
        p.ensure(rowH * (r.counts().size() + 2) + 10);
        float top = p.y();
        p.fill(x, top - rowH, w, rowH, 0.88f);
        cells(p, x, top, cols, rowH, p.bold, true, t("ba.col.no"), t("ba.col.category"), t("ba.col.count"));
        float rowTop = top - rowH;
        int i = 1;
        for (DestructionCategory c : DestructionCategory.values()) {
            cells(p, x, rowTop, cols, rowH, p.regular, false, i++ + ".", categoryLabel(c),
                    Integer.toString(r.counts().getOrDefault(c, 0)));
            rowTop -= rowH;
        }
        cells(p, x, rowTop, cols, rowH, p.bold, false, "", t("ba.total"), Integer.toString(r.total()));
        rowTop -= rowH;
        p.rect(x, rowTop, w, top - rowTop, 0.9f);
        p.down(top - rowTop + 6);
        p.paragraph(p.regular, BODY, PdfPages.LEFT, p.width(), 0,
                t("ba.totalWords", r.total(), IndonesianWords.number(r.total())));
    }

    /** One table row; numbers right-aligned in the last column, the rest left-aligned. */
    private void cells(PdfPages p, float x, float top, float[] cols, float h, PDFont font, boolean header,
                       String... values) {
        float cx = x;
        float baseline = top - h + 6.5f;
        for (int c = 0; c < cols.length; c++) {
            String v = values[c];
            float tw = p.textWidth(font, 10.5f, v);
            float tx = header ? cx + (cols[c] - tw) / 2
                    : c == cols.length - 1 ? cx + cols[c] - tw - 10 : c == 0 ? cx + (cols[c] - tw) / 2 : cx + 6;
            p.text(font, 10.5f, tx, baseline, v);
            if (c > 0) {
                p.line(cx, top, cx, top - h, 0.6f);
            }
            cx += cols[c];
        }
        p.line(x, top - h, cx, top - h, 0.6f);
    }

    private void closing(PdfPages p, DestructionRecord r) {
        p.down(2);
        p.paragraph(p.regular, BODY, PdfPages.LEFT, p.width(), 36, t("ba.annexNote"));
        p.paragraph(p.regular, BODY, PdfPages.LEFT, p.width(), 36, t("ba.closing"));
        p.down(14);
    }

    private void signatures(PdfPages p, DestructionRecord r) {
        // Officer: right-hand block, kept whole on one page.
        float blockX = PdfPages.LEFT + p.width() * 0.52f;
        float blockW = p.width() * 0.48f;
        Official o = r.officer();
        p.ensure(130);
        line(p, blockX, t("ba.signedAt", city(r.region()), IndonesianWords.date(r.date())), p.regular);
        line(p, blockX, t("ba.officerTitle"), p.regular);
        if (!blank(o.position())) {
            for (String l : p.wrap(p.regular, BODY, o.position(), blockW)) {
                line(p, blockX, l, p.regular);
            }
        }
        p.down(52);
        line(p, blockX, o.name(), p.bold);
        p.underline(blockX, p.y() - 2, p.textWidth(p.bold, BODY, o.name()), 0.7f);
        if (!blank(o.nip())) {
            line(p, blockX, t("ba.nip") + ". " + o.nip(), p.regular);
        }
        p.down(20);

        // Witnesses: one row each, signature places staggered left/right as on paper records.
        float rowH = 46;
        float x = PdfPages.LEFT;
        float w = p.width();
        float[] cols = {30, w - 30 - 200, 200};
        p.ensure(22 + rowH * Math.min(2, r.witnesses().size()) + 20);
        p.down(BODY);
        p.text(p.bold, BODY, x, p.y(), t("ba.witnesses"));
        p.down(8);
        String[] header = {t("ba.col.no"), t("ba.col.witness"), t("ba.col.signature")};
        runningHeader(p, x, cols, header);
        int i = 1;
        for (Witness wi : r.witnesses()) {
            float top = rowTop(p, rowH, x, cols, header);
            p.text(p.regular, 10.5f, x + 10, top - 15, i + ".");
            p.text(p.bold, 10.5f, x + cols[0] + 6, top - 15, wi.name());
            String detail = (blank(wi.position()) ? "" : wi.position() + ", ") + wi.office();
            List<String> lines = p.wrap(p.regular, 10, detail, cols[1] - 12);
            float ly = top - 28;
            for (String l : lines.subList(0, Math.min(2, lines.size()))) {
                p.text(p.regular, 10, x + cols[0] + 6, ly, l);
                ly -= 11;
            }
            float sx = x + cols[0] + cols[1] + (i % 2 == 1 ? 8 : 90);
            p.text(p.regular, 10.5f, sx, top - rowH + 10, i + ". ..............................");
            rowRules(p, x, cols, top, rowH, 0.6f);
            i++;
        }
    }

    /** The header of a three-column table that runs over pages: shaded, outlined, on top of each page's part. */
    private void runningHeader(PdfPages p, float x, float[] cols, String... labels) {
        float h = 18;
        float top = p.y();
        float w = cols[0] + cols[1] + cols[2];
        p.fill(x, top - h, w, h, 0.88f);
        cells(p, x, top, cols, h, p.bold, true, labels);
        p.line(x, top, x + w, top, 0.6f);
        p.line(x, top, x, top - h, 0.6f);
        p.line(x + w, top, x + w, top - h, 0.6f);
        p.down(h);
    }

    /** Where the next row of a running table starts: on a new page, under the header again, when it would not fit. */
    private float rowTop(PdfPages p, float rowH, float x, float[] cols, String... header) {
        if (p.y() - rowH < PdfPages.BOTTOM) {
            p.newPage();
            runningHeader(p, x, cols, header);
        }
        return p.y();
    }

    /** Closes a running table's row: its bottom rule, the outer and column rules, then moves below it. */
    private static void rowRules(PdfPages p, float x, float[] cols, float top, float rowH, float bottomWidth) {
        float w = cols[0] + cols[1] + cols[2];
        p.line(x, top - rowH, x + w, top - rowH, bottomWidth);
        p.line(x, top, x, top - rowH, 0.6f);
        p.line(x + cols[0], top, x + cols[0], top - rowH, 0.6f);
        p.line(x + cols[0] + cols[1], top, x + cols[0] + cols[1], top - rowH, 0.6f);
        p.line(x + w, top, x + w, top - rowH, 0.6f);
        p.down(rowH);
    }

    private static void line(PdfPages p, float x, String s, PDFont font) {
        p.down(BODY * 1.45f);
        p.text(font, BODY, x, p.y(), s);
    }

    private void annex(PdfPages p, DestructionRecord r) {
        p.newPage();
        float x = PdfPages.LEFT + p.width() * 0.40f;
        line(p, x, t("ba.annex.title"), p.bold);
        line(p, x, t("ba.annex.number"), p.regular);
        p.text(p.regular, BODY, x + 48, p.y(), ": " + r.number());
        line(p, x, t("ba.annex.date"), p.regular);
        p.text(p.regular, BODY, x + 48, p.y(), ": " + IndonesianWords.date(r.date()));
        p.down(22);
        p.centered(p.bold, 12.5f, t("ba.annex.heading"));
        p.down(8);
        float tableX = PdfPages.LEFT + 10;
        float w = p.width() - 20;
        float[] cols = {44, 170, w - 44 - 170};
        float rowH = 16.5f;
        String[] header = {t("ba.col.no"), t("ba.col.serial"), t("ba.col.category")};
        runningHeader(p, tableX, cols, header);
        int i = 1;
        for (DestructionRecord.Item item : r.items()) {
            float top = rowTop(p, rowH, tableX, cols, header);
            float cx = tableX;
            String no = i + ".";
            p.text(p.regular, 10, cx + cols[0] - 8 - p.textWidth(p.regular, 10, no), top - rowH + 5, no);
            cx += cols[0];
            p.text(p.regular, 10, cx + 6, top - rowH + 5, item.serial());
            cx += cols[1];
            p.text(p.regular, 10, cx + 6, top - rowH + 5, categoryLabel(item.category()));
            rowRules(p, tableX, cols, top, rowH, 0.4f);
            i++;
        }
    }

    private void footers(PDDocument doc, PdfPages p, DestructionRecord r) throws IOException {
        int total = doc.getNumberOfPages();
        String code = verificationCode(r);
        for (int i = 0; i < total; i++) {
            PDPage page = doc.getPage(i);
            try (PDPageContentStream out = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                float qr = 52;
                float y = 18;
                QrCodes.draw(out, code, PdfPages.LEFT, y, qr);
                out.setLineWidth(0.4f);
                out.moveTo(PdfPages.LEFT, y + qr + 6);
                out.lineTo(PdfPages.LEFT + p.width(), y + qr + 6);
                out.stroke();
                PdfText.show(out, p.italic, 8, PdfPages.LEFT + qr + 8, y + qr - 10, t("ba.footer.check"));
                PdfText.show(out, p.regular, 8, PdfPages.LEFT + qr + 8, y + qr - 21, r.number() + "  \u00b7  " + r.id());
                String pageText = t("ba.footer.page", i + 1, total);
                PdfText.show(out, p.regular, 9, PdfPages.LEFT + p.width() - p.textWidth(p.regular, 9, pageText), y + 4,
                        pageText);
            }
        }
    }

    private void info(PDDocument doc, DestructionRecord r) {
        PdfInfo.fix(doc, t("ba.title") + " KTP-el " + r.number(), "SE 470.13/11176/SJ", r.createdAt(),
                verificationCode(r));
    }

    /** The government line already names the region, so the office line drops it from its end. */
    static String letterheadOffice(String office, String region) {
        String o = office.strip();
        if (o.length() > region.length() && o.toLowerCase(Locale.ROOT).endsWith(" " + region.toLowerCase(Locale.ROOT))) {
            return o.substring(0, o.length() - region.length()).strip();
        }
        return o;
    }

    /** "Kota Kupang" → "Kupang", "Kabupaten Tangerang" → "Tangerang": the place line names the town. */
    static String city(String region) {
        return region.replaceFirst("(?i)^(kota|kabupaten|kab\\.)\\s+", "");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
