package id.rekam.app.ui;

import id.rekam.app.AppConfig;
import id.rekam.app.StationApp;
import id.rekam.app.testing.Flow;
import id.rekam.app.testing.TestStation;
import id.rekam.app.testing.Ui;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Half a form, then the station dies without closing anything; after restart the form comes back. */
@ExtendWith(ApplicationExtension.class)
class DraftResumeTest {

    @TempDir
    Path dir;
    Stage stage;
    TestStation first;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        first = new TestStation(dir, AppConfig.ApprovalMode.END_OF_DAY, false).show(stage);
    }

    @Test
    void anUnfinishedFormIsOfferedAfterARestart(FxRobot robot) {
        Flow flow = new Flow(robot);
        flow.unlockAndCreateSupervisor(TestStation.PASSPHRASE);
        robot.type(KeyCode.F2);
        Flow.waitFor(() -> flow.visible("#nik"));
        flow.click("#nik").write(Flow.NIK).type(KeyCode.ENTER).write("Sri Wahyuni");
        var store = first.store();
        Flow.waitFor(() -> store.listDrafts().stream().anyMatch(d -> store.loadDraft(d.id())
                .map(json -> json.contains("Sri Wahyuni")).orElse(false)));

        // Killed: nothing is closed or saved on the way out. A new process opens the same data.
        TestStation second = new TestStation(dir, AppConfig.ApprovalMode.END_OF_DAY, false);
        robot.interact(() -> stage.setScene(StationApp.createScene(second.ctx)));
        flow.click("#passphrase").write(TestStation.PASSPHRASE).type(KeyCode.ENTER);
        Flow.waitFor(30, () -> flow.visible("#operatorId"));
        flow.click("#operatorId").write(Flow.SUPERVISOR).type(KeyCode.ENTER).write(Flow.PASSWORD)
                .type(KeyCode.ENTER);
        Flow.waitFor(() -> flow.visible("#resumeDraft"));
        assertThat(flow.text("#draftText")).contains("Sri Wahyuni");
        flow.screenshot("03b-home-resume-draft");
        flow.click("#resumeDraft");
        Flow.waitFor(() -> flow.visible("#nik"));
        TextField nik = flow.await("#nik", TextField.class);
        TextField name = flow.await("#fullName", TextField.class);
        assertThat(Ui.<String>onFx(nik::getText)).isEqualTo(Flow.NIK);
        assertThat(Ui.<String>onFx(name::getText)).isEqualTo("Sri Wahyuni");
    }
}
