package id.rekam.app.receipt;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A receipt where there is no printer: its first page as a picture for the screen, or the PDF
 * saved where the operator chooses (a flash disk, to print elsewhere). Saving is the operator's
 * explicit act and never into the station's data directory, which holds nothing personal in the
 * clear. Call off the FX thread.
 */
public final class ReceiptFiles {

    /** Screen resolution of the preview: an A5/A4 page readable at a glance. */
    static final float PREVIEW_DPI = 96;

    private ReceiptFiles() {
    }

    public static BufferedImage firstPage(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFRenderer(doc).renderImageWithDPI(0, PREVIEW_DPI);
        }
    }

    /**
     * Writes {@code tanda-terima-<stem>.pdf} into {@code dir} (with -2, -3 … when taken: an
     * existing file is never overwritten). The name carries no NIK or name.
     *
     * @param stationData the station's data directory, which this refuses
     * @throws IllegalArgumentException the directory does not exist or is the station's data directory
     */
    public static Path save(byte[] pdf, Path dir, String stem, Path stationData) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(target)) {
            throw new IllegalArgumentException("not a directory");
        }
        if (target.startsWith(stationData.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("the station's data directory");
        }
        for (int n = 1; ; n++) {
            Path file = target.resolve("tanda-terima-" + stem + (n == 1 ? "" : "-" + n) + ".pdf");
            // Never over an earlier receipt: the next free name, written whole or not at all.
            if (!Files.exists(file)) {
                id.rekam.core.io.DurableFiles.write(file, pdf);
                return file;
            }
            if (n > 99) {
                throw new FileAlreadyExistsException(file.toString());
            }
        }
    }
}
