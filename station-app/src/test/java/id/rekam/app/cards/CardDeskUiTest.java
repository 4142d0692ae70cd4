package id.rekam.app.cards;

import id.rekam.app.AppConfig;
import id.rekam.app.ports.Operator;
import id.rekam.app.testing.DeskScreen;
import id.rekam.app.testing.Flow;
import id.rekam.app.testing.Ui;
import id.rekam.app.testing.PaintedCamera;
import id.rekam.app.testing.TestStation;
import id.rekam.app.ui.AppContext;
import id.rekam.app.ui.Screen;
import id.rekam.core.auth.Role;
import id.rekam.core.cards.BatchCard;
import id.rekam.core.cards.BatchReceipt;
import id.rekam.core.cards.CardRegistry;
import id.rekam.core.cards.CardState;
import id.rekam.core.cards.FingerprintVerifier;
import id.rekam.core.cards.HandOverService;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.store.StationStore;
import id.rekam.fixtures.DemoRecords;
import id.rekam.fixtures.EnrollmentBuilder;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The card desk on a real encrypted store: hand-over with a matching finger, a non-matching finger,
 * and the supervisor exception after a non-match; a witnessed destruction that writes its PDF.
 */
@ExtendWith(ApplicationExtension.class)
class CardDeskUiTest {

    static final String SUPERVISOR = "spv1";
    static final String SUPERVISOR_PASSWORD = "sandi-spv-1";

    @TempDir
    Path dir;
    StationStore store;
    AppContext ctx;
    final SamplePrintScanner scanner = new SamplePrintScanner();
    EnrollmentRecord owner;

