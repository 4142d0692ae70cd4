package id.rekam.diag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekam.core.auth.Role;
import id.rekam.core.diag.DiagnosticReport;
import id.rekam.core.diag.DiagnosticReports;
import id.rekam.core.diag.Finding;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.equipment.Condition;
import id.rekam.core.equipment.EquipmentRegister;
import id.rekam.core.equipment.EquipmentSnapshot;
import id.rekam.core.equipment.LoanRequest;
import id.rekam.core.equipment.Loans;
import id.rekam.devices.DeviceKind;
import id.rekam.devices.scanner.EmulatedScannerPort;
import id.rekam.diag.report.ReportBuilder;
import id.rekam.diag.report.ReportFiles;
import id.rekam.fixtures.DemoRecords;
import id.rekam.reports.DiagnosticsReportPdf;
import id.rekam.server.schema.JsonSchemas;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.InflaterInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's privacy line: a store full of known names and NIKs (records, a draft, a parked event
 * quoting a NIK, loans signed by named staff, accounts named after people), a full diagnostics run
 * on it, and the report — its JSON, the PDF's text, the JSON inside the PDF and every byte of the
 * PDF with its streams inflated — holds none of them. The report also follows its published schema.
 */
class ReportPrivacyTest extends KitTest {

    static final String STAFF_OUT = "Suparman Wiryokusumo";
    static final String STAFF_IN = "Wartini Gunungkaler";
    static final String ACCOUNT = "budi.santoso";

    @Test
    void theHelpDesksReportCarriesNoNameAndNoNikOfAStoreFullOfThem() throws Exception {
        kit = new DiagKit(dir).withServer();
        if (EmulatedScannerPort.pseudoTerminalUnavailable().isEmpty()) {
            kit.withScanner();
        }
        kit.withDevices();
        List<String> secrets = fill(kit);

        DiagnosticRun run = kit.run();
        DiagnosticReport report = ReportBuilder.build(run, DiagKit.STATION, DiagKit.OFFICE_NAME, Locale.forLanguageTag("id"),
                EquipmentSnapshot.read(kit.dataDir, LocalDate.now()));
        Path pdfFile = ReportFiles.writePdf(dir.resolve("out").resolve(ReportBuilder.fileName(report, "pdf")), report,
                Locale.forLanguageTag("id"), ZoneId.of("Asia/Jakarta"));
        Path jsonFile = ReportFiles.writeJson(dir.resolve("out").resolve(ReportBuilder.fileName(report, "json")), report);

        byte[] pdf = Files.readAllBytes(pdfFile);
        String json = Files.readString(jsonFile, StandardCharsets.UTF_8);
        String embedded = new String(DiagnosticsReportPdf.embeddedJson(pdf), StandardCharsets.UTF_8);
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc);
            Screens.save(new PDFRenderer(doc).renderImageWithDPI(0, 80), "71-diagnostics-report.png");
        }
        String raw = new String(pdf, StandardCharsets.ISO_8859_1) + inflatedStreams(pdf);

        // It is a real report: every area, the register, the loan, the station.
        assertThat(report.findings()).extracting(Finding::area).contains("scanner", "camera", "network", "store", "software");
        assertThat(report.equipment()).isNotEmpty();
        assertThat(report.openLoans()).singleElement().satisfies(l -> assertThat(l.fromOffice()).isEqualTo("Kec. Kronjo"));
        assertThat(text).contains("Laporan Diagnosis Stasiun rekam", DiagKit.STATION, "Kec. Kronjo", "Penyimpanan data");
        assertThat(embedded).isEqualTo(json);
        assertThat(DiagnosticReports.read(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(report);

        for (String secret : secrets) {
            assertThat(json).as("JSON").doesNotContainIgnoringCase(secret);
            assertThat(text).as("PDF text").doesNotContainIgnoringCase(secret);
            assertThat(raw).as("PDF bytes").doesNotContainIgnoringCase(secret);
        }

        JsonNode node = new ObjectMapper().readTree(json);
        assertThat(JsonSchemas.problems("report/diagnostics", node)).as(json).isEmpty();
    }

    /** Fills the store with people; returns every name and NIK that must not leave in the report. */
    private static List<String> fill(DiagKit kit) {
        List<String> secrets = new ArrayList<>();
        kit.store.operators().createAccount("spv", ACCOUNT, Role.OPERATOR, "operator-1!".toCharArray());
        secrets.add(ACCOUNT);
        DemoRecords demo = new DemoRecords(42, "32.76.01.1001", DiagKit.STATION);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            EnrollmentRecord r = demo.next();
            ids.add(kit.store.saveEnrollment(r).packetId());
            secrets.add(r.demographics().nik().value());
            secrets.add(r.demographics().fullName());
        }
        kit.store.outbox().approve(ids.subList(0, 6), "spv");
        String nik = secrets.get(1);
        kit.store.saveDraft("draft-1", "{\"FULL_NAME\":\"Siti Rahmawati Nurhaliza\",\"NIK\":\"3276014108990007\"}");
        secrets.add("Siti Rahmawati Nurhaliza");
        secrets.add("3276014108990007");
        String event = kit.store.events().append("card.moved", "{\"holder\":\"" + secrets.get(2) + "\",\"nik\":\""
                + nik + "\"}", "spv");
        kit.store.events().markNeedsAttention(event, "server refused NIK " + nik + " of " + secrets.get(2), "sync");
        EquipmentRegister register = new EquipmentRegister(kit.store);
        var borrowed = kit.devices == null ? null : firstDevice(kit);
        id.rekam.core.domain.DeviceRef device = borrowed != null ? borrowed
                : new id.rekam.core.domain.DeviceRef("fps-kronjo", "fingerprint-scanner", "R503", "", "Kec. Kronjo", false);
        register.seen(device);
        new Loans(kit.store).lend(new LoanRequest(device.deviceId(), "Kec. Kronjo", DiagKit.OFFICE_NAME, STAFF_OUT, STAFF_IN,
                Condition.GOOD, "diterima " + STAFF_IN, LocalDate.now().plusDays(30)), "tek");
        secrets.add(STAFF_OUT);
        secrets.add(STAFF_IN);
        return secrets;
    }

    private static id.rekam.core.domain.DeviceRef firstDevice(DiagKit kit) {
        kit.devices.monitor().pollOnce();
        var attached = kit.devices.monitor().attached(DeviceKind.FINGERPRINT_SCANNER);
        return attached.isEmpty() ? null : attached.get(0).device().ref();
    }

    /** Every Flate stream of the PDF inflated, so compressed content is searched too. */
    private static String inflatedStreams(byte[] pdf) throws Exception {
        StringBuilder all = new StringBuilder();
        String s = new String(pdf, StandardCharsets.ISO_8859_1);
        int from = 0;
        while (true) {
            int start = s.indexOf("stream", from);
            if (start < 0) {
                break;
            }
            int body = s.indexOf('\n', start) + 1;
            int end = s.indexOf("endstream", body);
            if (body <= 0 || end < 0) {
                break;
            }
            try (InputStream in = new InflaterInputStream(new java.io.ByteArrayInputStream(pdf, body, end - body))) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                all.append(out.toString(StandardCharsets.ISO_8859_1));
            } catch (java.io.IOException notFlate) {
                // not a Flate stream (or not compressed): its raw bytes are searched already
            }
            from = end + 9;
        }
        return all.toString();
    }
}
