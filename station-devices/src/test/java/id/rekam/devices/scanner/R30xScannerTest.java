package id.rekam.devices.scanner;

import id.rekam.core.domain.DeviceRef;
import id.rekam.devices.CaptureTimeoutException;
import id.rekam.devices.DeviceMessages;
import id.rekam.devices.FingerImage;
import id.rekam.devices.fingerprint.GrayImage;
import id.rekam.devices.fingerprint.R30xImages;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command layer against the emulator on an in-memory line (fast; the PTY tests cover jssc). */
class R30xScannerTest {

    /** Generous: the emulator thread may be starved for a while on a loaded CI machine. */
    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    private final TestPatternFingerImageSource images = new TestPatternFingerImageSource();
    private PipeTransport[] line;
    private R30xEmulator emulator;
    private R30xScanner scanner;

    @BeforeEach
    void setUp() {
        line = PipeTransport.pair("mem:test");
        emulator = new R30xEmulator(line[1], R30xEmulatorSettings.defaults().withPassword(0x0BADCAFE), images).start();
        scanner = new R30xScanner(line[0], R30xFrame.DEFAULT_ADDRESS, TIMEOUT);
    }

    @AfterEach
    void tearDown() {
        emulator.close();
        line[0].close();
    }

    @Test
    void passwordIsChecked() throws Exception {
        scanner.verifyPassword(0x0BADCAFE);
        assertThatThrownBy(() -> scanner.verifyPassword(0))
                .isInstanceOfSatisfying(R30xException.Command.class, e -> {
                    assertThat(e.code()).isEqualTo(R30xConfirmation.WRONG_PASSWORD);
                    assertThat(e.getMessage()).isEqualTo("Wrong scanner password");
                    assertThat(e.message(DeviceMessages.INDONESIAN)).isEqualTo("Kata sandi pemindai salah");
                });
    }

    @Test
    void systemParametersAndTemplateCount() throws Exception {
        R30xSysParams p = scanner.readSysParams();
        assertThat(p.address()).isEqualTo(0xFFFFFFFF);
        assertThat(p.packetSize()).isEqualTo(128);
        assertThat(p.baud()).isEqualTo(57600);
        assertThat(p.librarySize()).isEqualTo(1000);
        assertThat(scanner.templateCount()).isZero();
    }

    @Test
    void noFingerUntilPlacedThenImageUploadsAndDecodes() throws Exception {
        assertThat(scanner.genImg()).isFalse();
        emulator.placeFinger();
        assertThat(scanner.genImg()).isTrue();
        scanner.readSysParams();
        byte[] packed = scanner.upImage();
        assertThat(packed).hasSize(36_864);
        byte[] expected = R30xImages.unpack(R30xImages.pack(new GrayImage(R30xImages.WIDTH, R30xImages.HEIGHT, images.image(0), R30xImages.DPI))).pixels();
        assertThat(R30xImages.unpack(packed).pixels()).isEqualTo(expected);
    }

    @Test
    void charBufferAfterImg2Tz() throws Exception {
        assertThatThrownBy(() -> scanner.img2Tz(1)).isInstanceOfSatisfying(R30xException.Command.class,
                e -> assertThat(e.code()).isEqualTo(R30xConfirmation.NO_VALID_IMAGE));
        emulator.placeFinger();
        assertThat(scanner.genImg()).isTrue();
        scanner.img2Tz(1);
        assertThat(scanner.upChar(1)).hasSize(512);
        assertThatThrownBy(() -> scanner.upChar(2)).isInstanceOf(R30xException.Command.class);
    }

    @Test
    void garbageBeforeAReplyIsSkipped() throws Exception {
        emulator.injectGarbageBeforeNextReply(new byte[] {0x00, 0x13, (byte) 0xEF, 0x55, (byte) 0xFF, 0x01});
        assertThat(scanner.readSysParams().packetSize()).isEqualTo(128);
    }

