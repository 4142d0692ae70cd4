package id.rekam.reports;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A top-down writer over A4 pages: a cursor that moves down, text that wraps and justifies,
 * and a new page when the next block does not fit. Uses the standard Times faces, which every
 * PDF reader has, so the record prints the same everywhere without embedding fonts.
 */
final class PdfPages implements AutoCloseable {

    static final PDRectangle A4 = PDRectangle.A4;
    static final float LEFT = 85f;   // 3 cm, as naskah dinas leave room for binding
    static final float RIGHT = 57f;  // 2 cm
    static final float TOP = 57f;
    static final float BOTTOM = 80f; // room for the footer

    final PDFont regular = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
    final PDFont bold = new PDType1Font(Standard14Fonts.FontName.TIMES_BOLD);
    final PDFont italic = new PDType1Font(Standard14Fonts.FontName.TIMES_ITALIC);

    final PDDocument doc;
    private PDPageContentStream out;
    private float y;
    private final Runnable onNewPage;

    PdfPages(PDDocument doc, Runnable onNewPage) {
        this.doc = doc;
        this.onNewPage = onNewPage;
    }

    float width() {
        return A4.getWidth() - LEFT - RIGHT;
    }

    float y() {
        return y;
    }

    void down(float dy) {
        y -= dy;
    }

    PDPageContentStream stream() {
        return out;
    }

    void newPage() {
        try {
            if (out != null) {
                out.close();
            }
            PDPage page = new PDPage(A4);
            doc.addPage(page);
            out = new PDPageContentStream(doc, page);
            y = A4.getHeight() - TOP;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (onNewPage != null) {
            onNewPage.run();
        }
    }

    /** Starts a new page unless {@code height} still fits above the footer. */
    void ensure(float height) {
        if (out == null || y - height < BOTTOM) {
            newPage();
        }
    }

    float textWidth(PDFont font, float size, String s) {
        return PdfText.width(font, size, s);
    }

    void text(PDFont font, float size, float x, float atY, String s) {
        PdfText.show(out, font, size, x, atY, s);
    }

    void centered(PDFont font, float size, String s) {
        for (String line : wrap(font, size, s, width())) {
            ensure(size * 1.3f);
            y -= size;
            text(font, size, LEFT + (width() - textWidth(font, size, line)) / 2, y, line);
            y -= size * 0.3f;
        }
    }

    void underline(float x, float atY, float w, float thickness) {
        line(x, atY, x + w, atY, thickness);
    }

    void line(float x1, float y1, float x2, float y2, float thickness) {
        try {
            out.setLineWidth(thickness);
            out.moveTo(x1, y1);
            out.lineTo(x2, y2);
            out.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void rect(float x, float atY, float w, float h, float thickness) {
        try {
            out.setLineWidth(thickness);
            out.addRect(x, atY, w, h);
            out.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void fill(float x, float atY, float w, float h, float gray) {
        try {
            out.setNonStrokingColor(gray, gray, gray);
            out.addRect(x, atY, w, h);
            out.fill();
            out.setNonStrokingColor(0f, 0f, 0f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> wrap(PDFont font, float size, String text, float maxWidth) {
        return PdfText.wrap(font, size, text, maxWidth);
    }

    /** A justified paragraph starting at {@code x} (last line ragged), with an optional first-line indent. */
    void paragraph(PDFont font, float size, float x, float w, float indent, String text) {
        float leading = size * 1.45f;
        List<String> lines = wrapIndented(font, size, text.trim().replaceAll("\\s+", " "), w, indent);
        for (int i = 0; i < lines.size(); i++) {
            ensure(leading);
            y -= leading;
            float startX = x + (i == 0 ? indent : 0);
            float lineWidth = w - (i == 0 ? indent : 0);
            String line = lines.get(i);
            String[] words = line.split(" ");
            if (i == lines.size() - 1 || words.length == 1) {
                text(font, size, startX, y, line);
                continue;
            }
            float wordsWidth = 0;
            for (String word : words) {
                wordsWidth += textWidth(font, size, word);
            }
            float gap = (lineWidth - wordsWidth) / (words.length - 1);
            float cx = startX;
            for (String word : words) {
                text(font, size, cx, y, word);
                cx += textWidth(font, size, word) + gap;
            }
        }
    }

    private List<String> wrapIndented(PDFont font, float size, String text, float w, float indent) {
        List<String> first = wrap(font, size, text, w - indent);
        if (first.size() <= 1 || indent == 0) {
            return first;
        }
        String rest = text.trim().substring(first.get(0).length()).trim();
        List<String> out = new ArrayList<>();
        out.add(first.get(0));
        out.addAll(wrap(font, size, rest, w));
        return out;
    }

    @Override
    public void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out = null;
        }
    }
}
