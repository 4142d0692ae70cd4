package id.rekam.reports;

import id.rekam.core.cases.CaseQr;
import id.rekam.core.cases.Invitation;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Letters checked as a citizen and a desk read them: the text, and the QR code decoded back to the case. */
class InvitationLettersTest {

    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    static final Letterhead KLATEN = new Letterhead("Kabupaten Klaten", "Kecamatan Kemalang",
            "Jl. Kemalang-Deles No. 1, Kemalang, Klaten 57484", "Camat Kemalang", "Drs. Sutrisno, M.Si.",
            "19700101 199503 1 004");

    static Invitation invitation(String caseId, int round, String number, String name, String appointment) {
        return new Invitation(caseId, round, number, Instant.parse("2026-11-25T02:00:00Z"), "op1",
                Instant.parse(appointment), "Pendopo Kantor Kecamatan Kemalang", name,
                "Dusun Ngemplak RT 001/RW 002\nKel. Tlogowatu, Kec. Kemalang\nKabupaten Klaten", null, null);
    }

    @Test
    void aFirstLetterSaysWhoWhenWhereWhatToBringAndItsQrOpensTheCase() throws Exception {
        Invitation i = invitation("6a1f5c0e-7d2b-4c1e-9a0f-3b5d7e9c1a24", 1, "470/0007/KEC-331021/XI/2026",
                "Suparmi", "2026-11-26T02:00:00Z");
        byte[] pdf = new InvitationLetters(KLATEN, JAKARTA).render(List.of(new InvitationLetters.Letter(i, null)));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = PdfChecks.pageText(doc, 0);
            assertThat(text).contains("PEMERINTAH KABUPATEN KLATEN", "KECAMATAN KEMALANG", "Klaten, 25 November 2026",
                    "Nomor : 470/0007/KEC-331021/XI/2026", "Undangan Verifikasi Data KTP-el Ganda",
                    "Yth. Sdr./Sdri. Suparmi", "Dusun Ngemplak RT 001/RW 002", "Kel. Tlogowatu, Kec. Kemalang",
                    "Kamis, 26 November 2026", "09.00 WIB", "Pendopo Kantor Kecamatan Kemalang",
                    "Kartu Keluarga (KK) asli", "KTP-el atau KTP lama", "Camat Kemalang", "Drs. Sutrisno, M.Si.",
                    "NIP. 19700101 199503 1 004")
                    .doesNotContain("Undangan Kedua", "undangan kedua");
            assertThat(PdfChecks.footerQr(doc, 0)).isEqualTo(CaseQr.text(i.caseId()));
            assertThat(CaseQr.caseId(PdfChecks.footerQr(doc, 0))).isEqualTo(i.caseId());
            PdfChecks.screenshot(doc, 0, "cases-letter-1.png");
        }
        // The same letter renders to the same bytes (a reprint is the same document).
        assertThat(Arrays.equals(new InvitationLetters(KLATEN, JAKARTA).render(
                List.of(new InvitationLetters.Letter(i, null))), pdf)).isTrue();
    }

    @Test
    void aKelurahanBatchIsOneLetterPerPageAndASecondLetterNamesTheFirstAndWarns() throws Exception {
        List<InvitationLetters.Letter> batch = List.of(
                new InvitationLetters.Letter(invitation("c-0001", 1, "470/0010/KEC-331021/XI/2026", "Suparmi",
                        "2026-11-27T01:00:00Z"), null),
                new InvitationLetters.Letter(invitation("c-0002", 1, "470/0011/KEC-331021/XI/2026", "Wagiman",
                        "2026-11-27T01:15:00Z"), null),
                new InvitationLetters.Letter(invitation("c-0003", 2, "470/0012/KEC-331021/XI/2026", "Sri Lestari",
                        "2026-11-27T01:30:00Z"), "470/0003/KEC-331021/XI/2026"));
        byte[] pdf = new InvitationLetters(KLATEN, JAKARTA).render(batch);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(3);
            String[] names = {"Suparmi", "Wagiman", "Sri Lestari"};
            String[] times = {"08.00 WIB", "08.15 WIB", "08.30 WIB"};
            for (int page = 0; page < 3; page++) {
                String text = PdfChecks.pageText(doc, page);
                assertThat(text).contains("Yth. Sdr./Sdri. " + names[page], times[page],
                        batch.get(page).invitation().letterNumber());
                assertThat(PdfChecks.footerQr(doc, page)).isEqualTo("rekam-case:c-000" + (page + 1));
            }
            String second = PdfChecks.pageText(doc, 2);
            assertThat(second).contains("Undangan Kedua Verifikasi Data KTP-el Ganda",
                    "Nomor 470/0003/KEC-331021/XI/2026", "undangan kedua",
                    "dilaporkan kepada Dinas Kependudukan dan Pencatatan Sipil");
            PdfChecks.screenshot(doc, 2, "cases-letter-2-second.png");
        }
        assertThatThrownBy(() -> new InvitationLetters(KLATEN, JAKARTA).render(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTimeZoneIsNamedAsIndonesiaNamesIt() {
        Instant at = Instant.parse("2026-11-26T02:00:00Z");
        assertThat(InvitationLetters.zoneName(ZonedDateTime.ofInstant(at, ZoneId.of("Asia/Jakarta")))).isEqualTo("WIB");
        assertThat(InvitationLetters.zoneName(ZonedDateTime.ofInstant(at, ZoneId.of("Asia/Makassar")))).isEqualTo("WITA");
        assertThat(InvitationLetters.zoneName(ZonedDateTime.ofInstant(at, ZoneId.of("Asia/Jayapura")))).isEqualTo("WIT");
    }
}
