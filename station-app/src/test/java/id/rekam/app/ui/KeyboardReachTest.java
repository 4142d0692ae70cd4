package id.rekam.app.ui;

import id.rekam.app.AppConfig;
import id.rekam.app.testing.Flow;
import id.rekam.app.testing.TestStation;
import id.rekam.app.testing.Ui;
import id.rekam.fixtures.DemoSeeder;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A robot that never touches the mouse visits every screen of the desk (and every step of the
 * wizard, every tab of the card desk) and, on each: Tabs through its controls checking that the
 * focus is always on a control the operator can see; goes home with Esc; and logs out with F12.
 * The top bar names both keys on every screen ("Beranda (Esc)", "Keluar (F12)").
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardReachTest {

    /** Tab presses per screen: more than any screen has controls, so the walk wraps around. */
    static final int TABS = 24;

    @TempDir
    Path dir;

    /** Where the robot has been: the report names each screen. */
    final List<String> visited = new ArrayList<>();

    @Start
    void start(Stage stage) {
        new TestStation(dir, AppConfig.ApprovalMode.END_OF_DAY, true, true).show(stage);
    }

    @Test
    void everyScreenIsReachedLeftAndLoggedOutOfByKeyboardWithTheFocusAlwaysInSight(FxRobot robot) {
        Flow flow = new Flow(robot);
        // Unlock: the passphrase field has the focus; Enter opens the store.
        Flow.waitFor(60, () -> flow.visible("#passphrase"));
        focusFine("unlock");
        robot.type(KeyCode.ENTER);
        Flow.waitFor(60, () -> flow.visible("#operatorId"));
        logIn(robot, flow);

        screen(robot, flow, "home", null, "#newEnrollment");
        screen(robot, flow, "records", KeyCode.F3, "#recordTable");
        // The records list: Enter in the search moves to the list, Enter there opens a record.
        robot.type(KeyCode.F3);
        Flow.waitFor(() -> flow.visible("#recordQuery"));
        Flow.waitFor(() -> Ui.onFx(() -> !robot.lookup("#recordTable").queryTableView().getItems().isEmpty()));
        robot.type(KeyCode.ENTER).type(KeyCode.ENTER);
        Flow.waitFor(() -> flow.visible("#detailTitle") && !flow.text("#detailTitle").isEmpty());
        walk(robot, "record page");
        robot.type(KeyCode.ESCAPE);
        Flow.waitFor(() -> flow.visible("#recordTable"));
        robot.type(KeyCode.ESCAPE);
        Flow.waitFor(() -> flow.visible("#newEnrollment"));

        screen(robot, flow, "approval", KeyCode.F4, "#approvalList");
        screen(robot, flow, "cards", KeyCode.F5, "#handoverQuery");
        // Each tab of the card desk, by Ctrl+Tab.
        robot.type(KeyCode.F5);
        Flow.waitFor(() -> flow.visible("#handoverQuery"));
        for (String tabField : List.of("#batchId", "#ledgerQuantity", "#destroySerial")) {
            robot.press(KeyCode.CONTROL).type(KeyCode.TAB).release(KeyCode.CONTROL);
            Flow.waitFor(() -> flow.visible(tabField));
            walk(robot, "cards " + tabField);
        }
        robot.type(KeyCode.ESCAPE);
        Flow.waitFor(() -> flow.visible("#newEnrollment"));
        screen(robot, flow, "sync", KeyCode.F6, "#syncPushNow");
        screen(robot, flow, "operators", KeyCode.F7, "#newOperatorId");
        screen(robot, flow, "station settings", KeyCode.F9, "#provSubmit");
        // One key per screen (ui.ShellKeys): the home screen's cases node and field banner no longer claim F7.
        screen(robot, flow, "cases", KeyCode.F8, "#caseQuery");
        screen(robot, flow, "team dashboard", KeyCode.F10, "#fieldSubtitle");
        screen(robot, flow, "bundles", KeyCode.F11, "#bundleDir");

        // The wizard: each step by Ctrl+1…5; Esc leaves (nothing captured, so at once).
        for (int step = 1; step <= 5; step++) {
            robot.type(KeyCode.F2);
            Flow.waitFor(() -> flow.visible("#nik"));
            KeyCode digit = KeyCode.valueOf("DIGIT" + step);
            robot.press(KeyCode.CONTROL).type(digit).release(KeyCode.CONTROL);
            String marker = List.of("#nik", "#capturePhoto", "#scanFinger", "#signaturePad", "#commitRecord").get(step - 1);
            Flow.waitFor(() -> flow.visible(marker));
            shellKeysNamed(flow);
            walk(robot, "wizard step " + step);
            robot.type(step % 2 == 0 ? KeyCode.F12 : KeyCode.ESCAPE);
            if (step % 2 == 0) {
                Flow.waitFor(() -> flow.visible("#operatorId"));
                logIn(robot, flow);
            } else {
                Flow.waitFor(() -> flow.visible("#newEnrollment"));
            }
        }
        System.out.println("keyboard-reach: visited " + visited);
        assertThat(visited).containsExactly("home", "records", "record page", "approval", "cards", "cards #batchId",
                "cards #ledgerQuantity", "cards #destroySerial", "sync", "operators", "station settings",
                "cases", "team dashboard", "bundles",
                "wizard step 1", "wizard step 2", "wizard step 3", "wizard step 4", "wizard step 5");
    }

    /** Opens a screen by its key, walks it, goes home with Esc; opens it again and logs out with F12. */
    private void screen(FxRobot robot, Flow flow, String name, KeyCode key, String marker) {
        if (key != null) {
            robot.type(key);
        }
        Flow.waitFor(() -> flow.visible(marker));
        shellKeysNamed(flow);
        walk(robot, name);
        if (key == null) {
            robot.type(KeyCode.F12);
            Flow.waitFor(() -> flow.visible("#operatorId"));
            logIn(robot, flow);
            return;
        }
        robot.type(KeyCode.ESCAPE);
        Flow.waitFor(() -> flow.visible("#newEnrollment"));
        robot.type(key);
        Flow.waitFor(() -> flow.visible(marker));
        robot.type(KeyCode.F12);
        Flow.waitFor(() -> flow.visible("#operatorId"));
        logIn(robot, flow);
    }

    private void logIn(FxRobot robot, Flow flow) {
        focusFine("login");
        robot.write(DemoSeeder.SUPERVISOR).type(KeyCode.ENTER).write(DemoSeeder.SUPERVISOR_PASSWORD).type(KeyCode.ENTER);
        Flow.waitFor(() -> flow.visible("#newEnrollment"));
    }

    private static void shellKeysNamed(Flow flow) {
        assertThat(flow.text("#homeButton")).isEqualTo("Beranda (Esc)");
        assertThat(flow.text("#logoutButton")).isEqualTo("Keluar (F12)");
    }

    /** Tab through the screen: after each press the focus is on a control the operator can see. */
    private void walk(FxRobot robot, String name) {
        visited.add(name);
        focusFine(name);
        for (int i = 0; i < TABS; i++) {
            robot.type(KeyCode.TAB);
            int n = i + 1;
            focusFine(name + " after " + n + " Tab(s), at " + Ui.focusOwner());
        }
    }

    private static void focusFine(String where) {
        Ui.until("a usable, visible focus on " + where, 10, () -> Ui.focusProblem() == null);
    }
}
