package id.rekam.app.ui;

import id.rekam.app.AppConfig;
import id.rekam.fixtures.DemoSeeder;
import id.rekam.app.ports.RecordStatus;
import id.rekam.app.ports.RecordSummary;
import id.rekam.app.testing.Flow;
import id.rekam.app.testing.TestStation;
import id.rekam.app.testing.Ui;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.domain.RegistrationId;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.store.StationStore;
import id.rekam.core.verdict.ServerVerdict;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's verdicts as the store keeps them, on the records list and the record's page: the
 * duplicate names the other record, its station and the per-finger scores; the other record's
 * NIK, kept whole in the store, is masked on screen; a rejection gives its code and message.
 */
@ExtendWith(ApplicationExtension.class)
class VerdictScreensTest {

    static final String OTHER_NIK = "3276014509870001";

    @TempDir
    Path dir;
    String duplicateName;
    String rejectedName;
    RegistrationId printReady;

    @Start
    void start(Stage stage) {
        try (StationStore store = StationStore.initialise(dir, TestStation.PASSPHRASE.toCharArray(),
                TestStation.STATION_ID, TestStation.fastStore())) {
            DemoSeeder.seed(store, "32.76.01.1008");
            // The seeder approves as the desk does: approved records are queued at once.
            List<String> approved = store.outbox().inState(OutboxState.QUEUED, 3).stream()
                    .map(e -> e.packetId()).toList();
            approved.forEach(id -> store.outbox().startUpload(id, URI.create("https://pusat.example/" + id), "sync"));
            store.verdicts().apply(approved.get(0), new ServerVerdict.Duplicate(Instant.parse("2026-11-25T04:00:00Z"),
                    ServerVerdict.MatchedBy.FINGERPRINT, new ServerVerdict.OtherRecord(
                    "5f0c9a52-8a9e-4d43-9d7b-1f6a3c2b9e10", "ST-327601-0002", "32.76.01", OTHER_NIK, false,
                    Instant.parse("2026-10-01T02:00:00Z")),
                    List.of(new ServerVerdict.FingerScore(FingerPosition.RIGHT_THUMB, 187.3, true),
                            new ServerVerdict.FingerScore(FingerPosition.RIGHT_INDEX, 12.5, false)), 40.0), "sync");
            store.verdicts().apply(approved.get(1), new ServerVerdict.Rejected(null, "nik-blocked",
                    "NIK " + OTHER_NIK + " diblokir"), "sync");
            store.verdicts().apply(approved.get(2), new ServerVerdict.PrintReady(null), "sync");
            duplicateName = store.findSummary(new RegistrationId(approved.get(0))).orElseThrow().fullName();
            rejectedName = store.findSummary(new RegistrationId(approved.get(1))).orElseThrow().fullName();
            printReady = new RegistrationId(approved.get(2));
        }
        new TestStation(dir, AppConfig.ApprovalMode.END_OF_DAY, true).show(stage);
    }

    @Test
    void theRecordsPageShowsTheVerdictWithTheOtherRecordsNikMaskedOnlyThere(FxRobot robot) {
        Flow flow = new Flow(robot);
        flow.unlockDemo();
        flow.logIn(DemoSeeder.OPERATOR, DemoSeeder.OPERATOR_PASSWORD);
        robot.type(KeyCode.F3);
        @SuppressWarnings("unchecked")
        TableView<RecordSummary> table = flow.await("#recordTable", TableView.class);
        Flow.waitFor(() -> Ui.onFx(() -> table.getItems().size() == 12));
        // Print-ready is the record's state, read with the list, not from the audit trail.
        assertThat(Ui.onFx(() -> table.getItems().stream().filter(r -> r.id().equals(printReady))
                .findFirst().orElseThrow().status())).isEqualTo(RecordStatus.PRINT_READY);

        open(flow, robot, duplicateName);
        Flow.waitFor(() -> flow.visible("#detailVerdict"));
        String shown = flow.text("#detailVerdict");
        assertThat(shown).contains("sidik jari cocok").contains("5f0c9a52-8a9e-4d43-9d7b-1f6a3c2b9e10")
                .contains("ST-327601-0002").contains("327601******0001").doesNotContain(OTHER_NIK)
                .contains("Ibu jari kanan 187,3 \u2713").contains("Telunjuk kanan 12,5 \u2717")
                .contains("cocok mulai 40");
        flow.screenshot("14b-record-duplicate");
        assertThat(Ui.cutShortTexts()).as("texts cut short on the duplicate's page").isEmpty();

        flow.click("#detailBack");
        open(flow, robot, rejectedName);
        Flow.waitFor(() -> flow.text("#detailVerdict").contains("nik-blocked"));
        assertThat(flow.text("#detailVerdict")).contains("327601******0001 diblokir").doesNotContain(OTHER_NIK);
    }

    /** On the records list (a new one after each visit): search the name, open its only row. */
    @SuppressWarnings("unchecked")
    private static void open(Flow flow, FxRobot robot, String name) {
        Flow.waitFor(() -> flow.visible("#recordQuery"));
        TableView<RecordSummary> table = flow.await("#recordTable", TableView.class);
        // One change of the text, so one search: typed letter by letter, a later search of the whole
        // name could land after Enter and clear the selection.
        TextField query = flow.await("#recordQuery", TextField.class);
        Ui.onFx(() -> {
            query.setText(name);
            return null;
        });
        flow.click("#recordQuery");
        // The list still shows the previous search until this one is back.
        Flow.waitFor(() -> Ui.onFx(() -> table.getItems().size() == 1 && table.getItems().get(0).fullName().equals(name)));
        robot.type(KeyCode.ENTER).type(KeyCode.ENTER);
        Flow.waitFor(() -> flow.visible("#detailTitle") && flow.text("#detailTitle").equals(name));
    }
}
