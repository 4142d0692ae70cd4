package id.rekam.devices.scanner;

import id.rekam.core.domain.DeviceRef;
import id.rekam.devices.DeviceException;
import id.rekam.devices.FingerImage;
import id.rekam.devices.fingerprint.GrayImage;
import id.rekam.devices.fingerprint.R30xImages;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real jssc driver byte for byte: the station's side opens the slave of a pseudo-terminal
 * pair made in-process (openpty through JNA), the SIMULATED module answers on its master.
 * Skipped, saying why, where no pseudo-terminal can be made (Windows).
 */
class R30xPseudoTerminalTest {

    private static final DeviceRef REF = new DeviceRef("fps-pty", "fingerprint-scanner", "R30x EMULATOR (SIMULATED)", "", "", true);
    private static final Duration TIMEOUT = Duration.ofMillis(1500);

    @TempDir
    Path dir;
    private EmulatedScannerPort port;
    private final TestPatternFingerImageSource images = new TestPatternFingerImageSource();

    @BeforeAll
    static void pseudoTerminalsExistHere() {
        Optional<String> why = EmulatedScannerPort.pseudoTerminalUnavailable();
        assumeTrue(why.isEmpty(), () -> "no pseudo-terminal on this machine, serial tests skipped: " + why.orElse(""));
    }

    @BeforeEach
    void plugIn() {
        port = EmulatedScannerPort.start(dir, R30xEmulatorSettings.defaults(), images);
    }

    @AfterEach
    void unplug() {
        port.close();
    }

    private R30xFingerprintScanner connect() throws R30xException {
        return R30xFingerprintScanner.connect(JsscTransport.open(port.hostPath(), 57600), R30xFrame.DEFAULT_ADDRESS, 0,
                TIMEOUT, REF, Clock.systemUTC(), () -> { });
    }

    @Test
    void fullImageUploadThroughJsscDecodesExactly() throws Exception {
        assertThat(port.usesPseudoTerminal()).isTrue();
        assertThat(Files.isSymbolicLink(Path.of(port.hostPath()))).isTrue();
        assertThat(Files.readSymbolicLink(Path.of(port.hostPath())).toString()).as("a real tty").startsWith("/dev/");
        try (R30xFingerprintScanner scanner = connect()) {
            assertThat(scanner.sysParams().packetSize()).isEqualTo(128);
            port.placeFinger();
            long start = System.nanoTime();
            FingerImage image = scanner.captureFinger(Duration.ofSeconds(30));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.println("PTY capture (GenImg + UpImage 36,864 bytes in 288 packets): " + millis + " ms");
            assertThat(image.pixels()).isEqualTo(R30xImages.unpack(R30xImages.pack(new GrayImage(R30xImages.WIDTH, R30xImages.HEIGHT, images.image(0), R30xImages.DPI))).pixels());
            assertThat(image.device().simulated()).isTrue();
        }
    }

    @Test
    void portCanBeReopenedAfterTheHostClosesIt() throws Exception {
        connect().close();
        try (R30xFingerprintScanner again = connect()) {
            assertThat(again.commands().templateCount()).isZero();
        }
    }

    @Test
    void smallPacketsGarbageAndChecksumErrorsOverTheLine() throws Exception {
        port.replug(R30xEmulatorSettings.defaults().withPacketSize(32));
        try (R30xFingerprintScanner scanner = connect()) {
            R30xScanner cmd = scanner.commands();
            port.emulator().injectGarbageBeforeNextReply(new byte[] {(byte) 0xEF, 0x00, 0x42, (byte) 0xEF});
            assertThat(cmd.readSysParams().packetSize()).isEqualTo(32);
            port.emulator().corruptNextReplyChecksum();
            assertThatThrownBy(cmd::templateCount).isInstanceOf(R30xException.Checksum.class);
            port.placeFinger();
            assertThat(cmd.genImg()).isTrue();
            assertThat(cmd.upImage()).hasSize(36_864);
        }
    }

