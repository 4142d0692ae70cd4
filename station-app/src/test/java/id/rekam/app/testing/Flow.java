package id.rekam.app.testing;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Steps a person does at the desk, driven through TestFX (keyboard first). */
public final class Flow {

    public static final String NIK = "3276011708900001";
    public static final String SUPERVISOR = "spv1";
    public static final String PASSWORD = "sandi-spv-1";

    private static volatile FxRobot current;
    private final FxRobot robot;

    public Flow(FxRobot robot) {
        this.robot = robot;
        current = robot;
    }

    public static void waitFor(Callable<Boolean> condition) {
        waitFor(10, condition);
    }

    /** Waits up to {@code seconds}; on timeout the screen is saved under target/ for the report. */
    public static void waitFor(int seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            Path shot = Path.of("target", "failure-" + System.currentTimeMillis() + ".png");
            if (current != null) {
                Screenshots.write(current.listWindows().get(0).getScene(), shot);
            }
            throw new AssertionError("condition not met within " + seconds + " s; screen in " + shot, e);
        }
    }

    /** Saves the window as docs/screenshots/NAME.png when the build asks for screenshots. */
    public void screenshot(String name) {
        String dir = System.getProperty("rekam.screenshots.dir");
        // Not while benchmarking: a snapshot renders the whole scene on the FX thread and the PNG
        // encoding takes a core, i.e. the test harness, not the station, would freeze the UI.
        if (dir != null && !Boolean.getBoolean("rekam.bench")) {
            WaitForAsyncUtils.waitForFxEvents();
            Screenshots.write(robot.listWindows().get(0).getScene(), Path.of(dir, name + ".png"));
        }
    }

    /** True when a node matching {@code query} is on screen: it and all its ancestors visible. */
    public boolean visible(String query) {
        return robot.lookup(query).queryAll().stream().anyMatch(Flow::shown);
    }

    private static boolean shown(Node n) {
        // The station keeps the next wizard hidden in the window ahead of time; its fields are not "visible".
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    public String text(String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }

    public void unlockAndCreateSupervisor(String passphrase) {
        robot.clickOn("#passphrase").write(passphrase).type(KeyCode.ENTER);
        waitFor(30, () -> visible("#operatorId"));
        screenshot("02-login-first-supervisor");
        robot.clickOn("#operatorId").write(SUPERVISOR).type(KeyCode.ENTER);
        robot.write(PASSWORD).type(KeyCode.ENTER);
        robot.write(PASSWORD).type(KeyCode.ENTER);
        waitFor(() -> visible("#newEnrollment"));
    }

    /** Fills the biodata with the keyboard only (type, Enter, type-ahead in the pickers); Enter then moves on. */
    public void typeBiodata(String nik, String name, String birthDate) {
        robot.clickOn("#nik").write(nik).type(KeyCode.ENTER);
        robot.write(name).type(KeyCode.ENTER);
        robot.write("DEPOK").type(KeyCode.ENTER);
        robot.write(birthDate).type(KeyCode.ENTER);
        robot.write("l").type(KeyCode.ENTER);
        robot.write("o").type(KeyCode.ENTER);
        robot.write("i").type(KeyCode.ENTER);
        robot.write("b").type(KeyCode.ENTER);
        robot.write("PELAJAR").type(KeyCode.ENTER);
        robot.type(KeyCode.ENTER);
        robot.write("JL. MARGONDA 1").type(KeyCode.ENTER);
        robot.write("3").type(KeyCode.ENTER);
        robot.write("5").type(KeyCode.ENTER);
        robot.write("depok");
    }

    public void sign() {
        robot.moveTo("#signaturePad").moveBy(-200, 0).press(MouseButton.PRIMARY);
        for (int i = 0; i < 12; i++) {
            robot.moveBy(25, i % 2 == 0 ? -30 : 30);
        }
        robot.release(MouseButton.PRIMARY);
    }

    public void ctrl(KeyCode key) {
        robot.press(KeyCode.CONTROL).type(key).release(KeyCode.CONTROL);
    }
}
