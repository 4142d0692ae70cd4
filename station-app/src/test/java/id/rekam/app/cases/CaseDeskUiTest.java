package id.rekam.app.cases;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import id.rekam.app.AppConfig;
import id.rekam.app.cards.SamplePrintScanner;
import id.rekam.app.ports.Operator;
import id.rekam.app.testing.DeskScreen;
import id.rekam.app.testing.Flow;
import id.rekam.app.testing.TestStation;
import id.rekam.app.ui.AppContext;
import id.rekam.app.ui.Screen;
import id.rekam.core.auth.Role;
import id.rekam.core.cases.CaseFile;
import id.rekam.core.cases.CaseQr;
import id.rekam.core.cases.CaseState;
import id.rekam.core.cases.Cases;
import id.rekam.core.cases.InPersonCheck;
import id.rekam.core.cases.Outcome;
import id.rekam.core.cases.VoidReason;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.outbox.OutboxEvent;
import id.rekam.core.store.StationStore;
import id.rekam.core.verdict.ServerVerdict;
import id.rekam.fixtures.MovableClock;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The KTP ganda desk on a real encrypted store, keyboard first, one flow per outcome: the same
 * person (letter with a QR that opens the case, the finger matched against the record that stays,
 * a second person confirms), different people (the finger does not match, a supervisor's
 * exception), and a no-show after two letters (escalated). Screenshots: docs/screenshots/cases-*.png.
 */
@ExtendWith(ApplicationExtension.class)
class CaseDeskUiTest {

    static final String SPV1 = "spv1";
    static final String SPV1_PASSWORD = "sandi-spv-1";
    static final String SPV2 = "spv2";
    static final String SPV2_PASSWORD = "sandi-spv-2";

    @TempDir
    Path dir;
    StationStore store;
    AppContext ctx;
    Cases cases;
    final SamplePrintScanner scanner = new SamplePrintScanner();
    final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T01:30:00Z"), ZoneId.of("Asia/Jakarta"));
    EnrollmentRecord[] moved;
    EnrollmentRecord[] lookAlikes;
    EnrollmentRecord[] absent;
    String lookAlikeCase;

    @Start
    void start(Stage stage) {
        store = StationStore.initialise(dir, TestStation.PASSPHRASE.toCharArray(), TestStation.STATION_ID,
                TestStation.fastStore().withClock(clock));
        store.operators().createFirstSupervisor(SPV1, SPV1_PASSWORD.toCharArray());
        store.operators().createAccount(SPV1, SPV2, Role.SUPERVISOR, SPV2_PASSWORD.toCharArray());
        store.operators().createAccount(SPV1, "op1", Role.OPERATOR, "operator-1!".toCharArray());
        cases = new Cases(store);
        startUi(stage);
    }

    /** The people and their cases, made outside the FX setup (which has a time limit), then the list reloaded. */
    private void seed(FxRobot robot) {
        moved = CaseUiFixtures.overridden(store, 21, CaseUiFixtures.BAWUKAN, new Color(40, 70, 140));
        clock.advance(Duration.ofDays(9));
        absent = CaseUiFixtures.overridden(store, 22, null, new Color(90, 90, 90));
        cases.takeLocalSources();
        lookAlikes = CaseUiFixtures.lookAlikes(store, 23);
        lookAlikeCase = cases.intake().fromVerdict(lookAlikes[1].id().value(), "duplicate",
                new ServerVerdict.Duplicate(clock.instant(), ServerVerdict.MatchedBy.FINGERPRINT,
                        new ServerVerdict.OtherRecord(lookAlikes[0].id().value(), store.stationId(), "33.10.21", null, true,
                                clock.instant()),
                        List.of(new ServerVerdict.FingerScore(FingerPosition.RIGHT_INDEX, 64.2, true),
                                new ServerVerdict.FingerScore(FingerPosition.RIGHT_THUMB, 8.5, false)), 40.0)).caseId();
        clock.advance(Duration.ofHours(2));
        robot.interact(() -> desk(robot).backToList());
    }

