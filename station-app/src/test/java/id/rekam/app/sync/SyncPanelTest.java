package id.rekam.app.sync;

import id.rekam.app.AppConfig;
import id.rekam.app.ports.RecordStatus;
import id.rekam.app.ports.RecordSummary;
import id.rekam.app.testing.Flow;
import id.rekam.app.testing.TestStation;
import id.rekam.app.testing.Ui;
import id.rekam.fixtures.DemoSeeder;
import id.rekam.core.store.StationStore;
import id.rekam.server.CentralServer;
import id.rekam.server.ServerConfig;
import id.rekam.sync.StationEnrollment;
import id.rekam.sync.SyncConfig;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sync panel against a real in-process central server: first the server is down (the panel
 * gives the reason, records wait), then it comes up and "Kirim sekarang" delivers them; the
 * records list shows each record's server status.
 */
@ExtendWith(ApplicationExtension.class)
class SyncPanelTest {

    static final String OFFICE = "32.76.01";
    /** The first station the reference server enrols for an office gets this name. */
    static final String STATION = "ST-327601-0001";

    @TempDir
    Path dir;
    int port;
    CentralServer server;
    TestStation station;

    ServerConfig serverConfig() {
        return ServerConfig.builder(dir.resolve("server")).port(port).acceptUnparseableTemplates(true)
                .printReadyAfter(Duration.ofMillis(200)).build();
    }

    @Start
    void start(Stage stage) throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path data = dir.resolve("station");
        // Enrol and seed the store, then take the server down: the station starts offline.
        server = CentralServer.start(serverConfig());
        StationStore store = StationStore.initialise(data, TestStation.PASSPHRASE.toCharArray(), STATION,
                TestStation.fastStore());
        OkHttpClient http = new OkHttpClient();
        StationEnrollment.enroll(http, server.baseUri(), server.admin().createEnrollmentCode(OFFICE).code(), store,
                "uji panel sinkron");
        http.dispatcher().executorService().shutdown();
        DemoSeeder.seed(store, "32.76.01.1008");
        store.close();
        server.stop();
        server = null;

        SyncConfig config = SyncConfig.defaults(URI.create("http://127.0.0.1:" + port + "/"))
                .withBackoff(Duration.ofMillis(500), Duration.ofSeconds(1)).withPollInterval(Duration.ofMillis(300))
                .withRequestTimeout(Duration.ofSeconds(10));
        station = new TestStation(data, AppConfig.ApprovalMode.END_OF_DAY, true, false, config);
        station.show(stage);
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void panelShowsTheReasonWhileDownThenCountsMoveAsTheServerAccepts(FxRobot robot) throws Exception {
        Flow flow = new Flow(robot);
        flow.unlockDemo();
        flow.logIn(DemoSeeder.OPERATOR, DemoSeeder.OPERATOR_PASSWORD);
        Flow.waitFor(() -> flow.visible("#syncStatus") && !flow.text("#syncStatus").isBlank());
        flow.click("#syncStatus");
        Flow.waitFor(() -> flow.visible("#syncPushNow"));

        // Server down: the 8 approved demo records wait, and the panel says why in Bahasa Indonesia.
        Flow.waitFor(20, () -> !flow.text("#syncLastFailure").equals("Tidak ada")
                && !flow.text("#syncLastFailure").equals("–"));
        assertThat(flow.text("#syncWaiting")).isEqualTo("8");
        assertThat(flow.text("#syncConfirmed")).isEqualTo("0");
        assertThat(flow.text("#syncLastContact")).isEqualTo("Belum pernah");
        // Dates as everywhere else in the station: dd-MM-yyyy HH:mm.
        assertThat(flow.text("#syncNextRetry")).matches("\\d{2}-\\d{2}-\\d{4} \\d{2}:\\d{2}");
        String reason = flow.text("#syncLastFailure");
        assertThat(reason).startsWith("Tidak tersambung ke server pusat").contains("akan dikirim otomatis");
        flow.screenshot("40-sync-offline");
        // The status bar names only what is non-zero, so the network message beside it fits.
        Flow.waitFor(() -> flow.text("#syncStatus").equals("Sinkron: 8 menunggu"));
        assertThat(Ui.cutShortTexts()).as("texts cut short on the sync panel").isEmpty();

        server = CentralServer.start(serverConfig());
        flow.click("#syncPushNow");
        Flow.waitFor(30, () -> flow.text("#syncConfirmed").equals("8"));
        assertThat(flow.text("#syncWaiting")).isEqualTo("0");
        assertThat(flow.text("#syncUploading")).isEqualTo("0");
        assertThat(flow.text("#syncLastFailure")).isEqualTo("Tidak ada");
        assertThat(flow.text("#syncLastContact")).matches("\\d{2}-\\d{2}-\\d{4} \\d{2}:\\d{2}");
        assertThat(flow.text("#syncState")).contains("Semua rekaman sudah terkirim");
        flow.screenshot("41-sync-confirmed");

        // The records list gives each record's server verdict; print-ready follows confirmation.
        flow.click("#homeButton");
        Flow.waitFor(() -> flow.visible("#records"));
        // The list is loaded once per visit: revisit it until the server's print-ready verdicts are in.
        Flow.waitFor(60, () -> {
            flow.click("#homeButton");
            Flow.waitFor(() -> flow.visible("#records"));
            robot.type(KeyCode.F3);
            TableView<RecordSummary> table = table(flow);
            Flow.waitFor(() -> Ui.onFx(() -> table.getItems().size() == 12));
            return Ui.onFx(() -> table.getItems().stream().filter(r -> r.status() == RecordStatus.PRINT_READY)
                    .count() == 8);
        });
        List<RecordSummary> rows = Ui.onFx(() -> List.copyOf(table(flow).getItems()));
        assertThat(rows).filteredOn(r -> r.status() != RecordStatus.WAITING_APPROVAL)
                .allMatch(r -> EnumSet.of(RecordStatus.PRINT_READY).contains(r.status()));
        assertThat(rows).filteredOn(r -> r.status() == RecordStatus.WAITING_APPROVAL).hasSize(4);
        flow.screenshot("42-records-server-status");

        // The panel counts them too; print-ready records are still confirmed ones.
        flow.click("#syncStatus");
        Flow.waitFor(() -> flow.visible("#syncPrintReady"));
        Flow.waitFor(() -> flow.text("#syncPrintReady").equals("8"));
        assertThat(flow.text("#syncConfirmed")).isEqualTo("8");
    }

    @SuppressWarnings("unchecked")
    static TableView<RecordSummary> table(Flow flow) {
        return flow.await("#recordTable", TableView.class);
    }
}
