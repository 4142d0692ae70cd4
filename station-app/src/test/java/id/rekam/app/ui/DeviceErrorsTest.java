package id.rekam.app.ui;

import id.rekam.app.AppConfig;
import id.rekam.app.ports.DeviceFailure;
import id.rekam.app.testing.Flow;
import id.rekam.app.testing.TestStation;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of device failure reaches the operator in the desk's words: the scanner fails once
 * with each kind (its driver message in English, naming a port path and a class), the camera
 * stops sending frames; the screen shows the bundle's text for that kind and nothing of the
 * driver's message.
 */
@ExtendWith(ApplicationExtension.class)
class DeviceErrorsTest {

    @TempDir
    Path dir;
    TestStation station;

    @Start
    void start(Stage stage) {
        station = new TestStation(dir, AppConfig.ApprovalMode.END_OF_DAY, true, true).show(stage);
    }

    @Test
    void eachDeviceFailureKindIsShownFromTheBundle(FxRobot robot) {
        Flow flow = new Flow(robot);
        ResourceBundle bundle = station.ctx.bundle();
        flow.demoOperatorOpensNewEnrollment();
        flow.ctrl(KeyCode.DIGIT3);
        Flow.waitFor(() -> flow.visible("#scanFinger"));
        for (DeviceFailure kind : DeviceFailure.values()) {
            station.scanner.failNext(kind);
            robot.type(KeyCode.SPACE);
            String expected = station.ctx.text("device.failure." + kind.name(), bundle.getString("device.fingerprint"));
            Flow.waitFor(() -> flow.text("#fingerInstruction").equals(expected));
            clean(flow.text("#fingerInstruction"));
            if (kind == DeviceFailure.NOT_ANSWERING) {
                flow.screenshot("07b-fingers-device-error");
            }
        }
        // The scanner works again: the next Space scans.
        robot.type(KeyCode.SPACE);
        Flow.waitFor(() -> flow.text("#status-RIGHT_THUMB").startsWith("kualitas"));

        flow.ctrl(KeyCode.DIGIT2);
        Flow.waitFor(() -> flow.visible("#capturePhoto"));
        for (DeviceFailure kind : new DeviceFailure[] {DeviceFailure.NO_DEVICE, DeviceFailure.DRIVER,
                DeviceFailure.DISCONNECTED}) {
            station.camera.fail(kind);
            String expected = station.ctx.text("device.failure." + kind.name(), bundle.getString("device.camera"));
            // The preview empties; a capture then says why, in the desk's words.
            Flow.waitFor(() -> {
                robot.type(KeyCode.SPACE);
                return flow.text("#photoVerdict").equals(expected);
            });
            clean(flow.text("#photoVerdict"));
        }
        station.camera.fail(null);
    }

    /** No path, no class or package name, no English driver words. */
    static void clean(String shown) {
        assertThat(shown).doesNotContain("/").doesNotContain("Exception").doesNotContain("id.rekam")
                .doesNotContainIgnoringCase("did not answer").doesNotContainIgnoringCase("scanner on")
                .doesNotContain("ttyUSB");
    }
}
