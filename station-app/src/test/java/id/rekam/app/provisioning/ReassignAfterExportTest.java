package id.rekam.app.provisioning;

import id.rekam.core.crypto.PacketSeal;
import id.rekam.core.trust.Ed25519Raw;
import id.rekam.core.trust.ServerKeys;
import id.rekam.core.trust.ServerTrust;
import id.rekam.app.AppConfig;
import id.rekam.app.StationApp;
import id.rekam.app.adapters.provisioning.Provisioning;
import id.rekam.app.adapters.provisioning.StationSettings;
import id.rekam.app.testing.Flow;
import id.rekam.app.testing.TestStation;
import id.rekam.core.audit.AuditActions;
import id.rekam.fixtures.DemoSeeder;
import id.rekam.core.export.ExportBundle;
import id.rekam.core.outbox.OutboxEntry;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.region.RegionCatalog;
import id.rekam.core.store.StationStore;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static id.rekam.app.provisioning.ProvisioningWizardTest.choose;
import static id.rekam.app.provisioning.ProvisioningWizardTest.combo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kronjo laptop goes to Gunung Kaler with records the server never got: the supervisor
 * exports them to a stick from the wizard, then moves the station; the top bar and the window
 * title show the new office at once.
 */
@ExtendWith(ApplicationExtension.class)
class ReassignAfterExportTest {

    private static final String NEW_DISTRICT = "32.76.02";
    private static final String EXPORT_PASS = "frasa-ekspor-pindah-kantor";

    @TempDir
    Path dir;
    TestStation station;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        station = new TestStation(dir.resolve("station"), AppConfig.ApprovalMode.END_OF_DAY, true, true);
        stage.setScene(StationApp.createScene(station.ctx));
        StationApp.bindTitle(stage, station.ctx);
        stage.show();
    }

    @Test
    void supervisorExportsPendingRecordsThenMovesTheStationAndTheOfficeShowsAtOnce(FxRobot robot) throws Exception {
        Flow flow = new Flow(robot);
        robot.clickOn("#passphrase").type(KeyCode.ENTER);
        Flow.waitFor(60, () -> flow.visible("#operatorId"));
        robot.clickOn("#operatorId").write(DemoSeeder.SUPERVISOR).type(KeyCode.ENTER)
                .write(DemoSeeder.SUPERVISOR_PASSWORD).type(KeyCode.ENTER);
        Flow.waitFor(30, () -> flow.visible("#stationSettings"));
        StationStore store = station.store();
        // A provisioned station knows its server's keys: what it exports is sealed to that server.
        store.pinServer(new ServerTrust(URI.create("http://127.0.0.1:8080/"), null, new ServerKeys(
                Ed25519Raw.publicKey(Ed25519Raw.newSeed()), PacketSeal.newServerKeyPair()[1]), Instant.now()), "teknisi");
        // The end-of-day approval happened: every record waits for the server only.
        List<String> captured = store.outbox().inState(OutboxState.CAPTURED, 1000).stream()
                .map(OutboxEntry::packetId).toList();
        store.outbox().approve(captured, DemoSeeder.SUPERVISOR);
        long pending = Provisioning.pendingRecords(store);
        assertThat(pending).isPositive();
        String oldOffice = flow.text("#officeLabel");
        String newOffice = new Provisioning(station.dataDir, RegionCatalog.bundled(), "t").officeName(NEW_DISTRICT);
        assertThat(newOffice).isNotEqualTo(oldOffice);

        robot.clickOn("#stationSettings");
        Flow.waitFor(() -> flow.visible("#provSubmit") && !combo(robot, "#provProvince").getItems().isEmpty());
        Flow.waitFor(() -> flow.text("#provExportPending").startsWith(pending + " rekaman"));
        choose(robot, "#provProvince", "32");
        choose(robot, "#provRegency", "32.76");
        choose(robot, "#provDistrict", NEW_DISTRICT);
        robot.clickOn("#provSubmit");
        Flow.waitFor(30, () -> flow.text("#provMessage").contains("belum bisa dipindahkan"));

        Path stick = Files.createDirectories(dir.resolve("usb"));
        robot.interact(() -> {
            robot.lookup("#provExportDir").queryTextInputControl().setText(stick.toString());
            robot.lookup("#provExportPassphrase").queryTextInputControl().setText(EXPORT_PASS);
            robot.lookup("#provExportPassphraseAgain").queryTextInputControl().setText(EXPORT_PASS);
        });
        robot.interact(() -> robot.lookup("#provExport").queryButton().fire());
        Flow.waitFor(60, () -> flow.text("#provExportMessage").contains("diekspor terenkripsi"));
        assertThat(robot.lookup("#provExportProgress").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);
        Flow.waitFor(() -> flow.text("#provExportPending").startsWith("0 rekaman"));
        flow.screenshot("45-provisioning-export");
        // The export card's long path wraps in its own column instead of squeezing the office card.
        assertThat(id.rekam.app.testing.Ui.cutShortTexts()).as("texts cut short beside the export").isEmpty();
        Path bundle;
        try (Stream<Path> s = Files.list(stick)) {
            bundle = s.filter(p -> p.getFileName().toString().startsWith("rekam-export-")).findFirst().orElseThrow();
        }
        ExportBundle b = ExportBundle.open(bundle);
        b.verify(store.stationPublicKey());
        b.unlock(EXPORT_PASS.toCharArray());
        assertThat(b.packets()).hasSize((int) pending);
        assertThat(store.outbox().countByState().get(OutboxState.EXPORTED)).isEqualTo(pending);

        robot.clickOn("#provSubmit");
        Flow.waitFor(30, () -> flow.text("#provMessage").contains("dipindahkan"));
        assertThat(flow.text("#provMessage")).contains(newOffice);
        assertThat(flow.text("#officeLabel")).isEqualTo(newOffice);
        assertThat(stage.getTitle()).contains(newOffice).doesNotContain(oldOffice);
        assertThat(station.ctx.session().districtCode()).isEqualTo(NEW_DISTRICT);
        assertThat(StationSettings.read(station.dataDir).getProperty(StationSettings.OFFICE)).isEqualTo(newOffice);
        assertThat(store.auditTrail(1, 100_000)).extracting(e -> e.action())
                .contains(AuditActions.RECORDS_EXPORTED, Provisioning.AUDIT_REASSIGNED);
    }
}
