package id.rekam.app.tech;

import id.rekam.app.AppConfig;
import id.rekam.app.testing.Flow;
import id.rekam.app.testing.TestStation;
import id.rekam.app.testing.Ui;
import id.rekam.core.auth.Role;
import id.rekam.core.settings.StationSettingsFile;
import id.rekam.core.store.StationStore;
import id.rekam.fixtures.DemoSeeder;
import id.rekam.reports.DiagnosticsReportPdf;
import id.rekam.server.CentralServer;
import id.rekam.server.ServerConfig;
import id.rekam.server.faults.Fault;
import id.rekam.sync.StationEnrollment;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The technician's diagnostics screen on a station with the R30x emulator, the SIMULATED camera and
 * a real central server: everything working, then one kind of failure at a time — scanner missing,
 * scanner not answering, camera missing, captive portal, server down, an old backup with stale
 * software — each shown with its next step, and the report saved for the help desk.
 */
@ExtendWith(ApplicationExtension.class)
class DiagnosticsScreenTest {

    static final String TECHNICIAN = "teknisi";
    static final String TECHNICIAN_PASSWORD = "teknisi-uji-1";

    @TempDir
    Path dir;
    TechKit kit;
    CentralServer server;
    TestStation station;

    @Start
    void start(Stage stage) {
        kit = new TechKit(dir.resolve("devices"));
        station = new TestStation(dir.resolve("station"), AppConfig.ApprovalMode.END_OF_DAY, true, false, null,
                Locale.forLanguageTag("id"), kit.wiring(dir.resolve("station")));
        station.show(stage);
    }

    /** The station's store, enrolled with a running server, seeded; its devices. Not in {@code @Start}: it takes a while. */
    private void prepare() throws Exception {
        kit.start(true);
        Path data = dir.resolve("station");
        server = CentralServer.start(ServerConfig.builder(dir.resolve("server")).acceptUnparseableTemplates(true).build());
        try (StationStore store = StationStore.initialise(data, TestStation.PASSPHRASE.toCharArray(), "ST-327601-0001",
                TestStation.fastStore())) {
            OkHttpClient http = new OkHttpClient();
            StationEnrollment.enroll(http, server.baseUri(), server.admin().createEnrollmentCode("32.76.01").code(), store,
                    "meja teknisi");
            http.dispatcher().executorService().shutdown();
            DemoSeeder.seed(store, "32.76.01.1008");
            store.operators().createAccount(DemoSeeder.SUPERVISOR, TECHNICIAN, Role.TECHNICIAN,
                    TECHNICIAN_PASSWORD.toCharArray());
            store.backupNow();
        }
        StationSettingsFile.write(data, Map.of(StationSettingsFile.SERVER, server.baseUri().toString()));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
        if (kit != null) {
            kit.close();
        }
    }

