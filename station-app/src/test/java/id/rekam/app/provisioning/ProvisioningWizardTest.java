package id.rekam.app.provisioning;

import id.rekam.app.AppConfig;
import id.rekam.app.StationApp;
import id.rekam.app.service.Region;
import id.rekam.app.sync.SyncSettings;
import id.rekam.app.testing.Flow;
import id.rekam.app.testing.TestStation;
import id.rekam.server.CentralServer;
import id.rekam.server.ServerConfig;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

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
        stage.setScene(StationApp.createScene(station.ctx));
        stage.show();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void technicianRegistersAFreshStationThenMovesIt(FxRobot robot) {
        Flow flow = new Flow(robot);
        Flow.waitFor(() -> flow.visible("#setupStation"));
        robot.clickOn("#setupStation");
        Flow.waitFor(() -> flow.visible("#provSubmit") && !combo(robot, "#provProvince").getItems().isEmpty());
        Flow.waitFor(() -> !((javafx.scene.layout.VBox) robot.lookup("#provDevices").query()).getChildren().isEmpty());
        choose(robot, "#provProvince", "32");
        choose(robot, "#provRegency", "32.76");
        choose(robot, "#provDistrict", "32.76.01");
        assertThat(robot.lookup("#provStationId").queryTextInputControl().getText()).isEqualTo("ST-327601-0001");
        robot.clickOn("#provDeskName").write("Meja 1");
        robot.clickOn("#provServerUrl").write(server.baseUri().toString());
        robot.clickOn("#provCode").write("SALAH-KODE-0000-0000");
        // The account card is below the fold of a 800 px window: fill it without scrolling.
        robot.interact(() -> {
            robot.lookup("#provPassphrase").queryTextInputControl().setText("frasa-sandi-kantor-baru");
            robot.lookup("#provPassphraseAgain").queryTextInputControl().setText("frasa-sandi-kantor-baru");
            robot.lookup("#provSupervisorId").queryTextInputControl().setText("spv1");
            robot.lookup("#provSupervisorPassword").queryTextInputControl().setText("sandi-spv-pertama");
        });
        robot.clickOn("#provSubmit");
        Flow.waitFor(60, () -> flow.text("#provMessage").contains("tidak dikenal"));

        String code = server.admin().createEnrollmentCode("32.76.01").code();
        robot.doubleClickOn("#provCode").eraseText(30).write(code);
        flow.screenshot("43-provisioning");
        robot.clickOn("#provSubmit");
        Flow.waitFor(60, () -> flow.visible("#operatorId"));
        assertThat(server.admin().stations()).singleElement()
                .satisfies(s -> assertThat(s.stationId()).isEqualTo("ST-327601-0001"));
        Properties settings = StationSettings.read(station.dataDir);
        assertThat(SyncSettings.from(settings)).isPresent();
        assertThat(settings.getProperty(StationSettings.DISTRICT)).isEqualTo("32.76.01");

        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#operatorId").write("spv1").type(KeyCode.ENTER).write("sandi-spv-pertama").type(KeyCode.ENTER);
        Flow.waitFor(30, () -> flow.visible("#stationSettings"));
        robot.clickOn("#stationSettings");
        Flow.waitFor(() -> flow.visible("#provSubmit") && !combo(robot, "#provProvince").getItems().isEmpty());
        choose(robot, "#provProvince", "32");
        choose(robot, "#provRegency", "32.76");
        choose(robot, "#provDistrict", "32.76.02");
        assertThat(robot.lookup("#provStationId").queryTextInputControl().getText()).isEqualTo("ST-327601-0001");
        robot.clickOn("#provSubmit");
        Flow.waitFor(30, () -> flow.text("#provMessage").contains("dipindahkan"));
        flow.screenshot("44-provisioning-reassign");
        assertThat(StationSettings.read(station.dataDir).getProperty(StationSettings.DISTRICT)).isEqualTo("32.76.02");
    }

    @SuppressWarnings("unchecked")
    static ComboBox<Region> combo(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ComboBox.class);
    }

    static void choose(FxRobot robot, String id, String code) {
        Flow.waitFor(() -> combo(robot, id).getItems().stream().anyMatch(r -> r.code().equals(code)));
        robot.interact(() -> combo(robot, id).getSelectionModel().select(
                combo(robot, id).getItems().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow()));
    }
}