    @Start
    void start(Stage stage) {
        store = StationStore.initialise(dir, TestStation.PASSPHRASE.toCharArray(), TestStation.STATION_ID,
                TestStation.fastStore());
        store.operators().createFirstSupervisor(SUPERVISOR, SUPERVISOR_PASSWORD.toCharArray());
        store.operators().createAccount(SUPERVISOR, "op1", Role.OPERATOR, "operator-1!".toCharArray());
        owner = enrollWith(FingerprintVerifier.templateFromImage(SamplePrintScanner.read("matching.png"), 500));
        CardRegistry cards = new CardRegistry(store);
        cards.receiveBatch(new BatchReceipt("B-UI-1", 2, List.of(
                BatchCard.of("KTP-UI-0001", owner.demographics().nik().value()), BatchCard.of("KTP-UI-0002", null)),
                "op1", SUPERVISOR));
        cards.assign("KTP-UI-0001", id.rekam.core.cards.HolderKind.DESK, "loket-1", SUPERVISOR);

        AppConfig config = new AppConfig(TestStation.STATION_ID, "Kecamatan Pancoran Mas, Kota Depok", "32.76.01", dir,
                Locale.forLanguageTag("id"), AppConfig.ApprovalMode.END_OF_DAY, false, null);
        ctx = DeskScreen.show(stage, store, config, scanner, new Operator("op1", "op1", Operator.Role.OPERATOR),
                Screen.CARDS, 1180, 860);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private EnrollmentRecord enrollWith(byte[] template) {
        EnrollmentRecord e = EnrollmentBuilder.from(new DemoRecords(11, "32.76.01.1006", TestStation.STATION_ID).next())
                .onlyPrints(Map.of(FingerPosition.RIGHT_INDEX, template), new byte[] {1}, "PNG", 80).build();
        store.saveEnrollment(e);
        return e;
    }

    private void findAndSign(FxRobot robot, Flow flow, String query) {
        robot.clickOn("#handoverQuery");
        flow.ctrl(javafx.scene.input.KeyCode.A);
        robot.write(query);
        robot.clickOn("#handoverFind");
        Flow.waitFor(30, () -> flow.text("#handoverCard").contains("KTP-UI-0001"));
        assertThat(flow.text("#handoverCard")).contains(owner.demographics().fullName())
                .doesNotContain(owner.demographics().nik().value());
        robot.moveTo("#handoverSignature").press(MouseButton.PRIMARY).moveBy(60, 20).moveBy(60, -25).moveBy(50, 30)
                .release(MouseButton.PRIMARY);
    }

    @Test
    void matchingFingerHandsTheCardOver(FxRobot robot) {
        Flow flow = new Flow(robot);
        findAndSign(robot, flow, owner.demographics().nik().value());
        scanner.nextFinger("probe.png");
        robot.clickOn("#handoverScan");
        Flow.waitFor(60, () -> flow.text("#handoverMessage").startsWith("Kartu KTP-UI-0001 diserahkan"));
        assertThat(robot.lookup("#chain-HANDED_OVER").queryAs(javafx.scene.control.Label.class).getStyleClass())
                .contains("chain-current");
        flow.screenshot("cards-01-handover-match");
        assertThat(new CardRegistry(store).require("KTP-UI-0001").state()).isEqualTo(CardState.HANDED_OVER);
        var h = new HandOverService(store).find("KTP-UI-0001").orElseThrow();
        assertThat(new HandOverService(store).recipientPhoto(h.id())).isNotEmpty();
        assertThat(new HandOverService(store).recipientSignature(h.id())).isNotEmpty();
        assertThat(flow.visible("#supervisorPane")).isFalse();
    }

    @Test
    void nonMatchingFingerIsRefusedThenASupervisorRecordsTheException(FxRobot robot) {
        Flow flow = new Flow(robot);
        // Bad look-ups first: an unknown serial, and a card still in the office stock.
        robot.clickOn("#handoverQuery").write("KTP-UI-9999");
        robot.clickOn("#handoverFind");
        Flow.waitFor(30, () -> flow.text("#handoverMessage").contains("KTP-UI-9999 tidak dikenal"));
        assertThat(robot.lookup("#handoverScan").queryButton().isDisabled()).isTrue();
        robot.clickOn("#handoverQuery");
        flow.ctrl(javafx.scene.input.KeyCode.A);
        robot.write("KTP-UI-0002");
        robot.clickOn("#handoverFind");
        Flow.waitFor(30, () -> flow.text("#handoverMessage").contains("hanya kartu yang sudah ada di petugas/loket"));
        assertThat(robot.lookup("#handoverScan").queryButton().isDisabled()).isTrue();
        // The card's QR code, as the scanner types it.
        findAndSign(robot, flow, "rekam-card:KTP-UI-0001");
        scanner.nextFinger("nonmatching.png");
        robot.clickOn("#handoverScan");
        Flow.waitFor(60, () -> flow.text("#handoverMessage").contains("tidak cocok"));
        Flow.waitFor(() -> flow.visible("#supervisorPane"));
        assertThat(new CardRegistry(store).require("KTP-UI-0001").state()).isEqualTo(CardState.ASSIGNED);

        // The exception form is below the signature box: scrolled to, not squeezed over it.
        Ui.onFx(() -> {
            ((javafx.scene.control.ScrollPane) robot.lookup("#handoverScroll").query()).setVvalue(1);
            return null;
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        // The operator cannot approve their own exception.
        robot.clickOn("#supervisorId").write("op1");
        robot.clickOn("#supervisorPassword").write("operator-1!");
        robot.clickOn("#exceptionReason").write("jari aus");
        robot.clickOn("#factorValue").write("3276011203150004");
        robot.clickOn("#approveException");
        Flow.waitFor(30, () -> flow.text("#handoverMessage").contains("Operator tidak dapat menyetujui"));
        assertThat(new CardRegistry(store).require("KTP-UI-0001").state()).isEqualTo(CardState.ASSIGNED);

        robot.doubleClickOn("#supervisorId").eraseText(3).write(SUPERVISOR);
        robot.clickOn("#supervisorPassword").write(SUPERVISOR_PASSWORD);
        flow.screenshot("cards-03-supervisor-exception");
        robot.clickOn("#approveException");
        Flow.waitFor(60, () -> flow.text("#handoverMessage").contains("pengecualian yang disetujui supervisor spv1"));
        assertThat(new CardRegistry(store).require("KTP-UI-0001").state()).isEqualTo(CardState.HANDED_OVER);
        assertThat(new HandOverService(store).find("KTP-UI-0001").orElseThrow().supervisor()).isEqualTo(SUPERVISOR);
    }

    /**
     * The hand-over says where a card is in its custody chain and what to do next: a NIK whose
     * card is print-ready but not yet received here, a card still in the office stock, a card at
     * the desk, a card handed over. Nothing on it is drawn over anything else, at any window size.
     */
    @Test
    void theHandOverGuidesThroughTheCustodyChainAndNothingOverlaps(FxRobot robot) {
        Flow flow = new Flow(robot);
        EnrollmentRecord printed = EnrollmentBuilder.from(new DemoRecords(12, "32.76.01.1006", TestStation.STATION_ID)
                .next()).build();
        store.saveEnrollment(printed);
        String packet = store.findByNik(printed.demographics().nik()).get(0).id().value();
        store.outbox().approve(List.of(packet), SUPERVISOR);
        store.outbox().enqueue(List.of(packet), SUPERVISOR);
        store.outbox().startUpload(packet, java.net.URI.create("https://pusat.example/" + packet), "sync");
        store.verdicts().apply(packet, new id.rekam.core.verdict.ServerVerdict.PrintReady(null), "sync");

        robot.clickOn("#handoverQuery").write(printed.demographics().nik().value()).type(javafx.scene.input.KeyCode.ENTER);
        Flow.waitFor(30, () -> flow.text("#handoverNext").contains("belum diterima kantor ini"));
        assertThat(flow.text("#chain-PRINTED")).contains("Dicetak di pusat");
        assertThat(robot.lookup("#chain-PRINTED").queryAs(javafx.scene.control.Label.class).getStyleClass())
                .contains("chain-current");
        assertThat(robot.lookup("#handoverScan").queryButton().isDisabled()).isTrue();

        robot.clickOn("#handoverQuery");
        flow.ctrl(javafx.scene.input.KeyCode.A);
        robot.write("KTP-UI-0002").type(javafx.scene.input.KeyCode.ENTER);
        Flow.waitFor(30, () -> flow.text("#handoverNext").startsWith("Langkah berikut: tetapkan kartu"));
        assertThat(robot.lookup("#chain-IN_STOCK").queryAs(javafx.scene.control.Label.class).getStyleClass())
                .contains("chain-current");
        assertThat(robot.lookup("#chain-PRINTED").queryAs(javafx.scene.control.Label.class).getStyleClass())
                .contains("chain-done");

        findAndSign(robot, flow, owner.demographics().nik().value());
        assertThat(flow.text("#handoverNext")).contains("letakkan jari telunjuk kanan");
        scanner.nextFinger("nonmatching.png");
        robot.clickOn("#handoverScan");
        Flow.waitFor(60, () -> flow.visible("#supervisorPane"));
        Stage stage = (Stage) robot.lookup("#handoverScan").query().getScene().getWindow();
        for (double[] size : new double[][] {{1000, 680}, {1280, 800}, {1920, 1080}, {1180, 860}}) {
            Ui.onFx(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
                return null;
            });
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            assertThat(Ui.overlappingControls()).as("controls drawn over others at %s", java.util.Arrays.toString(size))
                    .isEmpty();
            assertThat(Ui.offWindowTexts()).as("texts beyond the edge at %s", java.util.Arrays.toString(size)).isEmpty();
        }
        flow.screenshot("cards-02-handover-nomatch");
    }

    @Test
    void witnessedDestructionWritesTheBeritaAcara(FxRobot robot) throws Exception {
        Flow flow = new Flow(robot);
        robot.interact(() -> robot.lookup("#cardTabs").queryAs(TabPane.class).getSelectionModel().select(3));
        robot.clickOn("#destroySerial").write("KTP-UI-0002");
        // Destruction needs a supervisor, checked in core: the operator logged in is refused.
        robot.clickOn("#destroyRegister");
        Flow.waitFor(30, () -> flow.text("#destructionMessage").contains("supervisor"));
        assertThat(robot.lookup("#destroyPending").queryAs(ListView.class).getItems()).isEmpty();
        robot.interact(() -> ctx.session().operatorProperty().set(
                new Operator(SUPERVISOR, SUPERVISOR, Operator.Role.SUPERVISOR)));
        robot.clickOn("#destroyRegister");
        Flow.waitFor(30, () -> robot.lookup("#destroyPending").queryAs(ListView.class).getItems().size() == 1);
        robot.clickOn("#baNumber").write("470/7/DUKCAPIL/2026");
        robot.clickOn("#baPlace").write("Halaman Kantor Kecamatan Pancoran Mas");
        robot.clickOn("#baOffice").write("Kecamatan Pancoran Mas");
        robot.clickOn("#baRegion").write("Kota Depok");
        robot.clickOn("#baOfficerName").write("Hendra Wijaya");
        robot.clickOn("#baOfficerPosition").write("Camat");

        // No witness yet: refused with a clear message.
        robot.clickOn("#destroyNow");
        Flow.waitFor(30, () -> flow.text("#destructionMessage").contains("saksi masih kosong"));

        // A witness without a body is not added.
        robot.clickOn("#witnessName").write("Rudi Hartono");
        robot.clickOn("#addWitness");
        Flow.waitFor(30, () -> flow.text("#destructionMessage").contains("Isi nama dan instansi saksi"));
        assertThat(robot.lookup("#witnessList").queryAs(ListView.class).getItems()).isEmpty();

        robot.clickOn("#witnessPosition").write("Kepala Seksi");
        robot.clickOn("#witnessOffice").write("Satpol PP Kota Depok");
        robot.clickOn("#addWitness");
        Flow.waitFor(30, () -> flow.text("#destructionMessage").contains("Saksi ditambahkan"));
        flow.screenshot("cards-04-destruction");
        robot.clickOn("#destroyNow");
        Flow.waitFor(60, () -> flow.text("#destructionMessage").startsWith("1 kartu dimusnahkan"));
        flow.screenshot("cards-05-destruction-done");

        // The document is never written to the data dir; it is rendered again from the store.
        assertThat(dir.resolve("berita-acara")).doesNotExist();
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(f -> f.toString().endsWith(".pdf")).toList()).isEmpty();
        }
        // The PDF the screen rendered and sent to the printer.
        DestructionController screen = (DestructionController) robot.lookup("#destructionScroll").query()
                .getProperties().get(DestructionController.class);
        byte[] pdf = screen.lastPdf();
        assertThat(pdf).isNotNull();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("BERITA ACARA PEMUSNAHAN", "470/7/DUKCAPIL/2026", "Rudi Hartono",
                    "Satpol PP Kota Depok", "Hendra Wijaya", "KTP-UI-0002", "KTP-el rusak", "Depok,", "Jumlah");
        }
        assertThat(pdf).isEqualTo(new id.rekam.reports.BeritaAcaraPemusnahan().render(
                new id.rekam.core.cards.DestructionRegister(store).find("470/7/DUKCAPIL/2026").orElseThrow()));
        assertThat(new CardRegistry(store).require("KTP-UI-0002").state()).isEqualTo(CardState.DESTROYED);

