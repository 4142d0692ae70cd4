package id.rekam.reports;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The draft UU 27/2022 Pasal 46 notification for a stolen station, in Bahasa Indonesia: which data,
 * when and how it may have been exposed, whether it was encrypted at rest, what is being done, and
 * the 3×24-hour deadline counted from the report — with NIKs only masked.
 */
class LossNotificationPdfTest {

    /** Reported on Saturday 25 August 2026, 03:15 WIB (20:15 UTC the day before). */
    static final Instant REPORTED = Instant.parse("2026-08-24T20:15:00Z");

    static LossNotice notice(int rows, Integer pending, boolean erase) {
        List<LossNotice.Row> unpurged = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            unpurged.add(new LossNotice.Row("reg-" + i, Instant.parse("2026-08-20T02:00:00Z").plusSeconds(i * 60L),
                    "360301******" + String.format("%04d", i)));
        }
        return new LossNotice("ST-360301-0002", "Meja 2", "36.03.01", "stolen", "digondol maling dini hari",
                REPORTED, REPORTED.plus(Duration.ofHours(72)), Instant.parse("2026-08-24T09:30:00Z"), pending,
                Instant.parse("2026-08-24T09:30:00Z"), unpurged, 412, erase,
                erase ? REPORTED.plusSeconds(600) : null, REPORTED.plusSeconds(900));
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void saysWhichDataWhenHowProtectedWhatIsDoneAndByWhen() throws Exception {
        String t = text(new LossNotificationPdf().render(notice(3, 17, true)));
        assertThat(t).contains("PEMBERITAHUAN TERTULIS KEGAGALAN PELINDUNGAN DATA PRIBADI")
                .contains("Pasal 46 Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi")
                // 3 × 24 hours from the report, in WIB.
                .contains("Batas waktu pemberitahuan (3 × 24 jam sejak kejadian dilaporkan): 28 Agustus 2026 pukul 03.15 WIB")
                .contains("Kejadian dilaporkan ke server pusat: 25 Agustus 2026 pukul 03.15 WIB")
                // Which data: how many people at most, and of what kind.
                .contains("ST-360301-0002 (Meja 2)").contains("paling banyak 20 orang")
                .contains("3 rekaman yang sudah diterima server pusat").contains("17 rekaman")
                .contains("foto wajah").contains("sidik jari").contains("NIK")
                // When and how.
                .contains("dilaporkan dicuri").contains("Kontak terakhir stasiun dengan server pusat: 24 Agustus 2026 pukul 16.30 WIB")
                // Encrypted at rest or not.
                .contains("AES-256-GCM").contains("Data pribadi terenkripsi saat tersimpan: YA")
                // What is being done.
                .contains("dicabut pada 25 Agustus 2026 pukul 03.15 WIB")
                .contains("crypto-erase) dikirim pada 25 Agustus 2026 pukul 03.25 WIB")
                .contains("digondol maling dini hari")
                // The annex: masked NIKs.
                .contains("reg-2").contains("360301******0002");
        assertThat(t).doesNotContainPattern("\\b\\d{16}\\b");
    }

    @Test
    void withoutAReportOrAnEraseItSaysSoAndALongAnnexRunsOverPages() throws Exception {
        byte[] pdf = new LossNotificationPdf().render(notice(120, null, false));
        String t = text(pdf);
        assertThat(t).contains("tidak diketahui jumlahnya").contains("Belum ada perintah penghapusan kunci")
                .contains("reg-119");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(2);
            assertThat(new PDFTextStripper().getText(doc)).contains("halaman 3 dari " + doc.getNumberOfPages());
            Path out = Path.of(System.getProperty("rekam.screenshots.dir", "target/screenshots"));
            Files.createDirectories(out);
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 80), "png",
                    out.resolve("loss-notification.png").toFile());
        }
    }
}
