package id.rekam.reports;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import id.rekam.fixtures.DemoRecords;
import id.rekam.core.domain.EnrollmentRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiptPdfTest {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private final EnrollmentRecord record = new DemoRecords(3, "32.76.01.1008", "S").next();

    @Test
    void receiptCarriesTheRegistrationIdAsTextAndQrButNeverTheWholeNik() throws Exception {
        byte[] pdf = new ReceiptPdf(Locale.forLanguageTag("id"), JAKARTA).render(record,
                new ReceiptPdf.Details("Kecamatan Pancoran Mas, Kota Depok", "spv1", "Menunggu persetujuan"));
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("TANDA TERIMA PEREKAMAN KTP-el").contains(record.id().value())
                    .contains(record.demographics().nik().masked()).contains(record.demographics().fullName())
                    .contains("Kecamatan Pancoran Mas, Kota Depok").contains("Menunggu persetujuan")
                    .contains(id.rekam.core.text.DeskTimes.format(record.createdAt(), JAKARTA))
                    .doesNotContain(record.demographics().nik().value());
            var page = new PDFRenderer(doc).renderImageWithDPI(0, 110);
            var qr = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(
                    page.getWidth(), page.getHeight(),
                    page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth())))));
            assertThat(qr.getText()).isEqualTo(record.id().value());
            String shots = System.getProperty("rekam.screenshots.dir");
            if (shots != null) {
                Files.createDirectories(Path.of(shots));
                ImageIO.write(page, "png", Path.of(shots, "16-receipt.png").toFile());
            }
        }
    }

    @Test
    void englishDeskPrintsAnEnglishReceipt() throws Exception {
        byte[] pdf = new ReceiptPdf(Locale.ENGLISH, JAKARTA).render(record,
                new ReceiptPdf.Details("Pancoran Mas District", "spv1", "Waiting for approval"));
        try (var doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("KTP-el RECORDING RECEIPT")
                    .contains("Registration no.").doesNotContain("TANDA TERIMA");
        }
    }

    @Test
    void bothLanguagesHaveEveryText() throws Exception {
        assertThat(keys("receipt_en.properties")).isNotEmpty().isEqualTo(keys("receipt.properties"));
    }

    private static java.util.Set<String> keys(String file) throws Exception {
        Properties p = new Properties();
        try (InputStream in = ReceiptPdfTest.class.getResourceAsStream("/id/rekam/reports/" + file)) {
            p.load(in);
        }
        return p.stringPropertyNames();
    }
}
