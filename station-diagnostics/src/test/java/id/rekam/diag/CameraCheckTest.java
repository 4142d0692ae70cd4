package id.rekam.diag;

import id.rekam.core.diag.DiagnosticLimits;
import id.rekam.core.diag.Finding;
import id.rekam.core.diag.Status;
import org.junit.jupiter.api.Test;


import static id.rekam.diag.DiagKit.finding;
import static org.assertj.core.api.Assertions.assertThat;

/** The camera check on the SIMULATED camera (webcam-capture's own driver SPI) and without one. */
class CameraCheckTest extends KitTest {

    @Test
    void theSimulatedCameraStreamsAndItsTestFrameIsJudgedByTheDesksPhotoRules() throws Exception {
        kit = new DiagKit(dir).withDevices();
        DiagnosticRun run = kit.run("camera");

        assertThat(run.area("camera")).extracting(Finding::id)
                .containsExactly("camera.driver", "camera.devices", "camera.stream", "camera.frame");
        Finding stream = finding(run, "camera.stream");
        // The rate is measured on this machine: the verdict must follow core's limit for what was measured.
        double fps = Double.parseDouble(stream.facts().get("fps"));
        assertThat(fps).as("measured, configured 30").isBetween(0.5, 40.0);
        assertThat(stream.status()).isEqualTo(DiagnosticLimits.cameraRate(fps));
        assertThat(run.area("camera")).filteredOn(f -> f != stream)
                .allSatisfy(f -> assertThat(f.status()).as(f.toString()).isEqualTo(Status.OK));
        assertThat(finding(run, "camera.driver").facts()).containsEntry("configured", "simulated");
        assertThat(stream.facts()).containsEntry("width", "640").containsEntry("height", "480");
        assertThat(stream.result()).startsWith("640 x 480");
        Finding frame = finding(run, "camera.frame");
        assertThat(Double.parseDouble(frame.facts().get("sharpness"))).isGreaterThan(40);
        assertThat(Double.parseDouble(frame.facts().get("brightness"))).isBetween(60.0, 200.0);
        assertThat(run.images()).containsKey("camera.frame");
    }

    @Test
    void aCameraBelowTenFramesASecondIsAWarningAboveItOk() {
        assertThat(DiagnosticLimits.cameraRate(9.9)).isEqualTo(Status.WARNING);
        assertThat(DiagnosticLimits.cameraRate(10)).isEqualTo(Status.OK);
        assertThat(DiagnosticLimits.cameraRate(30)).isEqualTo(Status.OK);
    }

    @Test
    void noCameraPluggedInFailsWithWhatToDo() throws Exception {
        kit = new DiagKit(dir).withDevices(0, c -> { });
        DiagnosticRun run = kit.run("camera");

        Finding devices = finding(run, "camera.devices");
        assertThat(devices.status()).isEqualTo(Status.FAILED);
        assertThat(devices.result()).isEqualTo("Tidak ada kamera");
        assertThat(devices.nextStep()).contains("Colokkan kamera USB");
    }

    @Test
    void noCameraDriverConfiguredFailsAtTheDriver() throws Exception {
        kit = new DiagKit(dir).withDevices(1, c -> c.put("camera.driver", "none"));
        DiagnosticRun run = kit.run("camera");

        Finding driver = finding(run, "camera.driver");
        assertThat(driver.status()).isEqualTo(Status.FAILED);
        assertThat(driver.result()).contains("camera.driver=none");
    }
}
