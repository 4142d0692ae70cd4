package id.rekam.reports;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading a rendered PDF back as a person or a phone would: its text per page, its QR codes, a picture for the docs. */
final class PdfChecks {

    private PdfChecks() {
    }

    static String pageText(PDDocument doc, int page) throws IOException {
        PDFTextStripper s = new PDFTextStripper();
        s.setStartPage(page + 1);
        s.setEndPage(page + 1);
        return s.getText(doc).replaceAll("\\s+", " ");
    }

    /** The QR code in the bottom-left quarter of a page (where the documents put it), decoded. */
    static String footerQr(PDDocument doc, int page) throws IOException, NotFoundException, com.google.zxing.ChecksumException,
            com.google.zxing.FormatException {
        BufferedImage img = new PDFRenderer(doc).renderImageWithDPI(page, 200, ImageType.RGB);
        int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        LuminanceSource src = new RGBLuminanceSource(img.getWidth(), img.getHeight(), px);
        int h = img.getHeight() / 6;
        LuminanceSource crop = src.crop(0, img.getHeight() - h, img.getWidth() / 2, h);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(crop))).getText();
    }

    /** A page as PNG into the screenshots directory when the build asks for screenshots ({@code rekam.screenshots.dir}). */
    static void screenshot(PDDocument doc, int page, String name) throws IOException {
        String dir = System.getProperty("rekam.screenshots.dir");
        if (dir == null || dir.isBlank()) {
            return;
        }
        Files.createDirectories(Path.of(dir));
        ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(page, 110, ImageType.RGB), "png",
                Path.of(dir, name).toFile());
    }
}