        // Reprint: pick the past destruction, print again; audited, still nothing on disk. A reprint
        // moves no card (not custody, core's CustodyPolicy), so the operator does it again and is
        // the one the audit names.
        robot.interact(() -> ctx.session().operatorProperty().set(new Operator("op1", "op1", Operator.Role.OPERATOR)));
        ListView<?> history = robot.lookup("#baHistory").queryAs(ListView.class);
        Flow.waitFor(30, () -> history.getItems().size() == 1);
        robot.interact(() -> robot.lookup("#destructionScroll").queryAs(javafx.scene.control.ScrollPane.class)
                .setVvalue(1.0));
        assertThat(robot.lookup("#baReprint").queryAs(javafx.scene.control.Button.class).isDisabled()).isTrue();
        robot.interact(() -> history.getSelectionModel().select(0));
        robot.clickOn("#baReprint");
        Flow.waitFor(60, () -> flow.text("#reprintMessage").startsWith("Berita acara 470/7/DUKCAPIL/2026 di"));
        flow.screenshot("cards-08-destruction-reprint");
        // The reprint is the same document, byte for byte.
        assertThat(screen.lastPdf()).isNotSameAs(pdf).isEqualTo(pdf);
        assertThat(store.auditTrail(1, 10_000)).filteredOn(e -> e.action().equals("CARD_BERITA_ACARA_REPRINTED"))
                .singleElement().satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("op1");
                    assertThat(e.details()).contains("470/7/DUKCAPIL/2026");
                });
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(f -> f.toString().endsWith(".pdf")).toList()).isEmpty();
        }
    }

    @Test
    void batchThatDoesNotReconcileIsFlaggedAndTheLedgerWarnsBeforeStockRunsOut(FxRobot robot) {
        Flow flow = new Flow(robot);
        TabPane tabs = robot.lookup("#cardTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        robot.clickOn("#batchId").write("B-UI-2");
        robot.clickOn("#batchDeclared").write("3");
        robot.clickOn("#batchWitness").write("Sari");
        robot.clickOn("#batchSerials").write("KTP-UI-0101\nKTP-UI-0102\n");
        robot.clickOn("#batchReceive");
        Flow.waitFor(30, () -> flow.text("#batchMessage").contains("tidak cocok"));
        assertThat(new CardRegistry(store).flaggedBatches()).extracting(f -> f.batchId()).containsExactly("B-UI-2");
        robot.clickOn("#batchDeclared");
        flow.ctrl(javafx.scene.input.KeyCode.A);
        robot.write("2");
        robot.clickOn("#batchId");
        flow.ctrl(javafx.scene.input.KeyCode.A);
        robot.write("B-UI-3");
        robot.clickOn("#batchReceive");
        Flow.waitFor(30, () -> flow.text("#batchMessage").startsWith("2 kartu dari kiriman B-UI-3"));
        javafx.scene.control.TextArea overdue = robot.lookup("#overdueReport").queryAs(javafx.scene.control.TextArea.class);
        robot.clickOn("#overdueShow");
        // Nothing has waited 14 days yet: said in words, not as an empty table.
        Flow.waitFor(30, () -> overdue.getText().startsWith("Tidak ada kartu yang tertahan lebih dari 14 hari"));
        robot.doubleClickOn("#overdueDays").write("0");
        robot.clickOn("#overdueShow");
        Flow.waitFor(30, () -> overdue.getText().contains("Per kelurahan/desa"));
        assertThat(overdue.getText()).contains("Depok (32.76.01.1006): 1", "Loket loket-1: 1  KTP-UI-0001",
                "Kelurahan tidak diketahui: 3",
                "Stok kantor (belum diserahkan ke petugas/loket): 3  KTP-UI-0002, KTP-UI-0101, KTP-UI-0102");
        flow.screenshot("cards-06-batch");

        robot.interact(() -> tabs.getSelectionModel().select(2));
        robot.interact(() -> robot.lookup("#ledgerKind").queryAs(javafx.scene.control.ChoiceBox.class)
                .setValue(id.rekam.core.cards.LedgerKind.RECEIVED));
        robot.clickOn("#ledgerQuantity").write("100");
        robot.clickOn("#ledgerNote").write("SPB-2026/11/07");
        robot.clickOn("#ledgerRecord");
        Flow.waitFor(30, () -> flow.text("#ledgerMessage").contains("Sisa blanko: 100"));
        robot.interact(() -> robot.lookup("#ledgerKind").queryAs(javafx.scene.control.ChoiceBox.class)
                .setValue(id.rekam.core.cards.LedgerKind.USED));
        robot.clickOn("#ledgerQuantity").write("60");
        robot.clickOn("#ledgerNote").write("cetak hari ini");
        robot.clickOn("#ledgerRecord");
        Flow.waitFor(30, () -> flow.text("#ledgerForecast").startsWith("PERHATIAN"));
        robot.interact(() -> robot.lookup("#ledgerKind").queryAs(javafx.scene.control.ChoiceBox.class)
                .setValue(id.rekam.core.cards.LedgerKind.SPOILED));
        robot.clickOn("#ledgerQuantity").write("1");
        robot.clickOn("#ledgerNote").write("pita printer putus");
        robot.clickOn("#ledgerRecord");
        Flow.waitFor(30, () -> flow.text("#ledgerMessage").contains("Sisa blanko: 39"));
        Flow.waitFor(30, () -> robot.lookup("#ledgerEntries").queryAs(ListView.class).getItems().size() == 3);
        assertThat(robot.lookup("#ledgerEntries").queryAs(ListView.class).getItems()).containsExactly(
                "Diterima 100 — SPB-2026/11/07 (oleh op1)", "Dipakai cetak 60 — cetak hari ini (oleh op1)",
                "Rusak 1 — pita printer putus (oleh op1)");
        assertThat(flow.text("#ledgerForecast")).startsWith("PERHATIAN");
        flow.screenshot("cards-07-ledger");
        assertThat(new id.rekam.core.cards.BlankLedger(store).balance()).isEqualTo(39);
    }
}