    @Test
    void corruptedReplyIsAChecksumErrorAndTheNextCommandWorks() throws Exception {
        emulator.corruptNextReplyChecksum();
        assertThatThrownBy(() -> scanner.readSysParams()).isInstanceOf(R30xException.Checksum.class)
                .hasMessageContaining("Corrupted data");
        assertThat(scanner.readSysParams().packetSize()).isEqualTo(128);
    }

    /**
     * Line noise in the middle of an image upload: the module does not know and streams on.
     * The next command must not read the rest of that stream as its answer.
     */
    @Test
    void corruptedPacketMidUploadIsAChecksumErrorAndTheNextCommandWorksWhileTheStreamGoesOn() throws Exception {
        scanner.verifyPassword(0x0BADCAFE);
        scanner.readSysParams();
        emulator.placeFinger();
        assertThat(scanner.genImg()).isTrue();
        emulator.paceDataPackets(Duration.ofMillis(2));
        emulator.corruptDataPacket(20);
        assertThatThrownBy(() -> scanner.upImage()).isInstanceOf(R30xException.Checksum.class);

        int before = emulator.commandsReceived();
        assertThat(scanner.templateCount()).as("the first command after the error").isZero();
        assertThat(emulator.commandsReceived() - before).as("password and parameters repeated, then the command")
                .isGreaterThanOrEqualTo(3);
        emulator.paceDataPackets(Duration.ZERO);
        assertThat(scanner.genImg()).isTrue();
        assertThat(R30xImages.unpack(scanner.upImage()).pixels()).isEqualTo(expectedPixels(1));
    }

    /** A process that died in the middle of an upload leaves the module streaming; a new one must start cleanly. */
    @Test
    void uploadLeftStreamingByAnEarlierProcessIsDrainedBeforeTheFirstCommand() throws Exception {
        R30xScanner dead = new R30xScanner(line[0], R30xFrame.DEFAULT_ADDRESS, TIMEOUT);
        emulator.placeFinger();
        assertThat(dead.genImg()).isTrue();
        emulator.paceDataPackets(Duration.ofMillis(2));
        line[0].write(R30xFrame.command(R30xFrame.DEFAULT_ADDRESS, R30xScanner.UP_IMAGE).encode());
        new R30xFrameReader(line[0]).read(TIMEOUT);

        R30xScanner next = new R30xScanner(line[0], R30xFrame.DEFAULT_ADDRESS, TIMEOUT);
        next.verifyPassword(0x0BADCAFE);
        assertThat(next.readSysParams().packetSize()).isEqualTo(128);
        emulator.paceDataPackets(Duration.ZERO);
        assertThat(next.genImg()).isTrue();
        assertThat(R30xImages.unpack(next.upImage()).pixels()).isEqualTo(expectedPixels(1));
    }

