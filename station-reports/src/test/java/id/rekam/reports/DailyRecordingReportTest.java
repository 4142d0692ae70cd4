package id.rekam.reports;

import id.rekam.core.coverage.CoverageReport;
import id.rekam.core.coverage.CoverageReports;
import id.rekam.core.coverage.Tally;
import id.rekam.core.coverage.Target;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class DailyRecordingReportTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final LocalDate DAY = LocalDate.of(2026, 11, 25);

    /** A weekend drive in Tapos: two laptops, three kelurahan, a week of work. */
    static CoverageReport tapos() {
        List<Tally.Row> a = new ArrayList<>();
        List<Tally.Row> b = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            LocalDate day = DAY.minusDays(6 - d);
            a.add(new Tally.Row("32.76.06.1001", day, "petugas1", 60 + 7 * d, 55 + 7 * d, 50 + 6 * d, 2));
            b.add(new Tally.Row("32.76.06.1002", day, "petugas2", 40 + 9 * d, d == 6 ? 0 : 40 + 9 * d, 35 + 8 * d, 1));
        }
        b.add(new Tally.Row("32.76.06.1003", DAY, "petugas2", 12, 0, 0, 0));
        return CoverageReports.build(DAY, List.of(
                new Tally(1, "ST-327606-0001", Instant.parse("2026-11-25T09:00:00Z"), a),
                new Tally(1, "ST-327606-0002", Instant.parse("2026-11-25T08:30:00Z"), b)), List.of(
                new Target("32.76.06.1001", "Tapos", 1_057),
                new Target("32.76.06.1002", "Leuwinanggung", 2_480),
                new Target("32.76.06.1003", "Sukatani", 1_930),
                new Target("32.76.06.1004", "Cilangkap", 3_112)));
    }

    @Test
    void showsTheTeamAgainstItsTargetsPerKelurahanMemberAndDay() throws Exception {
        CoverageReport r = tapos();
        byte[] pdf = new DailyRecordingReport(Locale.forLanguageTag("id"), WIB).render(r,
                "Kecamatan Tapos, Kota Depok", "spv1", Instant.parse("2026-11-25T10:15:00Z"));
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("LAPORAN HARIAN PEREKAMAN KTP-el").contains("Rabu, 25 November 2026")
                    .contains("Kecamatan Tapos, Kota Depok").contains("ST-327606-0001, ST-327606-0002")
                    .contains("Tapos").contains("Leuwinanggung").contains("Sukatani").contains("Cilangkap")
                    .contains("1.057").contains("8.579") // total target
                    .contains("petugas1").contains("petugas2").contains("Dibuat oleh: spv1");
            // Tapos: 60+67+...+102 = 567 recorded of 1,057 = 53.6 %.
            assertThat(r.villages().get(0).counts().recorded()).isEqualTo(567);
            assertThat(text).contains("567").contains("53,6 %");
            assertThat(text).as("the kelurahan nobody recorded yet is listed with 0").contains("0,0 %");
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            var page = new PDFRenderer(doc).renderImageWithDPI(0, 80);
            String shots = System.getProperty("rekam.screenshots.dir");
            if (shots != null) {
                Files.createDirectories(Path.of(shots));
                ImageIO.write(page, "png", Path.of(shots, "62-laporan-harian.png").toFile());
            }
        }
    }

    @Test
    void englishAndIndonesianHaveTheSameTexts() throws Exception {
        byte[] pdf = new DailyRecordingReport(Locale.ENGLISH, WIB).render(tapos(), "Tapos District", "spv1",
                Instant.parse("2026-11-25T10:15:00Z"));
        try (var doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("DAILY KTP-el RECORDING REPORT")
                    .contains("Coverage per kelurahan/desa").doesNotContain("LAPORAN");
        }
        assertThat(keys("daily-report_en.properties")).isNotEmpty().isEqualTo(keys("daily-report.properties"));
    }

    private static java.util.Set<String> keys(String file) throws Exception {
        java.util.Properties p = new java.util.Properties();
        try (var in = DailyRecordingReport.class.getResourceAsStream("/id/rekam/reports/" + file)) {
            p.load(in);
        }
        return p.stringPropertyNames();
    }
}