    private void startUi(Stage stage) {
        AppConfig config = new AppConfig(TestStation.STATION_ID, "Kecamatan Kemalang, Kabupaten Klaten",
                CaseUiFixtures.DISTRICT, dir, Locale.forLanguageTag("id"), AppConfig.ApprovalMode.END_OF_DAY, false,
                null);
        ctx = DeskScreen.show(stage, store, config, scanner, new Operator("op1", "op1", Operator.Role.OPERATOR),
                Screen.CASES, 1280, 800);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    /** Focus a field (the case file scrolls it into view) and type, keyboard first. */
    private static void type(FxRobot robot, String query, String text) {
        focus(robot, query);
        new Flow(robot).ctrl(KeyCode.A);
        robot.write(text);
    }

    private static void focus(FxRobot robot, String query) {
        Node n = id.rekam.app.testing.Ui.await(robot, query);
        robot.interact(n::requestFocus);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    /** A button pressed the way a keyboard user does: focus, space. */
    private static void press(FxRobot robot, String query) {
        focus(robot, query);
        robot.type(KeyCode.SPACE);
    }

    /** Waits until the case file shows this case (the previous one may still be on screen). */
    private static void opened(Flow flow, String caseId) {
        Flow.waitFor(30, () -> flow.text("#caseTitle").contains(caseId.substring(0, 8)) && flow.visible("#second-name"));
    }

    /** The case file scrolled to its end (the outcome), for a screenshot that shows it. */
    private static void scrollToEnd(FxRobot robot) {
        robot.interact(() -> robot.lookup("#caseFile").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1.0));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    private CaseDesk desk(FxRobot robot) {
        return (CaseDesk) robot.lookup("#cases").query().getProperties().get(CaseDesk.class);
    }

    private CaseFile caseOf(EnrollmentRecord r) {
        return cases.find(cases.ofRecord(r.id()).get(0).id()).orElseThrow();
    }

    private static String qr(PDDocument doc, int page) throws Exception {
        BufferedImage img = new PDFRenderer(doc).renderImageWithDPI(page, 200, ImageType.RGB);
        int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        LuminanceSource src = new RGBLuminanceSource(img.getWidth(), img.getHeight(), px);
        int h = img.getHeight() / 6;
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                src.crop(0, img.getHeight() - h, img.getWidth() / 2, h)))).getText();
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void samePersonWhoMovedIsInvitedMatchedAtTheDeskAndClosedByASecondPerson(FxRobot robot) throws Exception {
        seed(robot);
        Flow flow = new Flow(robot);
        TableView<?> table = robot.lookup("#caseTable").queryAs(TableView.class);
        Flow.waitFor(30, () -> table.getItems().size() == 3);
        flow.screenshot("cases-01-list");

        // Keyboard first: type the name, Enter to the list, Enter opens the case.
        String name = moved[1].demographics().fullName();
        type(robot, "#caseQuery", name.split(" ")[0]);
        robot.type(KeyCode.ENTER);
        Flow.waitFor(30, () -> table.getItems().size() >= 1);
        robot.type(KeyCode.ENTER);
        CaseFile c = caseOf(moved[1]);
        opened(flow, c.id());
        // Both records side by side, what differs marked: the citizen moved to another kelurahan.
        Node address = robot.lookup("#second-address").query();
        assertThat(address.getStyleClass()).contains("case-diff");
        assertThat(robot.lookup("#second-village").query().getStyleClass()).contains("case-diff");
        assertThat(robot.lookup("#second-name").query().getStyleClass()).doesNotContain("case-diff");
        assertThat(flow.text("#first-name")).isEqualTo(name);
        assertThat(flow.text("#second-nik")).isEqualTo(moved[1].demographics().nik().masked());
        assertThat(robot.lookup("#first-photo").tryQuery()).isPresent();
        assertThat(robot.lookup("#second-photo").tryQuery()).isPresent();
        assertThat(flow.text("#second-village")).isEqualTo("Bawukan");
        assertThat(flow.text("#first-station")).isEqualTo(TestStation.STATION_ID);
        flow.screenshot("cases-02-file-side-by-side");

        // The letter: printed from memory, its QR opens the case, its number is recorded in the case.
        type(robot, "#invitePlace", "Pendopo Kecamatan Kemalang");
        // Alt+U: the letter's mnemonic.
        robot.press(KeyCode.ALT).type(KeyCode.U).release(KeyCode.ALT);
        Flow.waitFor(30, () -> !flow.text("#actionMessage").isEmpty());
        assertThat(flow.text("#actionMessage")).startsWith("Surat 470/0001/KEC-331021/XII/2026");
        byte[] letter = desk(robot).lastPdf();
        try (PDDocument doc = Loader.loadPDF(letter)) {
            assertThat(qr(doc, 0)).isEqualTo(CaseQr.text(c.id()));
        }
        assertThat(text(letter)).contains("PEMERINTAH KABUPATEN KLATEN", "KECAMATAN KEMALANG",
                "470/0001/KEC-331021/XII/2026", "Yth. Sdr./Sdri. " + name, "Pendopo Kecamatan Kemalang",
                "Kartu Keluarga (KK) asli", "Kel. Bawukan");
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(f -> f.toString().endsWith(".pdf")).toList()).as("letters stay in memory").isEmpty();
        }
        Flow.waitFor(30, () -> flow.visible("#invitation-1"));
        flow.screenshot("cases-03-invited");

        // The citizen comes (scanning the letter's QR opens the case), keeps the new record.
        robot.type(KeyCode.ESCAPE);
        Flow.waitFor(30, () -> flow.visible("#caseQuery"));
        type(robot, "#caseQuery", CaseQr.text(c.id()));
        robot.type(KeyCode.ENTER);
        opened(flow, c.id());
        Flow.waitFor(30, () -> flow.visible("#prepareButton"));
        scanner.nextFinger("probe.png");
        press(robot, "#outcomeCardSurrendered");
        press(robot, "#prepareButton");
        Flow.waitFor(30, () -> flow.visible("#confirmPane"));
        assertThat(flow.text("#confirmIntro")).contains("op1", "Orang yang sama", "Pindah domisili");
        focus(robot, "#confirmSupervisor");
        flow.screenshot("cases-04-prepared");

        // The operator cannot close it; a supervisor with their own password does.
        type(robot, "#confirmSupervisor", "op1");
        type(robot, "#confirmPassword", "operator-1!");
        press(robot, "#confirmButton");
        Flow.waitFor(30, () -> flow.text("#confirmMessage").contains("bukan supervisor"));
        type(robot, "#confirmSupervisor", SPV1);
        type(robot, "#confirmPassword", SPV1_PASSWORD);
        press(robot, "#confirmButton");
        Flow.waitFor(30, () -> flow.visible("#closedSummary"));
        assertThat(flow.text("#caseState")).isEqualTo("Selesai");
        assertThat(flow.text("#closedSummary")).contains("Orang yang sama", "op1", SPV1, "sidik jari cocok");
        scrollToEnd(robot);
        flow.screenshot("cases-05-same-person-closed");

        CaseFile closed = cases.find(c.id()).orElseThrow();
        assertThat(closed.state()).isEqualTo(CaseState.CLOSED);
        assertThat(closed.prepared().kept()).isEqualTo(moved[1].id().value());
        assertThat(closed.prepared().voided()).isEqualTo(moved[0].id().value());
        assertThat(closed.prepared().voidReason()).isEqualTo(VoidReason.MOVED_AWAY);
        assertThat(closed.prepared().check().method()).isEqualTo(InPersonCheck.Method.FINGERPRINT);
        assertThat(store.events().pending(1_000)).extracting(OutboxEvent::type).containsOnlyOnce("case.outcome");
    }

    @Test
    void differentPeopleAfterAFingerThatDoesNotMatchNeedASupervisorsException(FxRobot robot) {
        seed(robot);
        Flow flow = new Flow(robot);
        Flow.waitFor(30, () -> robot.lookup("#caseTable").queryAs(TableView.class).getItems().size() == 3);
        type(robot, "#caseQuery", lookAlikeCase);
        robot.type(KeyCode.ENTER);
        opened(flow, lookAlikeCase);
        assertThat(robot.lookup("#second-name").query().getStyleClass()).contains("case-diff");
        assertThat(flow.text("#caseRaised")).contains("Putusan server", "data ganda").doesNotContain("duplicate");
        press(robot, "#outcomeDifferentPeople");
        scanner.nextFinger("nonmatching.png");
        press(robot, "#prepareButton");
        Flow.waitFor(30, () -> flow.visible("#exceptionPane"));
        assertThat(flow.text("#prepareMessage")).contains("tidak cocok");
        flow.screenshot("cases-06-no-match-exception");

        type(robot, "#exceptionSupervisor", SPV2);
        type(robot, "#exceptionPassword", SPV2_PASSWORD);
        type(robot, "#exceptionReason", "jari telunjuk luka; dicocokkan dengan KK dan foto");
        press(robot, "#exceptionApprove");
        Flow.waitFor(30, () -> flow.visible("#confirmPane"));
        type(robot, "#confirmSupervisor", SPV1);
        type(robot, "#confirmPassword", SPV1_PASSWORD);
        press(robot, "#confirmButton");
        Flow.waitFor(30, () -> flow.visible("#closedSummary"));
        assertThat(flow.text("#closedSummary")).contains("Orang berbeda", "pengecualian supervisor", SPV2);
        scrollToEnd(robot);
        flow.screenshot("cases-07-different-people-closed");

        CaseFile c = cases.find(lookAlikeCase).orElseThrow();
        assertThat(c.prepared().outcome()).isEqualTo(Outcome.DIFFERENT_PEOPLE);
        assertThat(c.prepared().check().method()).isEqualTo(InPersonCheck.Method.SUPERVISOR_EXCEPTION);
        assertThat(c.closedBy()).isEqualTo(SPV1);
    }

    @Test
    void aCitizenWhoMissesTwoLettersIsEscalatedAndTheReportListsThem(FxRobot robot) throws Exception {
        seed(robot);
        Flow flow = new Flow(robot);
        Flow.waitFor(30, () -> robot.lookup("#caseTable").queryAs(TableView.class).getItems().size() == 3);
        String id = caseOf(absent[1]).id();
        type(robot, "#caseQuery", id);
        robot.type(KeyCode.ENTER);
        opened(flow, id);
        Flow.waitFor(30, () -> flow.visible("#inviteButton"));
        press(robot, "#inviteButton");
        Flow.waitFor(30, () -> flow.visible("#noShowButton"));
        clock.advance(Duration.ofDays(2));
        press(robot, "#noShowButton");
        Flow.waitFor(30, () -> flow.visible("#inviteButton") && flow.text("#inviteButton").contains("kedua"));
        press(robot, "#inviteButton");
        Flow.waitFor(30, () -> flow.visible("#invitation-2"));
        assertThat(text(desk(robot).lastPdf())).contains("Undangan Kedua Verifikasi Data KTP-el Ganda",
                "470/0001/KEC-331021/XII/2026", "undangan kedua");
        focus(robot, "#noShowButton");
        flow.screenshot("cases-08-second-letter");
        clock.advance(Duration.ofDays(2));
        Flow.waitFor(30, () -> flow.visible("#noShowButton"));
        press(robot, "#noShowButton");
        Flow.waitFor(30, () -> !robot.lookup("#outcomeNoShow").query().isDisable()
                && flow.text("#prepareButton").contains("tidak hadir"));
        press(robot, "#prepareButton");
        Flow.waitFor(30, () -> flow.visible("#confirmPane"));
        type(robot, "#confirmSupervisor", SPV2);
        type(robot, "#confirmPassword", SPV2_PASSWORD);
        press(robot, "#confirmButton");
        Flow.waitFor(30, () -> flow.text("#caseState").equals("Dilaporkan ke Dinas"));
        scrollToEnd(robot);
        flow.screenshot("cases-09-no-show-escalated");
        assertThat(cases.find(id).orElseThrow().state()).isEqualTo(CaseState.ESCALATED);

        // Back to the list (Esc), all cases; the period report for the Dinas names the citizen.
        robot.type(KeyCode.ESCAPE);
        Flow.waitFor(30, () -> flow.visible("#caseQuery"));
        press(robot, "#caseOpenOnly");
        robot.press(KeyCode.ALT).type(KeyCode.L).release(KeyCode.ALT);
        Flow.waitFor(30, () -> flow.text("#reportMessage").startsWith("Laporan"));
        byte[] report = desk(robot).lastPdf();
        assertThat(text(report)).contains("LAPORAN KASUS KTP-el GANDA", absent[1].demographics().fullName(),
                "Tidak hadir setelah dua undangan: dilaporkan ke Dinas 1");
        try (PDDocument doc = Loader.loadPDF(report)) {
            assertThat(qr(doc, 0)).startsWith("rekam-laporan-kasus:" + TestStation.STATION_ID + "|");
        }
        flow.screenshot("cases-10-list-report");
    }

    @Test
    void aKelurahansLettersArePrintedInOneBatchInTimeSlots(FxRobot robot) throws Exception {
        seed(robot);
        Flow flow = new Flow(robot);
        Flow.waitFor(30, () -> robot.lookup("#caseTable").queryAs(TableView.class).getItems().size() == 3);
        // Alt+U: the batch; Tlogowatu (two cases waiting) comes first.
        robot.press(KeyCode.ALT).type(KeyCode.U).release(KeyCode.ALT);
        Flow.waitFor(30, () -> robot.lookup("#batchVillage").query().isFocused());
        type(robot, "#batchTime", "08:00");
        type(robot, "#batchSlot", "20");
        type(robot, "#batchPlace", "Balai Desa Tlogowatu");
        press(robot, "#batchInvite");
        Flow.waitFor(30, () -> flow.text("#batchMessage").startsWith("2 surat undangan dibuat"));
        byte[] pdf = desk(robot).lastPdf();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            List<String> opened = List.of(qr(doc, 0), qr(doc, 1));
            assertThat(opened).containsExactlyInAnyOrder(CaseQr.text(caseOf(absent[1]).id()),
                    CaseQr.text(lookAlikeCase));
        }
        assertThat(text(pdf)).contains("Balai Desa Tlogowatu", "08.00 WIB", "08.20 WIB");
        Flow.waitFor(30, () -> robot.lookup("#caseTable").queryAs(TableView.class).getItems().stream()
                .filter(c -> ((id.rekam.core.cases.CaseSummary) c).state() == CaseState.INVITED).count() == 2);
        flow.screenshot("cases-11-batch-letters");
        assertThat(cases.find(lookAlikeCase).orElseThrow().invitations()).singleElement()
                .satisfies(i -> assertThat(i.place()).isEqualTo("Balai Desa Tlogowatu"));
    }
}
