package id.rekam.app.testing;

import id.rekam.fixtures.DemoSeeder;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Steps a person does at the desk, driven through TestFX (keyboard first). */
public final class Flow {

    public static final String NIK = "3276011708900001";
    public static final String SUPERVISOR = "spv1";
    public static final String PASSWORD = "sandi-spv-1";

    private final FxRobot robot;

    public Flow(FxRobot robot) {
        this.robot = robot;
    }

    /** Waits up to {@link Ui#TIMEOUT_S}; see {@link Ui#until}. */
    public static void waitFor(Callable<Boolean> condition) {
        waitFor(Ui.TIMEOUT_S, condition);
    }

    /**
     * Waits until the condition holds, at least {@link Ui#TIMEOUT_S} and longer if asked: a
     * wait's bound is never what a test asserts, and a loaded CI machine can be slow. An
     * exception from the condition (a node not on screen yet) counts as "not yet"; on timeout
     * the error names the test line, the ids on screen and a screenshot under target/.
     */
    public static void waitFor(int seconds, Callable<Boolean> condition) {
        Ui.until("the condition at " + caller(), Math.max(seconds, Ui.TIMEOUT_S), condition);
    }

    private static String caller() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !f.getClassName().equals(Flow.class.getName()))
                .findFirst().map(f -> f.getFileName() + ":" + f.getLineNumber()).orElse("?"));
    }

    /** Saves the window as docs/screenshots/NAME.png when the build asks for screenshots. */
    public void screenshot(String name) {
        String dir = System.getProperty("rekam.screenshots.dir");
        // Not while benchmarking: a snapshot renders the whole scene on the FX thread and the PNG
        // encoding takes a core, i.e. the test harness, not the station, would freeze the UI.
        if (dir != null && !Boolean.getBoolean("rekam.bench")) {
            WaitForAsyncUtils.waitForFxEvents();
            Window window = Ui.mainWindow().orElseThrow(() -> new AssertionError("no window to screenshot"));
            Screenshots.write(window.getScene(), Path.of(dir, name + ".png"));
        }
    }

    /** Whether the node is on screen now: visible with all its parents, laid out, in a showing window. */
    public boolean visible(String query) {
        return Ui.shown(robot, query).isPresent();
    }

    /** The text of a label or button, read on the FX thread; fails naming the query when it is not there. */
    public String text(String query) {
        return Ui.onFx(() -> {
            Labeled labeled = robot.lookup(query).tryQuery().filter(Labeled.class::isInstance).map(Labeled.class::cast)
                    .orElseThrow(() -> new IllegalStateException("no label " + query + " on screen"));
            return labeled.getText();
        });
    }

    /** Waits until the node is shown, then clicks it; returns the robot (to write or type next). */
    public FxRobot click(String query) {
        return Ui.click(robot, query);
    }

    /** Waits until the node is shown and returns it. */
    public <T extends Node> T await(String query, Class<T> type) {
        return Ui.await(robot, query, type);
    }

    /** A station without a store: the passphrase twice creates it, then the first supervisor. */
    public void unlockAndCreateSupervisor(String passphrase) {
        click("#passphrase").write(passphrase).type(KeyCode.ENTER);
        robot.write(passphrase).type(KeyCode.ENTER);
        waitFor(60, () -> visible("#operatorId"));
        screenshot("02-login-first-supervisor");
        click("#operatorId").write(SUPERVISOR).type(KeyCode.ENTER);
        robot.write(PASSWORD).type(KeyCode.ENTER);
        robot.write(PASSWORD).type(KeyCode.ENTER);
        waitFor(() -> visible("#newEnrollment"));
    }

    /** On a demo station (its passphrase prefilled): unlock, and wait for the login screen. */
    public void unlockDemo() {
        click("#passphrase").type(KeyCode.ENTER);
        waitFor(60, () -> visible("#operatorId"));
    }

    /** Logs in from the login screen and waits for the home screen. */
    public void logIn(String operatorId, String password) {
        click("#operatorId").write(operatorId).type(KeyCode.ENTER).write(password).type(KeyCode.ENTER);
        waitFor(() -> visible("#newEnrollment"));
    }

    /** On a demo station: unlock, log in as its operator, and open a new enrollment (F2) at the NIK field. */
    public void demoOperatorOpensNewEnrollment() {
        unlockDemo();
        logIn(DemoSeeder.OPERATOR, DemoSeeder.OPERATOR_PASSWORD);
        robot.type(KeyCode.F2);
        waitFor(() -> visible("#nik"));
    }

    /** Fills the biodata with the keyboard only (type, Enter, type-ahead in the pickers); Enter then moves on. */
    public void typeBiodata(String nik, String name, String birthDate) {
        click("#nik").write(nik).type(KeyCode.ENTER);
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

    /**
     * From the biodata's last field: on to the photo (taken once the camera runs), ten fingers
     * (each placed once), the signature, and on to the review step.
     */
    public void photoTenFingersAndSignature() {
        robot.type(KeyCode.ENTER);
        waitFor(() -> visible("#capturePhoto"));
        waitFor(() -> text("#fps").endsWith("fps"));
        robot.type(KeyCode.SPACE);
        waitFor(() -> text("#photoVerdict").equals("Foto memenuhi syarat."));
        ctrl(KeyCode.ENTER);
        waitFor(() -> visible("#scanFinger"));
        for (id.rekam.core.domain.FingerPosition p : id.rekam.core.domain.FingerPosition.values()) {
            robot.type(KeyCode.SPACE);
            waitFor(() -> text("#status-" + p.name()).startsWith("kualitas"));
        }
        ctrl(KeyCode.ENTER);
        waitFor(() -> visible("#signaturePad"));
        sign();
        ctrl(KeyCode.ENTER);
        waitFor(() -> visible("#commitRecord"));
    }

    public void sign() {
        robot.moveTo(Ui.await(robot, "#signaturePad")).moveBy(-200, 0).press(MouseButton.PRIMARY);
        for (int i = 0; i < 12; i++) {
            robot.moveBy(25, i % 2 == 0 ? -30 : 30);
        }
        robot.release(MouseButton.PRIMARY);
    }

    public void ctrl(KeyCode key) {
        robot.press(KeyCode.CONTROL).type(key).release(KeyCode.CONTROL);
    }
}
