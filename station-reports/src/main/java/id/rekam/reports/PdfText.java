package id.rekam.reports;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/** Text in the standard PDF fonts: what they can show, how wide it is, where lines break, drawing it. */
final class PdfText {

    private PdfText() {
    }

    /** Text the standard fonts can show: accents folded, anything else as '?'. */
    static String printable(PDFont font, String s) {
        String folded = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            try {
                font.encode(String.valueOf(c));
                b.append(c);
            } catch (IOException | IllegalArgumentException e) {
                b.append('?');
            }
        }
        return b.toString();
    }

    static float width(PDFont font, float size, String s) {
        try {
            return font.getStringWidth(printable(font, s)) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Words into lines no wider than {@code maxWidth}; a word wider than that gets a line of its own. */
    static List<String> wrap(PDFont font, float size, String text, float maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width(font, size, candidate) <= maxWidth || line.length() == 0) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    static void show(PDPageContentStream out, PDFont font, float size, float x, float y, String s) {
        try {
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, y);
            out.showText(printable(font, s));
            out.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
