package id.rekam.app.ui;

import id.rekam.app.AppConfig;
import id.rekam.app.testing.Flow;
import id.rekam.app.testing.TestStation;
import id.rekam.app.testing.Ui;
import id.rekam.core.audit.AuditActions;
import id.rekam.core.auth.Role;
import id.rekam.core.store.RecordSummary;
import id.rekam.fixtures.DemoSeeder;
import javafx.scene.control.ComboBox;
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

/**
 * What the desk checks while the biodata is typed: a NIK already recorded here is caught at once
 * (before photo and fingers) with a link to that record; the birth date and sex come from the
 * NIK; an abandoned form is its operator's draft, listed for supervisors and discardable.
 */
@ExtendWith(ApplicationExtension.class)
class EntryChecksTest {

    @TempDir
    Path dir;
    TestStation station;

    @Start
    void start(Stage stage) {
        station = new TestStation(dir, AppConfig.ApprovalMode.END_OF_DAY, true, true).show(stage);
    }

    @Test
    void aRecordedNikIsCaughtAtEntryAndItsRecordIsOneKeyAway(FxRobot robot) {
        Flow flow = new Flow(robot);
        flow.demoOperatorOpensNewEnrollment();
        RecordSummary existing = station.store().listRecent(0, 1).get(0);
        robot.write(existing.nik().value());
        Flow.waitFor(() -> flow.visible("#nikExisting"));
        assertThat(flow.text("#nikMsg")).contains("sudah direkam").contains(existing.fullName())
                .contains(existing.id().value().substring(0, 8));
        flow.screenshot("04b-biodata-nik-recorded");
        // Moving on is refused: the step's error is the NIK, and the photo step never shows.
        flow.ctrl(KeyCode.ENTER);
        Flow.waitFor(() -> flow.text("#nikMsg").contains("sudah direkam"));
        assertThat(flow.visible("#capturePhoto")).isFalse();
        // Tab reaches the link right after the field; Space opens the existing record.
        robot.type(KeyCode.TAB);
        Flow.waitFor(() -> Ui.onFx(() -> "nikExisting".equals(robot.listWindows().get(0).getScene().getFocusOwner().getId())));
        robot.type(KeyCode.SPACE);
        Flow.waitFor(() -> flow.visible("#detailTitle") && flow.text("#detailTitle").equals(existing.fullName()));
        robot.type(KeyCode.ESCAPE);
        Flow.waitFor(() -> flow.visible("#recordTable"));

        // Another NIK: no finding; birth date and sex come from it (17-08-1990, day < 41: male).
        robot.type(KeyCode.ESCAPE);
        Flow.waitFor(() -> flow.visible("#newEnrollment"));
        robot.type(KeyCode.F2);
        Flow.waitFor(() -> flow.visible("#nik"));
        TextField birth = flow.await("#birthDate", TextField.class);
        @SuppressWarnings("unchecked")
        ComboBox<String> gender = flow.await("#gender", ComboBox.class);
        robot.write(Flow.NIK);
        Flow.waitFor(() -> "17-08-1990".equals(Ui.onFx(birth::getText)));
        assertThat(Ui.<String>onFx(gender::getValue)).isEqualTo("LAKI_LAKI");
        assertThat(flow.visible("#nikExisting")).isFalse();
    }

    @Test
    void anAbandonedFormIsItsOperatorsDraftAndSupervisorsSeeAndDiscardIt(FxRobot robot) {
        Flow flow = new Flow(robot);
        flow.demoOperatorOpensNewEnrollment();
        station.store().operators().createAccount(DemoSeeder.SUPERVISOR, "operator2", Role.OPERATOR,
                "operator-dua-2".toCharArray());
        robot.write(Flow.NIK).type(KeyCode.ENTER).write("Sri Wahyuni");
        Flow.waitFor(() -> !station.store().listDrafts().isEmpty());
        // Esc with no biometrics taken: straight home, the form kept as this operator's draft.
        robot.type(KeyCode.ESCAPE);
        Flow.waitFor(() -> flow.visible("#draftText"));
        assertThat(flow.text("#draftText")).contains("Sri Wahyuni");
        assertThat(flow.visible("#resumeDraft")).isTrue();

        robot.type(KeyCode.F12);
        flow.logIn("operator2", "operator-dua-2");
        assertThat(flow.visible("#drafts")).as("another operator's desk lists no foreign draft").isFalse();

        robot.type(KeyCode.F12);
        flow.logIn(DemoSeeder.SUPERVISOR, DemoSeeder.SUPERVISOR_PASSWORD);
        Flow.waitFor(() -> flow.visible("#draftText"));
        assertThat(flow.text("#draftText")).contains("Sri Wahyuni").contains(DemoSeeder.OPERATOR);
        assertThat(flow.visible("#resumeDraft")).as("only its operator resumes a draft").isFalse();
        flow.screenshot("03c-home-supervisor-drafts");
        flow.click("#discardDraft");
        Flow.waitFor(() -> !flow.visible("#drafts"));
        assertThat(station.store().listDrafts()).isEmpty();
        assertThat(station.store().auditTrail(0, 500)).anyMatch(a -> a.action().equals(AuditActions.DRAFT_DELETED)
                && a.actor().equals(DemoSeeder.SUPERVISOR));
    }
}
