package id.rekam.app.receipt;

import id.rekam.app.AppConfig;
import id.rekam.app.StationApp;
import id.rekam.fixtures.DemoRecords;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiptPdfTest {

    @TempDir
    Path dir;

    @Test
    void receiptCarriesTheRegistrationIdAsTextAndQrButNeverTheWholeNik() throws Exception {
        var bundle = StationApp.bundle(new AppConfig("S", "Kecamatan Pancoran Mas", "32.76.01", dir,
                Locale.forLanguageTag("id"), AppConfig.ApprovalMode.END_OF_DAY, false, null));
        var record = new DemoRecords(3, "32.76.01.1008", "S").next();
        byte[] pdf = new ReceiptPdf(bundle, ZoneId.of("Asia/Jakarta")).render(record,
                new ReceiptPdf.Details("Kecamatan Pancoran Mas, Kota Depok", "spv1", "Menunggu persetujuan"));
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("TANDA TERIMA PEREKAMAN KTP-el").contains(record.id().value())
                    .contains(record.demographics().nik().masked()).contains(record.demographics().fullName())
                    .doesNotContain(record.demographics().nik().value());
            var page = new PDFRenderer(doc).renderImageWithDPI(0, 110);
            var qr = new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(
                    new com.google.zxing.common.HybridBinarizer(new com.google.zxing.RGBLuminanceSource(
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
}
