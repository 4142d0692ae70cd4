package id.rekam.app.provisioning;

import id.rekam.app.AppConfig;
import id.rekam.app.adapters.provisioning.StationSettings;
import id.rekam.app.adapters.sync.SyncSettings;
import id.rekam.app.ports.Region;
import id.rekam.app.testing.Flow;
import id.rekam.app.testing.TestStation;
import id.rekam.app.testing.Ui;
import id.rekam.server.CentralServer;
import id.rekam.server.ServerConfig;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** A technician sets up a fresh station with the wizard, then (as its supervisor) moves it to another office. */
@ExtendWith(ApplicationExtension.class)
class ProvisioningWizardTest {

    @TempDir
    Path dir;
    CentralServer server;
    TestStation station;

    @Start
    void start(Stage stage) throws Exception {
        server = CentralServer.start(ServerConfig.builder(dir.resolve("server")).build());
        station = new TestStation(dir.resolve("station"), AppConfig.ApprovalMode.END_OF_DAY, false);
        station.show(stage);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void technicianRegistersAFreshStationThenMovesIt(FxRobot robot) {
        Flow flow = new Flow(robot);
        Flow.waitFor(() -> flow.visible("#setupStation"));
        flow.click("#setupStation");
        Flow.waitFor(() -> flow.visible("#provSubmit") && provincesLoaded(robot));
        javafx.scene.layout.VBox devices = flow.await("#provDevices", javafx.scene.layout.VBox.class);
        Flow.waitFor(() -> Ui.onFx(() -> !devices.getChildren().isEmpty()));
        choose(robot, "#provProvince", "32");
        choose(robot, "#provRegency", "32.76");
        choose(robot, "#provDistrict", "32.76.01");
        assertThat(stationId(flow)).isEqualTo("ST-327601-0001");
        flow.click("#provDeskName").write("Meja 1");
        flow.click("#provServerUrl").write(server.baseUri().toString());
        flow.click("#provCode").write("SALAH-KODE-0000-0000");
        // The account card is below the fold of a 800 px window: fill it without scrolling.
        robot.interact(() -> {
            robot.lookup("#provPassphrase").queryTextInputControl().setText("frasa-sandi-kantor-baru");
            robot.lookup("#provPassphraseAgain").queryTextInputControl().setText("frasa-sandi-kantor-baru");
            robot.lookup("#provSupervisorId").queryTextInputControl().setText("spv1");
            robot.lookup("#provSupervisorPassword").queryTextInputControl().setText("sandi-spv-pertama");
        });
        flow.click("#provSubmit");
        Flow.waitFor(60, () -> flow.text("#provMessage").contains("tidak dikenal"));

        String code = server.admin().createEnrollmentCode("32.76.01").code();
        robot.doubleClickOn(flow.await("#provCode", javafx.scene.Node.class)).eraseText(30).write(code);
        flow.screenshot("43-provisioning");
        flow.click("#provSubmit");
        Flow.waitFor(60, () -> flow.visible("#operatorId"));
        // Header and footer name the office and the id just registered, at once.
        assertThat(flow.text("#officeLabel")).contains("Pancoran Mas");
        assertThat(flow.text("#stationLabel")).isEqualTo("Stasiun ST-327601-0001");
        assertThat(server.admin().stations()).singleElement()
                .satisfies(s -> assertThat(s.stationId()).isEqualTo("ST-327601-0001"));
        Properties settings = StationSettings.read(station.dataDir);
        assertThat(SyncSettings.provisioned(station.dataDir, settings)).as("the server is pinned in the store").isTrue();
        assertThat(settings.getProperty(StationSettings.DISTRICT)).isEqualTo("32.76.01");

        flow.click("#operatorId").write("spv1").type(KeyCode.ENTER).write("sandi-spv-pertama").type(KeyCode.ENTER);
        Flow.waitFor(() -> flow.visible("#stationSettings"));
        flow.click("#stationSettings");
        Flow.waitFor(() -> flow.visible("#provSubmit") && provincesLoaded(robot));
        choose(robot, "#provProvince", "32");
        choose(robot, "#provRegency", "32.76");
        choose(robot, "#provDistrict", "32.76.02");
        assertThat(stationId(flow)).isEqualTo("ST-327601-0001");
        flow.click("#provSubmit");
        Flow.waitFor(30, () -> flow.text("#provMessage").contains("dipindahkan"));
        flow.screenshot("44-provisioning-reassign");
        assertThat(StationSettings.read(station.dataDir).getProperty(StationSettings.DISTRICT)).isEqualTo("32.76.02");
    }

    static boolean provincesLoaded(FxRobot robot) {
        return Ui.onFx(() -> !combo(robot, "#provProvince").getItems().isEmpty());
    }

    static String stationId(Flow flow) {
        TextInputControl field = flow.await("#provStationId", TextInputControl.class);
        return Ui.onFx(field::getText);
    }

    @SuppressWarnings("unchecked")
    static ComboBox<Region> combo(FxRobot robot, String id) {
        return Ui.onFx(() -> robot.lookup(id).queryAs(ComboBox.class));
    }

    /** Selects the region once the picker has loaded it (each level loads after its parent is chosen). */
    static void choose(FxRobot robot, String id, String code) {
        Flow.waitFor(() -> Ui.onFx(() -> combo(robot, id).getItems().stream().anyMatch(r -> r.code().equals(code))));
        robot.interact(() -> combo(robot, id).getSelectionModel().select(
                combo(robot, id).getItems().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow()));
    }
}
