package id.rekam.app.tech;

import id.rekam.app.AppConfig;
import id.rekam.app.testing.Flow;
import id.rekam.app.testing.TestStation;
import id.rekam.app.testing.Ui;
import id.rekam.core.audit.AuditEntry;
import id.rekam.core.auth.Role;
import id.rekam.core.domain.DeviceRef;
import id.rekam.core.equipment.Condition;
import id.rekam.core.equipment.EquipmentItem;
import id.rekam.core.equipment.EquipmentRegister;
import id.rekam.core.equipment.Loan;
import id.rekam.core.equipment.LoanRequest;
import id.rekam.core.equipment.Loans;
import id.rekam.core.outbox.OutboxEvent;
import id.rekam.core.store.StationStore;
import id.rekam.fixtures.DemoSeeder;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A loan from lending to return on the screens: a camera borrowed from Kec. Mauk weeks ago is
 * overdue on the supervisor's (and the technician's, not the operator's) home screen; the
 * technician records Kronjo's scanner borrowed — captures with it now carry the loan — and then
 * its return; both reach the outbox as events for the central server, with the audit trail.
 */
@ExtendWith(ApplicationExtension.class)
class EquipmentLoanFlowTest {

    static final String TECHNICIAN = "teknisi";
    static final String TECHNICIAN_PASSWORD = "teknisi-uji-1";
    static final DeviceRef MAUK_CAMERA = new DeviceRef("cam-mauk-01", "camera", "Logitech C920", "2241LZ", "Kec. Mauk", false);

    @TempDir
    Path dir;
    TechKit kit;
    TestStation station;
    Loan overdue;

    @Start
    void start(Stage stage) {
        kit = new TechKit(dir.resolve("devices"));
        station = new TestStation(dir.resolve("station"), AppConfig.ApprovalMode.END_OF_DAY, true, false, null,
                Locale.forLanguageTag("id"), kit.wiring(dir.resolve("station")));
        station.show(stage);
    }

    /** The store, written 30 days ago: the camera borrowed from Kec. Mauk was due back three weeks ago. */
    private void prepare() throws Exception {
        kit.start(false);
        Clock past = Clock.offset(Clock.systemUTC(), Duration.ofDays(-30));
        try (StationStore store = StationStore.initialise(dir.resolve("station"), TestStation.PASSPHRASE.toCharArray(),
                TestStation.STATION_ID, TestStation.fastStore().withClock(past))) {
            DemoSeeder.seed(store, "32.76.01.1008");
            store.operators().createAccount(DemoSeeder.SUPERVISOR, TECHNICIAN, Role.TECHNICIAN,
                    TECHNICIAN_PASSWORD.toCharArray());
            EquipmentRegister register = new EquipmentRegister(store);
            register.seen(MAUK_CAMERA);
            overdue = new Loans(store).lend(new LoanRequest(MAUK_CAMERA.deviceId(), "Kec. Mauk",
                    "Kecamatan Pancoran Mas, Kota Depok", "Rudi Mauk", "Sari Pancoran", Condition.GOOD, null,
                    LocalDate.ofInstant(past.instant(), ZoneOffset.UTC).plusDays(7)), TECHNICIAN);
        }
    }

    @AfterEach
    void stop() {
        if (kit != null) {
            kit.close();
        }
    }