    @Test
    void eachKindOfFailureIsNamedWithItsNextStepAndTheReportIsSaved(FxRobot robot) throws Exception {
        prepare();
        Flow flow = new Flow(robot);
        flow.unlockDemo();
        flow.logIn(TECHNICIAN, TECHNICIAN_PASSWORD);
        Flow.waitFor(() -> flow.visible("#openDiagnostics"));
        flow.click("#openDiagnostics");
        boolean scanner = kit.scanner != null;

        // Everything working.
        Duration took = run(flow);
        assertThat(took).as("a whole run with working devices").isLessThan(Duration.ofSeconds(30));
        // The frame rate is measured on this machine (a loaded build machine draws the SIMULATED camera
        // slowly): the camera's verdict must follow core's limit for the rate measured.
        java.util.regex.Matcher rate = java.util.regex.Pattern.compile("(\\d+(\\.\\d+)?) gambar/detik")
                .matcher(area(robot, "camera"));
        assertThat(rate.find()).as(area(robot, "camera")).isTrue();
        boolean fluid = id.rekam.core.diag.DiagnosticLimits.cameraRate(Double.parseDouble(rate.group(1)))
                == id.rekam.core.diag.Status.OK;
        assertThat(flow.text("#chip-camera")).as(area(robot, "camera")).isEqualTo(fluid ? "OK" : "PERINGATAN");
        if (fluid) {
            assertThat(flow.text("#allOk-camera")).isEqualTo("Semua 4 pemeriksaan OK.");
        }
        assertThat(flow.text("#chip-network")).as(area(robot, "network")).isEqualTo("OK");
        assertThat(flow.text("#chip-store")).as(area(robot, "store")).isEqualTo("OK");
        assertThat(flow.text("#chip-software")).as(area(robot, "software")).isEqualTo("OK");
        if (scanner) {
            assertThat(flow.text("#chip-scanner")).as(area(robot, "scanner")).isEqualTo("OK");
            assertThat(flow.text("#result-scanner-capture")).startsWith("Kualitas");
            assertThat(Ui.onFx(() -> robot.lookup("#diagPrint").queryAs(javafx.scene.image.ImageView.class).getImage()))
                    .as("the test print is shown").isNotNull();
        }
        assertThat(Ui.onFx(() -> robot.lookup("#diagFrame").queryAs(javafx.scene.image.ImageView.class).getImage()))
                .as("the test frame is shown").isNotNull();
        assertThat(flow.text("#diagSummary")).startsWith(fluid ? "Selesai: OK" : "Selesai: PERINGATAN");
        flow.screenshot("70-diagnostics-ok");

        // The help desk's report, to a folder (a USB stick).
        Path usb = dir.resolve("usb");
        Files.createDirectories(usb);
        flow.click("#reportFolder");
        robot.eraseText(200).write(usb.toString());
        flow.click("#saveReport");
        Flow.waitFor(() -> flow.text("#reportSaved").startsWith("Tersimpan"));
        Path pdf;
        try (Stream<Path> s = Files.list(usb)) {
            pdf = s.filter(p -> p.toString().endsWith(".pdf")).findFirst().orElseThrow();
        }
        assertThat(new String(DiagnosticsReportPdf.embeddedJson(Files.readAllBytes(pdf)))).contains("\"stationId\" : \"ST-327601-0001\"");
        assertThat(Files.exists(usb.resolve(pdf.getFileName().toString().replace(".pdf", ".json")))).isTrue();

        if (scanner) {
            kit.scanner.unplug();
            run(flow);
            assertThat(flow.text("#chip-scanner")).isEqualTo("GAGAL");
            assertThat(flow.text("#next-scanner-ports")).contains("Colokkan kabel USB pemindai");
            flow.screenshot("72-diagnostics-scanner-missing");

            kit.scanner.replug(id.rekam.devices.scanner.R30xEmulatorSettings.defaults());
            kit.scanner.emulator().setSilent(true);
            run(flow);
            assertThat(flow.text("#chip-scanner")).isEqualTo("GAGAL");
            assertThat(flow.text("#result-scanner-handshake")).startsWith("Tidak ada jawaban dari");
            assertThat(flow.text("#next-scanner-handshake")).contains("Cabut-colok kabel pemindai");
            flow.screenshot("73-diagnostics-scanner-silent");
            kit.scanner.emulator().setSilent(false);
        }

        kit.cameras.unplug("SIMULATED camera 1");
        run(flow);
        assertThat(flow.text("#chip-camera")).isEqualTo("GAGAL");
        assertThat(flow.text("#next-camera-devices")).contains("Colokkan kamera USB");
        flow.screenshot("74-diagnostics-camera-missing");
        kit.cameras.plug(new id.rekam.devices.camera.SimulatedWebcamDevice(1, Clock.systemUTC()));

        server.faults().add(Fault.captivePortal().on("GET", "/v1/health").times(-1));
        run(flow);
        assertThat(flow.text("#chip-network")).isEqualTo("GAGAL");
        assertThat(flow.text("#result-network-portal")).contains("captive portal");
        assertThat(flow.text("#next-network-portal")).contains("Buka browser");
        flow.screenshot("75-diagnostics-captive-portal");
        server.faults().clear();

        server.stop();
        server = null;
        run(flow);
        assertThat(flow.text("#chip-network")).isEqualTo("GAGAL");
        assertThat(flow.text("#result-network-tcp")).contains("menolak");
        flow.screenshot("76-diagnostics-server-down");

        kit.clock = Clock.offset(Clock.systemUTC(), Duration.ofDays(9));
        Files.setLastModifiedTime(kit.updateStamp, FileTime.from(Instant.now().minus(Duration.ofDays(60))));
        run(flow);
        assertThat(flow.text("#chip-store")).isEqualTo("GAGAL");
        assertThat(flow.text("#result-store-backup")).isEqualTo("Cadangan terakhir 9 hari lalu");
        assertThat(flow.text("#chip-software")).isEqualTo("PERINGATAN");
        assertThat(flow.text("#next-software-updates")).contains("sudo apt update");
        flow.screenshot("77-diagnostics-store-software");
        assertThat(Ui.cutShortTexts()).as("texts cut short on the diagnostics screen").isEmpty();

        // An operator has no way in, and the screen itself will not run for them.
        flow.click("#logoutButton");
        Flow.waitFor(() -> flow.visible("#operatorId"));
        flow.logIn(DemoSeeder.OPERATOR, DemoSeeder.OPERATOR_PASSWORD);
        assertThat(flow.visible("#openDiagnostics")).as("no way in from the home screen").isFalse();
        Ui.onFx(() -> {
            station.ctx.navigator().show(id.rekam.app.ui.Screen.DIAGNOSTICS);
            return null;
        });
        Flow.waitFor(() -> flow.visible("#runDiagnostics"));
        assertThat(Ui.onFx(() -> robot.lookup("#runDiagnostics").queryButton().isDisabled())).isTrue();
    }

    /** Every text of an area's card, for a failing assertion's message. */
    private static String area(FxRobot robot, String area) {
        return Ui.onFx(() -> robot.lookup("#area-" + area).queryAs(javafx.scene.layout.VBox.class).lookupAll(".label")
                .stream().map(n -> ((javafx.scene.control.Labeled) n).getText()).reduce("", (a, b) -> a + " | " + b));
    }

    /** Runs the diagnostics from the screen and waits for the end; returns how long it took. */
    private static Duration run(Flow flow) {
        long t0 = System.nanoTime();
        flow.click("#runDiagnostics");
        // The button is disabled while a run lasts (set as the click is handled) and enabled when it ends.
        Flow.waitFor(60, () -> Ui.onFx(() -> !flow.await("#runDiagnostics", javafx.scene.control.Button.class).isDisabled())
                && flow.text("#diagSummary").startsWith("Selesai"));
        return Duration.ofNanos(System.nanoTime() - t0);
    }
}
