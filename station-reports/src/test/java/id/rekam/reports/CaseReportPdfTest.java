package id.rekam.reports;

import id.rekam.core.cases.CasePeriodReport;
import id.rekam.core.cases.CaseSource;
import id.rekam.core.cases.OpenCases;
import id.rekam.core.cases.Outcome;
import id.rekam.core.cases.VoidReason;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CaseReportPdfTest {

    static CasePeriodReport sample(int escalated) {
        Map<CaseSource, Integer> opened = new EnumMap<>(Map.of(CaseSource.STATION_OVERRIDE, 4,
                CaseSource.SERVER_VERDICT, 37, CaseSource.SERVER_ASSIGNED, 212));
        Map<Outcome, Integer> closed = new EnumMap<>(Map.of(Outcome.SAME_PERSON, 151, Outcome.DIFFERENT_PEOPLE, 9,
                Outcome.NO_SHOW, escalated));
        Map<VoidReason, Integer> voided = new EnumMap<>(Map.of(VoidReason.MOVED_AWAY, 140, VoidReason.RECORDED_TWICE, 10,
                VoidReason.SUSPECTED_FRAUD, 1));
        List<CasePeriodReport.Escalated> list = new ArrayList<>();
        for (int i = 1; i <= escalated; i++) {
            list.add(new CasePeriodReport.Escalated(String.format("9b%06d-1c2d-4e5f-8a9b-0c1d2e3f4a5b", i),
                    "33.10.21.2007", "Warga Tidak Hadir " + i, "331021******" + String.format("%04d", i),
                    List.of("470/" + String.format("%04d", 2 * i) + "/KEC-331021/X/2026",
                            "470/" + String.format("%04d", 2 * i + 1) + "/KEC-331021/X/2026"),
                    LocalDate.of(2026, 10, 28)));
        }
        Map<OpenCases.AgeBand, Integer> open = new EnumMap<>(Map.of(OpenCases.AgeBand.WEEK, 20,
                OpenCases.AgeBand.MONTH, 30, OpenCases.AgeBand.OLDER, 33));
        return new CasePeriodReport(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), "ST-331021-0001", opened,
                closed, voided, 402, list, open);
    }

    @Test
    void aPeriodReportForTheDinasCarriesEveryFigureTheNoShowListAndACheckableQrOnEachPage() throws Exception {
        CasePeriodReport r = sample(45);
        byte[] pdf = new CaseReportPdf(InvitationLettersTest.KLATEN, InvitationLettersTest.JAKARTA)
                .render(r, Instant.parse("2026-11-01T01:00:00Z"));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            String first = PdfChecks.pageText(doc, 0);
            assertThat(first).contains("PEMERINTAH KABUPATEN KLATEN", "LAPORAN KASUS KTP-el GANDA",
                    "Periode 1 Oktober 2026 s.d. 31 Oktober 2026", "ST-331021-0001",
                    "Ditugaskan oleh server pusat 212", "JUMLAH 253",
                    "Orang yang sama: satu rekaman dibatalkan 151", "karena pindah domisili 140",
                    "Orang berbeda: kedua rekaman tetap berlaku 9", "Tidak hadir setelah dua undangan: dilaporkan ke Dinas 45",
                    "JUMLAH 205", "402 surat", "Lebih dari 30 hari 33", "JUMLAH 83");
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                all.append(PdfChecks.pageText(doc, i));
                assertThat(PdfChecks.footerQr(doc, i)).isEqualTo(CaseReportPdf.verificationCode(r))
                        .isEqualTo("rekam-laporan-kasus:ST-331021-0001|2026-10-01|2026-10-31|253|205|45");
                assertThat(PdfChecks.pageText(doc, i)).contains("Halaman " + (i + 1) + " dari " + doc.getNumberOfPages());
            }
            assertThat(all).contains("Warga Tidak Hadir 1 ", "Warga Tidak Hadir 45", "331021******0045",
                    "470/0090/KEC-331021/X/2026", "Tlogowatu", "Klaten, 1 November 2026", "Drs. Sutrisno, M.Si.");
            PdfChecks.screenshot(doc, 0, "cases-report-1.png");
        }
    }

    @Test
    void aQuietPeriodSaysThereIsNobodyToFollowUp() throws Exception {
        byte[] pdf = new CaseReportPdf(InvitationLettersTest.KLATEN, InvitationLettersTest.JAKARTA)
                .render(sample(0), Instant.parse("2026-11-01T01:00:00Z"));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                all.append(PdfChecks.pageText(doc, i));
            }
            assertThat(all).contains("E. Warga yang tidak hadir setelah dua undangan", "Tidak ada.")
                    .doesNotContain("Kode kasus");
        }
    }
}
