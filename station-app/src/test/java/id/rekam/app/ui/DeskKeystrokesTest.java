package id.rekam.app.ui;

import id.rekam.app.AppConfig;
import id.rekam.app.StationApp;
import id.rekam.app.StationServices;
import id.rekam.app.adapters.devices.DevicesCamera;
import id.rekam.app.adapters.devices.DevicesScanner;
import id.rekam.app.adapters.devices.DevicesStatus;
import id.rekam.app.adapters.provisioning.StationProvisioning;
import id.rekam.app.adapters.regions.CatalogRegions;
import id.rekam.app.adapters.regions.ValidatorNikCheck;
import id.rekam.app.adapters.store.CoreStoreGateway;
import id.rekam.app.adapters.sync.StationSync;
import id.rekam.app.ports.FingerprintService;
import id.rekam.app.testing.Flow;
import id.rekam.app.testing.TestStation;
import id.rekam.app.testing.Ui;
import id.rekam.core.domain.DeviceRef;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.nik.NikValidator;
import id.rekam.core.region.RegionCatalog;
import id.rekam.devices.DeviceConfig;
import id.rekam.devices.DeviceRegistry;
import id.rekam.devices.Devices;
import id.rekam.devices.fingerprint.synth.SyntheticFingerSource;
import id.rekam.devices.scanner.EmulatedScannerPort;
import id.rekam.devices.scanner.R30xEmulatorSettings;
import id.rekam.fixtures.DemoSeeder;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk measured as an operator lives it: a robot records one citizen from the home screen to
 * the saved record with the keyboard only, on the SIMULATED camera and R30x scanner (the demo's
 * devices; the synthetic finger arrives 700 ms after each scan request, as in demo mode), and
 * counts every key it presses (a chord like Ctrl+S counts its modifier too) and the time it takes.
 * The citizen's signature is a simulated pen on the pad (events on the pad, not the robot's
 * mouse): the citizen's act, like placing a finger, so neither a key nor operator time.
 *
 * <p>Always checked: no mouse, at most {@link #KEYS_GOAL} keys. With {@code -Drekam.bench=true}
 * (an idle machine) also: at most {@link #SECONDS_GOAL} s of robot time besides the devices' own
 * capture time. Writes {@code target/desk-keystrokes.txt}; docs/benchmarks.md has the numbers.
 */
@ExtendWith(ApplicationExtension.class)
class DeskKeystrokesTest {

    static final int KEYS_GOAL = 110;
    static final int SECONDS_GOAL = 90;

    @TempDir
    Path dir;
    EmulatedScannerPort port;
    Devices devices;
    AppContext ctx;
    /** Time spent inside the scanner's capture (the finger arriving, the image, its template). */
    final AtomicLong deviceNanos = new AtomicLong();
    int keys;
    int retries;

    @Start
    void start(Stage stage) {
        SyntheticFingerSource fingers = new SyntheticFingerSource(2026);
        port = EmulatedScannerPort.startInMemory("desk-bench", R30xEmulatorSettings.defaults(), fingers);
        port.autoPlaceFingerAfter(Duration.ofMillis(700));
        DeviceConfig dc = port.addTo(DeviceConfig.of(Map.of("demo", "true", "camera.driver", "simulated",
                "camera.fps", "30", "owner.office", "Kecamatan Pancoran Mas, Kota Depok", "scanner.timeout.ms", "15000")));
        devices = Devices.load(dc, DeviceRegistry.inMemory(dc.ownerOffice())).start();
        DevicesScanner scanner = new DevicesScanner(() -> devices, fingers);
        FingerprintService timed = new FingerprintService() {
            @Override
            public DeviceRef device() {
                return scanner.device();
            }

            @Override
            public FingerSample capture(FingerPosition position) throws ScanException {
                long t0 = System.nanoTime();
                try {
                    return scanner.capture(position);
                } finally {
                    deviceNanos.addAndGet(System.nanoTime() - t0);
                }
            }

            @Override
            public void personAtDesk(String nik) {
                scanner.personAtDesk(nik);
            }
        };
        RegionCatalog catalog = RegionCatalog.bundled();
        AppConfig config = new AppConfig(TestStation.STATION_ID, "Kecamatan Pancoran Mas, Kota Depok", "32.76.01", dir,
                Locale.forLanguageTag("id"), AppConfig.ApprovalMode.END_OF_DAY, true, TestStation.PASSPHRASE,
                new AppConfig.DemoLogins(DemoSeeder.SUPERVISOR, DemoSeeder.SUPERVISOR_PASSWORD, DemoSeeder.OPERATOR,
                        DemoSeeder.OPERATOR_PASSWORD));
        CoreStoreGateway gateway = new CoreStoreGateway(dir, TestStation.STATION_ID, TestStation.fastStore(),
                s -> DemoSeeder.seed(s, "32.76.01.1008"));
        StationServices services = new StationServices(gateway, new CatalogRegions(catalog),
                new ValidatorNikCheck(new NikValidator(catalog), config.locale()), new DevicesCamera(() -> devices),
                timed, new DevicesStatus(() -> devices), StationSync.offline(config.locale()),
                new StationProvisioning(gateway, () -> catalog));
        ctx = new AppContext(config, services, StationApp.bundle(config));
        stage.setScene(StationApp.createScene(ctx));
        stage.show();
    }

    @AfterEach
    void stop() {
        devices.close();
        port.close();
    }

    @Test
    void oneRecordByKeyboardOnSimulatedDevices(FxRobot robot) throws Exception {
        Flow flow = new Flow(robot);
        flow.unlockDemo();
        flow.logIn(DemoSeeder.OPERATOR, DemoSeeder.OPERATOR_PASSWORD);
        // The devices are up (the status bar shows them) before the clock starts.
        Flow.waitFor(60, () -> ctx.services().scanner().device().simulated() && ctx.services().camera().device().simulated());
        Flow.waitFor(() -> flow.visible("#newEnrollment"));

        long t0 = System.nanoTime();
        key(robot, KeyCode.F2);
        Flow.waitFor(() -> flow.visible("#nik"));
        write(robot, Flow.NIK);
        key(robot, KeyCode.ENTER);
        write(robot, "budi santoso");
        key(robot, KeyCode.ENTER);
        write(robot, "depok");
        key(robot, KeyCode.ENTER);
        key(robot, KeyCode.ENTER); // birth date: from the NIK
        key(robot, KeyCode.ENTER); // sex: from the NIK
        write(robot, "o");
        key(robot, KeyCode.ENTER);
        write(robot, "i");
        key(robot, KeyCode.ENTER);
        write(robot, "b");
        key(robot, KeyCode.ENTER);
        write(robot, "pelajar");
        key(robot, KeyCode.ENTER);
        key(robot, KeyCode.ENTER); // WNI
        write(robot, "jl. margonda 1");
        key(robot, KeyCode.ENTER);
        write(robot, "3");
        key(robot, KeyCode.ENTER);
        write(robot, "5");
        key(robot, KeyCode.ENTER);
        key(robot, KeyCode.ENTER); // province, regency, kecamatan: the station's own
        key(robot, KeyCode.ENTER);
        key(robot, KeyCode.ENTER);
        write(robot, "depok");
        key(robot, KeyCode.ENTER);
        int biodataKeys = keys;

        Flow.waitFor(() -> flow.visible("#capturePhoto"));
        Flow.waitFor(() -> flow.text("#fps").endsWith("fps"));
        key(robot, KeyCode.SPACE);
        // The SIMULATED camera's backdrop drifts between blue and red: a photo against the rule is
        // kept with a warning, as at a real desk; either way the photo step is done.
        javafx.scene.image.ImageView shot = flow.await("#capturedPhoto", javafx.scene.image.ImageView.class);
        Flow.waitFor(() -> Ui.onFx(() -> shot.getImage() != null) && !flow.text("#photoVerdict").isEmpty());
        key(robot, KeyCode.ENTER);

        Flow.waitFor(() -> flow.visible("#scanFinger"));
        for (FingerPosition p : FingerPosition.values()) {
            String status = "#status-" + p.name();
            // A scan the emulator did not answer in time (it shares this loaded machine's CPU) is
            // scanned again, as an operator would: the key counts, the retry is reported.
            for (int attempt = 0; flow.text(status).equals("–"); attempt++) {
                assertThat(attempt).as("scans of " + p).isLessThan(3);
                if (attempt > 0) {
                    retries++;
                }
                String before = flow.text("#fingerInstruction");
                key(robot, KeyCode.SPACE);
                Flow.waitFor(60, () -> !flow.text(status).equals("–")
                        || (flow.text("#fingerInstruction").contains("tidak menjawab")
                        && !flow.text("#fingerInstruction").equals(before)));
            }
        }
        Flow.waitFor(() -> flow.text("#fingerInstruction").startsWith("Sepuluh jari selesai"));
        key(robot, KeyCode.ENTER);

        Flow.waitFor(() -> flow.visible("#signaturePad"));
        long pen = penSignature(robot);
        key(robot, KeyCode.ENTER);

        Flow.waitFor(() -> flow.visible("#commitRecord"));
        chord(robot, KeyCode.CONTROL, KeyCode.S);
        Flow.waitFor(60, () -> flow.visible("#commitDone"));
        long total = System.nanoTime() - t0;

        double seconds = total / 1e9;
        double device = (deviceNanos.get() + pen) / 1e9;
        String report = String.format(Locale.ROOT,
                "desk-keystrokes: %d keys (biodata %d, scanner retries %d), no mouse; robot time %.1f s, of which "
                        + "devices %.1f s (scanner %.1f s for 10 fingers, pen %.1f s); operator-side %.1f s per record",
                keys, biodataKeys, retries, seconds, device, deviceNanos.get() / 1e9, pen / 1e9, seconds - device);
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "desk-keystrokes.txt"), report + System.lineSeparator());
        assertThat(keys - retries).as("keys for one clean record").isLessThanOrEqualTo(KEYS_GOAL);
        if (Boolean.getBoolean("rekam.bench")) {
            assertThat(seconds - device).as("operator-side seconds per record").isLessThanOrEqualTo(SECONDS_GOAL);
        }
    }

    private void key(FxRobot robot, KeyCode k) {
        keys++;
        robot.type(k);
    }

    private void chord(FxRobot robot, KeyCode modifier, KeyCode k) {
        keys += 2;
        robot.press(modifier).type(k).release(modifier);
    }

    private void write(FxRobot robot, String text) {
        keys += text.length();
        robot.write(text);
    }

    /** The citizen signs: pen events on the pad itself (not the robot's mouse); returns the time taken. */
    private static long penSignature(FxRobot robot) {
        long t0 = System.nanoTime();
        Node pad = Ui.await(robot, "#signaturePad");
        Node canvas = Ui.onFx(() -> ((javafx.scene.Parent) pad).getChildrenUnmodifiable().get(0));
        Ui.onFx(() -> {
            pen(canvas, MouseEvent.MOUSE_PRESSED, 120, 120);
            for (int i = 1; i <= 20; i++) {
                pen(canvas, MouseEvent.MOUSE_DRAGGED, 120 + i * 20, 120 + (i % 2 == 0 ? -30 : 30));
            }
            pen(canvas, MouseEvent.MOUSE_RELEASED, 520, 120);
            return null;
        });
        return System.nanoTime() - t0;
    }

    private static void pen(Node target, javafx.event.EventType<MouseEvent> type, double x, double y) {
        Event.fireEvent(target, new MouseEvent(type, x, y, x, y, MouseButton.PRIMARY, 1, false, false, false, false,
                true, false, false, false, false, false, null));
    }
}
