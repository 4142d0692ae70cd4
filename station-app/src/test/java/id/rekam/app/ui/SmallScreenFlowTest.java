package id.rekam.app.ui;

import id.rekam.app.AppConfig;
import id.rekam.app.StationApp;
import id.rekam.app.ports.RecordSummary;
import id.rekam.app.testing.Flow;
import id.rekam.app.testing.TestStation;
import id.rekam.app.testing.Ui;
import id.rekam.fixtures.DemoSeeder;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.TableView;
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
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kecamatan PC with a 1024×768 screen (less a 30 px taskbar): the window fits it, and on
 * every main screen no text is cut short and nothing lies beyond the window's edge. Also the
 * home screen's F5/F6 keys and the records list's order.
 */
@ExtendWith(ApplicationExtension.class)
class SmallScreenFlowTest {

    private static final Rectangle2D SMALL_SCREEN = new Rectangle2D(0, 0, 1024, 738);

    @TempDir
    Path dir;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new TestStation(dir, AppConfig.ApprovalMode.END_OF_DAY, true, true).show(stage);
        StationApp.fitToScreen(stage, SMALL_SCREEN);
    }

    /** The FX stage outlives the test class: the next UI test gets the design size back. */
    @AfterEach
    void designSizeAgain() {
        Ui.onFx(() -> {
            stage.setMinWidth(0);
            stage.setMinHeight(0);
            stage.setWidth(1280);
            stage.setHeight(800);
            return null;
        });
    }

    @Test
    void everyMainScreenFitsASmallScreen(FxRobot robot) {
        Flow flow = new Flow(robot);
        assertThat(Ui.onFx(() -> List.of(stage.getWidth(), stage.getHeight(), stage.getMinWidth())))
                .allMatch(v -> v <= 1024);
        assertThat(Ui.onFx(() -> stage.getHeight())).isLessThanOrEqualTo(738);
        flow.unlockDemo();
        fits(flow, "login");
        flow.logIn(DemoSeeder.OPERATOR, DemoSeeder.OPERATOR_PASSWORD);
        Flow.waitFor(() -> flow.text("#waitingApproval").equals("4"));
        fits(flow, "50-small-home");

        robot.type(KeyCode.F5);
        flow.await("#cards", javafx.scene.Node.class);
        flow.click("#homeButton");
        flow.await("#newEnrollment", javafx.scene.Node.class);
        robot.type(KeyCode.F6);
        flow.await("#syncPushNow", javafx.scene.Node.class);
        fits(flow, "sync");
        flow.click("#homeButton");

        flow.await("#newEnrollment", javafx.scene.Node.class);
        robot.type(KeyCode.F3);
        @SuppressWarnings("unchecked")
        TableView<RecordSummary> table = flow.await("#recordTable", TableView.class);
        Flow.waitFor(() -> Ui.onFx(() -> table.getItems().size() == 12));
        List<RecordSummary> rows = Ui.onFx(() -> List.copyOf(table.getItems()));
        assertThat(rows).as("newest first")
                .isSortedAccordingTo(Comparator.comparing(RecordSummary::createdAt).reversed());
        fits(flow, "51-small-records");
        robot.type(KeyCode.ENTER).type(KeyCode.ENTER);
        flow.await("#detailTitle", javafx.scene.Node.class);
        fits(flow, "52-small-record-detail");

        flow.click("#homeButton");
        flow.await("#newEnrollment", javafx.scene.Node.class);
        robot.type(KeyCode.F2);
        flow.await("#nik", javafx.scene.Node.class);
        fits(flow, "53-small-biodata");
        flow.typeBiodata(Flow.NIK, "Budi Santoso", "17-08-1990");
        robot.type(KeyCode.ENTER);
        flow.await("#capturePhoto", javafx.scene.Node.class);
        fits(flow, "54-small-photo");
        flow.ctrl(KeyCode.DIGIT3);
        flow.await("#scanFinger", javafx.scene.Node.class);
        fits(flow, "55-small-fingers");
    }

    private static void fits(Flow flow, String screen) {
        if (screen.matches("\\d.*")) {
            flow.screenshot(screen);
        }
        // The shell's minimum counts the hidden, pre-built screens too: one too wide pushes all.
        assertThat(Ui.onFx(() -> {
            javafx.scene.Scene scene = Ui.mainWindow().orElseThrow().getScene();
            return ((javafx.scene.layout.Region) scene.getRoot()).minWidth(-1) <= scene.getWidth();
        })).as("every screen's minimum width fits the window, on " + screen).isTrue();
        assertThat(Ui.cutShortTexts()).as("texts cut short on " + screen).isEmpty();
        assertThat(Ui.offWindowTexts()).as("texts beyond the window's edge on " + screen).isEmpty();
    }
}
