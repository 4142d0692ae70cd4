package id.rekam.diag;

import id.rekam.core.diag.Finding;
import id.rekam.core.diag.Status;
import id.rekam.devices.scanner.EmulatedScannerPort;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static id.rekam.diag.DiagKit.finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The scanner check against the R30x emulator on in-process pseudo-terminals (the real jssc
 * driver, byte for byte): a working scanner, none at all, one that does not answer, one with
 * another password. Skipped, saying why, where no pseudo-terminal can be made.
 */
class ScannerCheckTest extends KitTest {

    @BeforeAll
    static void pseudoTerminalsExistHere() {
        Optional<String> why = EmulatedScannerPort.pseudoTerminalUnavailable();
        assumeTrue(why.isEmpty(), () -> "no pseudo-terminal on this machine, scanner diagnostics skipped: " + why.orElse(""));
    }

    @Test
    void aWorkingScannerPassesEveryStepWithATestPrintItsQualityAndItsIdentity() throws Exception {
        kit = new DiagKit(dir).withScanner().withDevices();
        DiagnosticRun run = kit.run("scanner");

        assertThat(run.area("scanner")).extracting(Finding::id).containsExactly("scanner.driver", "scanner.ports",
                "scanner.handshake", "scanner.params", "scanner.device", "scanner.capture");
        assertThat(run.area("scanner")).allSatisfy(f -> assertThat(f.status()).as(f.toString()).isEqualTo(Status.OK));
        assertThat(finding(run, "scanner.ports").result()).contains(kit.scanner.hostPath());
        assertThat(finding(run, "scanner.params").facts()).containsEntry("packetSize", "128").containsEntry("baud", "57600");
        Finding device = finding(run, "scanner.device");
        assertThat(device.facts().get("deviceId")).startsWith("fps-sim-");
        assertThat(device.facts()).containsEntry("simulated", "true").containsEntry("ownerOffice", DiagKit.OFFICE_NAME);
        Finding capture = finding(run, "scanner.capture");
        assertThat(Integer.parseInt(capture.facts().get("quality"))).isGreaterThanOrEqualTo(40);
        assertThat(capture.facts()).containsEntry("width", "256").containsEntry("height", "288")
                .containsEntry("deviceId", device.facts().get("deviceId"));
        assertThat(run.images()).as("the test print is shown on the screen").containsKey("scanner.capture");
        assertThat(run.images().get("scanner.capture").getWidth()).isEqualTo(256);
        assertThat(capture.nextStep()).isEqualTo("Tidak perlu tindakan.");
    }

    @Test
    void noScannerPluggedInFailsAtThePortsWithWhatToDoAndEndsAtOnce() throws Exception {
        kit = new DiagKit(dir).withDevices();
        DiagnosticRun run = kit.run("scanner");

        Finding ports = finding(run, "scanner.ports");
        assertThat(ports.status()).isEqualTo(Status.FAILED);
        assertThat(ports.result()).startsWith("Tidak ada port pemindai");
        assertThat(ports.nextStep()).contains("Colokkan kabel USB pemindai");
        assertThat(run.area("scanner")).extracting(Finding::id).containsExactly("scanner.driver", "scanner.ports");
        assertThat(run.took()).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aScannerThatDoesNotAnswerFailsTheHandshakeWithinItsReplyTimeoutAndNeverHangs() throws Exception {
        kit = new DiagKit(dir).withScanner().withDevices();
        kit.scanner.emulator().setSilent(true);
        DiagnosticRun run = kit.run("scanner");

        Finding handshake = finding(run, "scanner.handshake");
        assertThat(handshake.status()).isEqualTo(Status.FAILED);
        assertThat(handshake.result()).contains("Tidak ada jawaban dari " + kit.scanner.hostPath(), "2000 ms", "baud 57600");
        assertThat(handshake.nextStep()).contains("Cabut-colok kabel pemindai");
        assertThat(run.findings()).extracting(Finding::id).doesNotContain("scanner.capture", "scanner.check");
        assertThat(run.took()).as("one reply timeout, not the check's budget").isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void aScannerWithAnotherPasswordIsToldApartFromOneThatIsSilent() throws Exception {
        kit = new DiagKit(dir).withScanner().withDevices();
        kit.scanner.replug(id.rekam.devices.scanner.R30xEmulatorSettings.defaults().withPassword(0x1234));
        DiagnosticRun run = kit.run("scanner");

        Finding handshake = finding(run, "scanner.handshake");
        assertThat(handshake.status()).isEqualTo(Status.FAILED);
        assertThat(handshake.result()).contains("menolak", "Kata sandi pemindai salah");
        assertThat(handshake.nextStep()).contains("scanner.password");
    }

    @Test
    void noFingerWithinTheWaitIsAWarningNotAFailure() throws Exception {
        kit = new DiagKit(dir).withScanner().withDevices();
        kit.scanner.autoPlaceFingerAfter(null);
        kit.captureTimeout = Duration.ofSeconds(2);
        DiagnosticRun run = kit.run("scanner");

        Finding capture = finding(run, "scanner.capture");
        assertThat(capture.status()).isEqualTo(Status.WARNING);
        assertThat(capture.result()).contains("Tidak ada jari diletakkan dalam 2 detik");
        assertThat(finding(run, "scanner.handshake").status()).isEqualTo(Status.OK);
    }
}