    /**
     * Issue 11's resynchronisation over the real driver: a corrupted packet in the middle of an
     * upload while the module streams on used to fail the next one to three commands with
     * "acknowledgement expected, got pid 02".
     */
    @Test
    void corruptedPacketMidUploadThenEveryNextCommandSucceeds() throws Exception {
        try (R30xFingerprintScanner scanner = connect()) {
            R30xScanner cmd = scanner.commands();
            port.placeFinger();
            assertThat(cmd.genImg()).isTrue();
            port.emulator().paceDataPackets(Duration.ofMillis(2));
            port.emulator().corruptDataPacket(10);
            assertThatThrownBy(cmd::upImage).isInstanceOf(R30xException.Checksum.class);

            long start = System.nanoTime();
            assertThat(cmd.templateCount()).isZero();
            System.out.println("first command after a corrupted packet (drain of the rest of the upload, handshake, command): "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
            assertThat(cmd.readSysParams().packetSize()).isEqualTo(128);
            port.emulator().paceDataPackets(Duration.ZERO);
            FingerImage image = scanner.captureFinger(Duration.ofSeconds(30));
            assertThat(image.pixels()).isEqualTo(expectedPixels(1));
        }
    }

    /** A station process that died in the middle of an upload leaves the module streaming into the line. */
    @Test
    void staleUploadOnTheLineAtOpenIsDrainedAndTheFirstCommandSucceeds() throws Exception {
        try (JsscTransport dying = JsscTransport.open(port.hostPath(), 57600)) {
            R30xScanner before = new R30xScanner(dying, R30xFrame.DEFAULT_ADDRESS, TIMEOUT);
            port.placeFinger();
            assertThat(before.genImg()).isTrue();
            port.emulator().paceDataPackets(Duration.ofMillis(2));
            dying.write(R30xFrame.command(R30xFrame.DEFAULT_ADDRESS, R30xScanner.UP_IMAGE).encode());
            assertThat(new R30xFrameReader(dying).read(TIMEOUT).pid()).isEqualTo(R30xFrame.PID_ACK);
            assertThat(new R30xFrameReader(dying).read(TIMEOUT).pid()).as("streaming").isEqualTo(R30xFrame.PID_DATA);
        }
        try (R30xFingerprintScanner scanner = connect()) {
            assertThat(scanner.sysParams().packetSize()).isEqualTo(128);
            port.emulator().paceDataPackets(Duration.ZERO);
            assertThat(scanner.captureFinger(Duration.ofSeconds(30)).pixels()).isEqualTo(expectedPixels(1));
        }
    }

    private byte[] expectedPixels(int placement) {
        return R30xImages.unpack(R30xImages.pack(new GrayImage(R30xImages.WIDTH, R30xImages.HEIGHT, images.image(placement), R30xImages.DPI))).pixels();
    }

    @Test
    void silentModuleTimesOut() throws Exception {
        try (R30xFingerprintScanner scanner = connect()) {
            port.emulator().setSilent(true);
            R30xScanner impatient = new R30xScanner(scanner.commands().transport(), R30xFrame.DEFAULT_ADDRESS, Duration.ofMillis(500));
            long start = System.nanoTime();
            assertThatThrownBy(impatient::genImg).isInstanceOf(R30xException.Timeout.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(450), Duration.ofMillis(2000));
        }
    }

    @Test
    void noFingerIsReportedAsSuch() throws Exception {
        try (R30xFingerprintScanner scanner = connect()) {
            assertThat(scanner.commands().genImg()).isFalse();
            assertThatThrownBy(() -> scanner.captureFinger(Duration.ofMillis(400)))
                    .isInstanceOf(id.rekam.devices.CaptureTimeoutException.class);
        }
    }

    @Test
    void unplugDuringImageUploadFailsClearlyWithoutHanging() throws Exception {
        try (R30xFingerprintScanner scanner = connect()) {
            port.placeFinger();
            port.emulator().unplugAfterDataPackets(100);
            long start = System.nanoTime();
            assertThatThrownBy(() -> scanner.captureFinger(Duration.ofSeconds(2)))
                    .isInstanceOfAny(R30xException.Closed.class, R30xException.Timeout.class)
                    .hasMessageContaining(port.hostPath());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            assertThat(Files.exists(Path.of(port.hostPath()))).isFalse();
            assertThat(scanner.isOpen()).isFalse();
        }
    }

    @Test
    void cableYankedWhileWaitingForAFingerFailsClearly() throws Exception {
        try (R30xFingerprintScanner scanner = connect()) {
            CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
                try {
                    scanner.captureFinger(Duration.ofSeconds(20));
                    return null;
                } catch (DeviceException e) {
                    return e;
                }
            });
            // Kill once the capture is polling for a finger, however slowly it got going.
            int before = port.emulator().commandsReceived();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (port.emulator().commandsReceived() < before + 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(port.emulator().commandsReceived()).as("capture polling").isGreaterThanOrEqualTo(before + 2);
            port.yankCable();
            Throwable error = outcome.get(30, TimeUnit.SECONDS);
            assertThat(error).isInstanceOfAny(R30xException.Closed.class, R30xException.Timeout.class);
            System.out.println("after the cable was yanked: " + error.getMessage());
        }
    }
}