    @Test
    void aLoanFromLendingToReturnAndTheOverdueOneOnTheHomeScreen(FxRobot robot) throws Exception {
        prepare();
        Flow flow = new Flow(robot);
        flow.unlockDemo();
        // The desk's scanner is on the register (the device layer reports it when it is plugged in).
        DeviceRef deskScanner = station.scanner.device();
        new EquipmentRegister(station.store()).seen(deskScanner);

        flow.logIn(DemoSeeder.SUPERVISOR, DemoSeeder.SUPERVISOR_PASSWORD);
        Flow.waitFor(() -> flow.visible("#overdueLoans"));
        assertThat(flow.text("#overdueTitle")).isEqualTo("1 peminjaman perangkat terlambat kembali");
        String line = Ui.onFx(() -> ((javafx.scene.control.Label) robot.lookup("#overdueLoans").queryAs(javafx.scene.layout.VBox.class)
                .lookupAll(".label").stream().filter(n -> ((javafx.scene.control.Label) n).getText().contains("cam-mauk-01"))
                .findFirst().orElseThrow()).getText());
        assertThat(line).contains("Logitech C920", "Kec. Mauk -> Kecamatan Pancoran Mas", "terlambat 23 hari");
        flow.screenshot("78-home-overdue-loans");

        flow.click("#logoutButton");
        flow.logIn(DemoSeeder.OPERATOR, DemoSeeder.OPERATOR_PASSWORD);
        assertThat(flow.visible("#overdueLoans")).as("not the operator's business").isFalse();
        assertThat(flow.visible("#openEquipment")).isFalse();

        flow.click("#logoutButton");
        flow.logIn(TECHNICIAN, TECHNICIAN_PASSWORD);
        flow.click("#openEquipment");
        TableView<EquipmentItem> devices = flow.await("#equipmentTable", TableView.class);
        Flow.waitFor(() -> Ui.onFx(() -> devices.getItems().size() == 2));

        // Kronjo lends its scanner to this office.
        Ui.onFx(() -> {
            devices.getSelectionModel().select(devices.getItems().stream()
                    .filter(i -> i.deviceId().equals(deskScanner.deviceId())).findFirst().orElseThrow());
            return null;
        });
        ComboBox<?> device = flow.await("#loanDevice", ComboBox.class);
        assertThat(Ui.onFx(() -> device.getValue())).isNotNull();
        flow.click("#loanOffice").write("Kec. Kronjo");
        flow.click("#loanHandedBy").write("Suparman");
        flow.click("#loanReceivedBy").write("Wartini");
        flow.click("#loanNote").write("kabel USB agak longgar");
        flow.click("#saveLoan");
        Flow.waitFor(() -> flow.text("#equipmentMessage").startsWith("Peminjaman " + deskScanner.deviceId() + " dicatat"));
        TableView<Loan> loans = flow.await("#loanTable", TableView.class);
        Flow.waitFor(() -> Ui.onFx(() -> loans.getItems().size() == 2));
        Loan kronjo = Ui.onFx(() -> loans.getItems().stream().filter(l -> l.fromOffice().equals("Kec. Kronjo"))
                .findFirst().orElseThrow());
        assertThat(kronjo.toOffice()).isEqualTo("Kecamatan Pancoran Mas, Kota Depok");
        assertThat(kronjo.dueDate()).isEqualTo(LocalDate.now().plusDays(14));
        flow.screenshot("79-equipment-loan-recorded");

        // Captures made with it from now on carry the loan (the desk reads the device when it captures).
        DeviceRef provenance = CompletableFuture.supplyAsync(() -> station.ctx.services().scanner().device()).get();
        assertThat(provenance.loanId()).isEqualTo(kronjo.loanId());
        assertThat(provenance.ownerOffice()).isEqualTo("Kec. Kronjo");

        // Back to Kronjo, with a scratch on the sensor cover.
        Ui.onFx(() -> {
            loans.getSelectionModel().select(kronjo);
            return null;
        });
        Flow.waitFor(() -> !Ui.onFx(() -> robot.lookup("#saveReturn").queryButton().isDisabled()));
        assertThat(Ui.onFx(() -> robot.lookup("#returnHandedBy").queryAs(javafx.scene.control.TextField.class).getText()))
                .isEqualTo("Wartini");
        Ui.onFx(() -> {
            robot.lookup("#returnCondition").queryAs(ComboBox.class).getSelectionModel().select(Condition.MINOR_DEFECTS);
            return null;
        });
        flow.click("#returnNote").write("tutup sensor tergores");
        flow.click("#saveReturn");
        Flow.waitFor(() -> flow.text("#equipmentMessage").startsWith(deskScanner.deviceId() + " kembali ke Kec. Kronjo"));
        Flow.waitFor(() -> Ui.onFx(() -> loans.getItems().stream()
                .anyMatch(l -> l.loanId().equals(kronjo.loanId()) && !l.open())));
        flow.screenshot("80-equipment-loan-returned");
        assertThat(Ui.cutShortTexts()).as("texts cut short on the equipment screen").isEmpty();

        DeviceRef after = CompletableFuture.supplyAsync(() -> station.ctx.services().scanner().device()).get();
        assertThat(after.loanId()).as("no loan once it is back").isEmpty();
        List<OutboxEvent> events = station.store().events().pending(100);
        assertThat(events).filteredOn(e -> e.jsonPayload().contains(kronjo.loanId())).extracting(OutboxEvent::type)
                .containsExactly("equipment.loan.opened", "equipment.loan.returned");
        assertThat(station.store().auditTrail(0, 10_000)).filteredOn(a -> a.subject().equals(kronjo.loanId()))
                .extracting(AuditEntry::actor, AuditEntry::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(TECHNICIAN, "LOAN_OPENED"),
                        org.assertj.core.groups.Tuple.tuple(TECHNICIAN, "LOAN_RETURNED"));
        assertThat(overdue.open()).isTrue();
    }
}