    @Test
    void aLineThatNeverGoesQuietIsReportedNotWaitedOnForever() {
        R30xScanner s = new R30xScanner(new NoiseLine(), R30xFrame.DEFAULT_ADDRESS, TIMEOUT);
        long start = System.nanoTime();
        assertThatThrownBy(s::templateCount).isInstanceOf(R30xException.Protocol.class)
                .hasMessageContaining("does not go quiet");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    /** A broken device that never stops sending noise, however fast it is read. */
    private static final class NoiseLine implements R30xTransport {
        @Override
        public String name() {
            return "noise";
        }

        @Override
        public void write(byte[] bytes) {
        }

        @Override
        public byte[] read(int count, Duration timeout) {
            byte[] noise = new byte[count];
            java.util.Arrays.fill(noise, (byte) 0x55);
            return noise;
        }

        @Override
        public void discardInput() {
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    private byte[] expectedPixels(int placement) {
        return R30xImages.unpack(R30xImages.pack(new GrayImage(R30xImages.WIDTH, R30xImages.HEIGHT, images.image(placement), R30xImages.DPI))).pixels();
    }

    @Test
    void corruptedCommandIsAnsweredWithReceiveError() throws Exception {
        byte[] bad = R30xFrame.command(R30xFrame.DEFAULT_ADDRESS, R30xScanner.GEN_IMG).encode();
        bad[bad.length - 1] ^= 1;
        line[0].write(bad);
        R30xFrame reply = new R30xFrameReader(line[0]).read(TIMEOUT);
        assertThat(reply.code()).isEqualTo(R30xConfirmation.RECEIVE_ERROR);
    }

    @Test
    void silenceIsATimeoutWithinTheBound() {
        emulator.setSilent(true);
        R30xScanner impatient = new R30xScanner(line[0], R30xFrame.DEFAULT_ADDRESS, Duration.ofMillis(400));
        long start = System.nanoTime();
        assertThatThrownBy(() -> impatient.genImg()).isInstanceOf(R30xException.Timeout.class)
                .hasMessageContaining("did not answer within 400 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void unplugMidUploadIsAClearErrorNotAHang() throws Exception {
        emulator.placeFinger();
        assertThat(scanner.genImg()).isTrue();
        emulator.unplugAfterDataPackets(10);
        long start = System.nanoTime();
        assertThatThrownBy(() -> scanner.upImage()).isInstanceOf(R30xException.Closed.class)
                .hasMessageContaining("disconnected");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void fingerprintScannerWaitsForAFingerThenDeliversTheImageWithItsDevice() throws Exception {
        DeviceRef ref = new DeviceRef("fps-test", "fingerprint-scanner", "R30x EMULATOR (SIMULATED)", "", "Kec. Kronjo", true);
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"), ZoneOffset.UTC);
        try (R30xFingerprintScanner fps = R30xFingerprintScanner.connect(line[0], R30xFrame.DEFAULT_ADDRESS, 0x0BADCAFE,
                TIMEOUT, ref, clock, () -> { })) {
            assertThatThrownBy(() -> fps.captureFinger(Duration.ofMillis(400)))
                    .isInstanceOfSatisfying(CaptureTimeoutException.class,
                            e -> assertThat(e.message(Locale.ENGLISH)).startsWith("No finger on the scanner"));

            Thread placer = new Thread(() -> {
                sleep(250);
                emulator.placeFinger();
            });
            placer.start();
            // Returns as soon as the finger is on; the bound only caps a failure on a loaded machine.
            FingerImage img = fps.captureFinger(Duration.ofSeconds(30));
            placer.join();
            assertThat(img.width()).isEqualTo(256);
            assertThat(img.height()).isEqualTo(288);
            assertThat(img.dpi()).isEqualTo(500);
            assertThat(img.device()).isEqualTo(ref);
            assertThat(img.capturedAt()).isEqualTo(clock.instant());
            assertThat(img.pixels()).isEqualTo(R30xImages.unpack(R30xImages.pack(new GrayImage(R30xImages.WIDTH, R30xImages.HEIGHT, images.image(0), R30xImages.DPI))).pixels());
        }
    }

    @Test
    void cancelFromAnotherThreadEndsTheWaitAtTheNextPoll() throws Exception {
        DeviceRef ref = new DeviceRef("fps-test", "fingerprint-scanner", "R30x EMULATOR (SIMULATED)", "", "", true);
        try (R30xFingerprintScanner fps = R30xFingerprintScanner.connect(line[0], R30xFrame.DEFAULT_ADDRESS, 0x0BADCAFE,
                TIMEOUT, ref, Clock.systemUTC(), () -> { })) {
            int before = emulator.commandsReceived();
            Thread canceller = new Thread(() -> {
                // Cancel a capture that is running, as the UI's cancel button does.
                while (emulator.commandsReceived() < before + 2) {
                    sleep(10);
                }
                fps.cancel();
            });
            canceller.start();
            long start = System.nanoTime();
            assertThatThrownBy(() -> fps.captureFinger(Duration.ofSeconds(30)))
                    .isInstanceOf(id.rekam.devices.DeviceException.class)
                    .hasMessage("Fingerprint capture cancelled");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            canceller.join();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
