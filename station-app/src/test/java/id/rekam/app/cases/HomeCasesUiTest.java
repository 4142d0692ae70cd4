package id.rekam.app.cases;

import id.rekam.app.AppConfig;
import id.rekam.app.testing.Flow;
import id.rekam.app.testing.TestStation;
import id.rekam.app.testing.Ui;
import id.rekam.core.cases.Cases;
import id.rekam.fixtures.DemoSeeder;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.awt.Color;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole station: the home screen counts the open cases by age and by kelurahan, F8 opens the
 * case list, Esc goes back home.
 */
@ExtendWith(ApplicationExtension.class)
class HomeCasesUiTest {

    @TempDir
    Path dir;
    TestStation station;

    @Start
    void start(Stage stage) {
        station = new TestStation(dir, AppConfig.ApprovalMode.END_OF_DAY, true, true).show(stage);
    }

    @Test
    void theHomeScreenCountsOpenCasesByAgeAndKelurahanAndF8OpensThem(FxRobot robot) {
        Flow flow = new Flow(robot);
        flow.unlockDemo();
        flow.logIn(DemoSeeder.OPERATOR, DemoSeeder.OPERATOR_PASSWORD);
        Flow.waitFor(() -> flow.text("#homeCasesOpen").startsWith("Tidak ada"));

        // Two people recorded twice (supervisor overrides), taken in as cases.
        CaseUiFixtures.overridden(station.store(), DemoSeeder.SUPERVISOR, 31, CaseUiFixtures.BAWUKAN, new Color(40, 70, 140));
        CaseUiFixtures.overridden(station.store(), DemoSeeder.SUPERVISOR, 32, null, new Color(90, 90, 90));
        assertThat(new Cases(station.store()).takeLocalSources()).hasSize(2);
        robot.type(KeyCode.F3);
        Flow.waitFor(() -> flow.visible("#recordTable"));
        flow.click("#homeButton");
        Flow.waitFor(() -> flow.text("#homeCasesOpen").equals("2 kasus terbuka"));
        assertThat(flow.text("#homeCasesAges")).contains("\u2264 7 hari 2", "8\u201330 hari 0", "> 30 hari 0",
                "lewat tenggat 0");
        assertThat(flow.text("#homeCasesVillages")).isEqualTo("Per kelurahan: Bawukan 1 \u00b7 Tlogowatu 1");
        assertThat(Ui.cutShortTexts()).as("texts cut short on the home screen").isEmpty();
        flow.screenshot("cases-00-home");

        assertThat(flow.text("#homeCasesButton")).endsWith("(F8)");
        robot.type(KeyCode.F8);
        TableView<?> table = flow.await("#caseTable", TableView.class);
        Flow.waitFor(() -> Ui.onFx(() -> table.getItems().size() == 2));
        robot.type(KeyCode.ESCAPE);
        Flow.waitFor(() -> flow.visible("#homeCases"));
    }

    @Test
    void casesWaitingInTheStoreAtUnlockAreOpenedByTheHomeScreenWithoutASyncPass(FxRobot robot) {
        Flow flow = new Flow(robot);
        flow.unlockDemo();
        // Offline for days: what waits in the store (here two supervisors' overrides; in the field also the
        // case entries the sync service kept while locked, CaseEntriesWhileLockedTest) is taken at the first home.
        CaseUiFixtures.overridden(station.store(), DemoSeeder.SUPERVISOR, 33, CaseUiFixtures.BAWUKAN, new Color(40, 70, 140));
        CaseUiFixtures.overridden(station.store(), DemoSeeder.SUPERVISOR, 34, null, new Color(90, 90, 90));
        flow.logIn(DemoSeeder.OPERATOR, DemoSeeder.OPERATOR_PASSWORD);
        Flow.waitFor(() -> flow.text("#homeCasesOpen").equals("2 kasus terbuka"));
        assertThat(new Cases(station.store()).takeLocalSources()).as("taken once, by the desk").isEmpty();
    }
}
