package id.rekam.reports;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import id.rekam.core.cards.DestructionCategory;
import id.rekam.core.cards.DestructionRecord;
import id.rekam.core.cards.Official;
import id.rekam.core.cards.Witness;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BeritaAcaraPemusnahanTest {

    /** A destruction like Kupang's, scaled down: 130 cards in four categories, two outside witnesses. */
    static DestructionRecord sample() {
        List<DestructionRecord.Item> items = new ArrayList<>();
        DestructionCategory[] cats = {DestructionCategory.DAMAGED, DestructionCategory.MOVED_AWAY,
                DestructionCategory.INVALID_DATA_CHANGED, DestructionCategory.DEFECTIVE_BLANK};
        for (int i = 1; i <= 130; i++) {
            items.add(new DestructionRecord.Item(String.format("KTP-5371-%06d", i), cats[i % 4 == 0 ? 3 : i % 3]));
        }
        Map<DestructionCategory, Integer> counts = new EnumMap<>(DestructionCategory.class);
        for (DestructionCategory c : DestructionCategory.values()) {
            counts.put(c, 0);
        }
        items.forEach(i -> counts.merge(i.category(), 1, Integer::sum));
        return new DestructionRecord("5f0c6a8e-3b1d-4c55-9a57-2f4b1e0d7c11", "470/123/DUKCAPIL/XII/2026",
                LocalDate.of(2026, 12, 13), "Halaman Kantor Dinas Kependudukan dan Pencatatan Sipil Kota Kupang",
                "BURNING", "Dinas Kependudukan dan Pencatatan Sipil Kota Kupang", "Kota Kupang",
                new Official("Drs. Yohanes Ndun, M.Si.", "Kepala Dinas Kependudukan dan Pencatatan Sipil",
                        "19680512 199403 1 007"),
                List.of(new Witness("Markus Lay, S.H.", "Kepala Seksi Penegakan Perda", "Satuan Polisi Pamong Praja Kota Kupang"),
                        new Witness("Ani Bessie, S.E.", "Auditor Ahli Muda", "Inspektorat Kota Kupang"),
                        new Witness("Agus Ririmase", "Sekretaris Dinas", "Dinas Kependudukan dan Pencatatan Sipil Kota Kupang")),
                counts, items, Instant.parse("2026-12-13T02:00:00Z"), "spv");
    }

    @Test
    void rendersAnOfficialRecordWithCountsSignaturesAnnexAndACheckableQr() throws Exception {
        DestructionRecord r = sample();
        byte[] pdf = new BeritaAcaraPemusnahan().render(r);
        Path out = Path.of("target", "berita-acara");
        Files.createDirectories(out);
        Files.write(out.resolve("berita-acara-pemusnahan.pdf"), pdf);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isBetween(4, 6);
            String all = new PDFTextStripper().getText(doc);
            String norm = all.replaceAll("\\s+", " ");
            assertThat(norm).contains("PEMERINTAH KOTA KUPANG", "BERITA ACARA PEMUSNAHAN",
                    "Nomor: 470/123/DUKCAPIL/XII/2026",
                    "hari Minggu tanggal tiga belas bulan Desember tahun dua ribu dua puluh enam (13-12-2026)",
                    "470.13/11176/SJ", "dengan cara dibakar", "Kupang, 13 Desember 2026",
                    "Drs. Yohanes Ndun, M.Si.", "Markus Lay, S.H.", "Inspektorat Kota Kupang", "SAKSI-SAKSI",
                    "130 (seratus tiga puluh) keping", "LAMPIRAN BERITA ACARA PEMUSNAHAN KTP-el",
                    "KTP-5371-000001", "KTP-5371-000130", "Halaman 1 dari " + doc.getNumberOfPages());
            for (DestructionCategory c : DestructionCategory.values()) {
                assertThat(norm).contains(new BeritaAcaraPemusnahan().categoryLabel(c));
            }
            // The first page's table carries each category's count.
            PDFTextStripper first = new PDFTextStripper();
            first.setStartPage(1);
            first.setEndPage(1);
            String page1 = first.getText(doc);
            assertThat(page1).contains(r.counts().get(DestructionCategory.DEFECTIVE_BLANK).toString());

            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                BufferedImage img = renderer.renderImageWithDPI(i, 110, ImageType.RGB);
                ImageIO.write(img, "png", out.resolve("page-" + (i + 1) + ".png").toFile());
                if (i == 0) {
                    BufferedImage fine = renderer.renderImageWithDPI(i, 200, ImageType.RGB);
                    assertThat(decodeQr(fine)).isEqualTo(BeritaAcaraPemusnahan.verificationCode(r));
                }
            }
        }
        // Deterministic: the same record gives the same document.
        assertThat(java.util.Arrays.equals(new BeritaAcaraPemusnahan().render(r), pdf)).isTrue();
    }

    @Test
    void terbilang() {
        assertThat(IndonesianWords.number(1)).isEqualTo("satu");
        assertThat(IndonesianWords.number(11)).isEqualTo("sebelas");
        assertThat(IndonesianWords.number(13)).isEqualTo("tiga belas");
        assertThat(IndonesianWords.number(100)).isEqualTo("seratus");
        assertThat(IndonesianWords.number(1000)).isEqualTo("seribu");
        assertThat(IndonesianWords.number(2169)).isEqualTo("dua ribu seratus enam puluh sembilan");
        assertThat(IndonesianWords.number(2629)).isEqualTo("dua ribu enam ratus dua puluh sembilan");
        assertThat(IndonesianWords.number(2018)).isEqualTo("dua ribu delapan belas");
        assertThat(IndonesianWords.number(1_500_000)).isEqualTo("satu juta lima ratus ribu");
        assertThat(IndonesianWords.dateInWords(LocalDate.of(2018, 12, 19)))
                .isEqualTo("hari Rabu tanggal sembilan belas bulan Desember tahun dua ribu delapan belas");
        assertThat(BeritaAcaraPemusnahan.city("Kabupaten Tangerang")).isEqualTo("Tangerang");
        assertThat(BeritaAcaraPemusnahan.letterheadOffice("Dinas Kependudukan dan Pencatatan Sipil Kota Kupang",
                "Kota Kupang")).isEqualTo("Dinas Kependudukan dan Pencatatan Sipil");
    }

    private static String decodeQr(BufferedImage img) throws Exception {
        int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        RGBLuminanceSource src = new RGBLuminanceSource(img.getWidth(), img.getHeight(), px);
        // Only the footer: the QR sits in the bottom-left corner.
        int h = img.getHeight() / 6;
        var crop = src.crop(0, img.getHeight() - h, img.getWidth() / 2, h);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(crop))).getText();
    }
}
