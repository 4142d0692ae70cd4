package id.rekam.app.ui;

import id.rekam.app.AppConfig;
import id.rekam.app.ports.RecordSummary;
import id.rekam.app.testing.Flow;
import id.rekam.app.testing.TestStation;
import id.rekam.app.testing.Ui;
import id.rekam.core.commit.ReviewFlags;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.outbox.OutboxState;
import id.rekam.fixtures.DemoSeeder;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A supervisor really reviews: each waiting record shown whole (photo, the backdrop rule, flags,
 * biodata, fingers, signature), then sent back with a reason, refused with a reason, or approved;
 * the operator corrects a sent-back record from the home screen and saves it again.
 */
@ExtendWith(ApplicationExtension.class)
class SupervisorReviewTest {

    @TempDir
    Path dir;
    TestStation station;

    @Start
    void start(Stage stage) {
        station = new TestStation(dir, AppConfig.ApprovalMode.END_OF_DAY, true, true).show(stage);
    }

    @Test
    void reviewSendBackRefuseApproveAndCorrect(FxRobot robot) {
        Flow flow = new Flow(robot);
        flow.unlockDemo();
        flow.logIn(DemoSeeder.SUPERVISOR, DemoSeeder.SUPERVISOR_PASSWORD);
        robot.type(KeyCode.F4);
        @SuppressWarnings("unchecked")
        ListView<RecordSummary> list = flow.await("#approvalList", ListView.class);
        Flow.waitFor(() -> Ui.onFx(() -> list.getItems().size() == 4));
        // The first waiting record is shown whole as soon as the screen opens.
        RecordSummary first = Ui.onFx(() -> list.getItems().get(0));
        Flow.waitFor(() -> flow.text("#reviewName").equals(first.fullName()));
        ImageView photo = flow.await("#reviewPhoto", ImageView.class);
        Flow.waitFor(() -> Ui.onFx(() -> photo.getImage() != null && !photo.getImage().isError()));
        assertThat(flow.text("#reviewBackground")).contains("sesuai aturan");

        // Walk the list with the arrow keys to the record whose backdrop breaks the rule.
        RecordSummary wrong = null;
        for (int i = 0; i < 4 && wrong == null; i++) {
            RecordSummary shown = Ui.onFx(() -> list.getFocusModel().getFocusedItem());
            Flow.waitFor(() -> flow.text("#reviewName").equals(shown.fullName())
                    && !flow.text("#reviewBackground").isEmpty());
            EnrollmentRecord r = station.store().findById(shown.id()).orElseThrow();
            if (ReviewFlags.of(r, false).has(ReviewFlags.Flag.WRONG_BACKGROUND)) {
                wrong = shown;
            } else {
                robot.type(KeyCode.DOWN);
            }
        }
        assertThat(wrong).as("the seeded record with the wrong backdrop").isNotNull();
        assertThat(flow.text("#reviewBackground")).contains("TIDAK sesuai");
        assertThat(flow.text("#reviewFingers")).contains("sidik jari");
        flow.screenshot("15-approval-review");

        // Sending back needs a reason: Ctrl+K without one puts the focus in the reason field.
        flow.ctrl(KeyCode.K);
        Flow.waitFor(() -> flow.text("#approvalMessage").startsWith("Tulis alasannya"));
        TextField reason = flow.await("#reviewReason", TextField.class);
        Flow.waitFor(() -> Ui.onFx(reason::isFocused));
        String why = "Latar foto harus biru untuk tahun lahir genap; foto ulang";
        robot.write(why);
        RecordSummary returned = wrong;
        Ui.onFx(() -> {
            list.getSelectionModel().clearAndSelect(list.getItems().indexOf(returned));
            return null;
        });
        flow.ctrl(KeyCode.K);
        Flow.waitFor(() -> flow.text("#approvalMessage").startsWith("1 rekaman dikembalikan"));
        Flow.waitFor(() -> Ui.onFx(() -> list.getItems().size() == 3));
        assertThat(state(returned)).isEqualTo(OutboxState.RETURNED);

        // Refuse one with a reason.
        RecordSummary refused = Ui.onFx(() -> list.getItems().get(0));
        Flow.waitFor(() -> flow.text("#reviewName").equals(refused.fullName()));
        flow.click("#reviewReason").write("Dokumen KK tidak cocok dengan biodata");
        flow.ctrl(KeyCode.T);
        Flow.waitFor(() -> flow.text("#approvalMessage").startsWith("1 rekaman ditolak"));
        Flow.waitFor(() -> Ui.onFx(() -> list.getItems().size() == 2));
        assertThat(state(refused)).isEqualTo(OutboxState.DECLINED);

        // Approve the rest: all selected, Ctrl+Enter.
        Ui.onFx(() -> {
            list.requestFocus();
            return null;
        });
        flow.ctrl(KeyCode.A);
        flow.ctrl(KeyCode.ENTER);
        Flow.waitFor(() -> flow.text("#approvalMessage").startsWith("2 rekaman disetujui"));
        Flow.waitFor(() -> Ui.onFx(() -> list.getItems().isEmpty()));

        // The operator who recorded it sees the reason on the home screen and corrects it.
        robot.type(KeyCode.F12);
        flow.logIn(DemoSeeder.OPERATOR, DemoSeeder.OPERATOR_PASSWORD);
        Flow.waitFor(() -> flow.visible("#returnedText"));
        assertThat(flow.text("#returnedText")).contains(why).contains(returned.fullName());
        flow.screenshot("03d-home-returned");
        flow.click("#correctReturned");
        Flow.waitFor(() -> flow.visible("#correctionNote"));
        assertThat(flow.text("#correctionNote")).contains(why);
        TextField nik = flow.await("#nik", TextField.class);
        assertThat(Ui.<String>onFx(nik::getText)).isEqualTo(returned.nik());
        // The old photo, fingers and signature come along; the same NIK is not a duplicate of
        // the record sent back. Saving goes straight through.
        flow.ctrl(KeyCode.DIGIT5);
        Flow.waitFor(() -> flow.visible("#commitRecord"));
        flow.ctrl(KeyCode.S);
        Flow.waitFor(() -> flow.visible("#commitDone"));
        List<OutboxState> states = station.store().findByNik(id.rekam.core.domain.Nik.of(returned.nik())).stream()
                .map(s -> s.state()).toList();
        assertThat(states).containsExactlyInAnyOrder(OutboxState.RETURNED, OutboxState.CAPTURED);
        robot.type(KeyCode.ESCAPE);
        Flow.waitFor(() -> flow.visible("#newEnrollment"));
        Flow.waitFor(() -> !flow.visible("#returned"));
    }

    private OutboxState state(RecordSummary s) {
        return station.store().findSummary(s.id()).orElseThrow().state();
    }
}
