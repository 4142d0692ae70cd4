package id.rekam.app.field;

import id.rekam.app.AppConfig;
import id.rekam.app.testing.Flow;
import id.rekam.app.testing.TestStation;
import id.rekam.app.testing.Ui;
import id.rekam.core.export.ExportBundle;
import id.rekam.core.field.FieldLimits;
import id.rekam.core.outbox.OutboxState;
import id.rekam.fixtures.DemoSeeder;
import javafx.scene.chart.BarChart;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team laptop several days offline with its disk filling (simulated): the home screen warns
 * before the limits, the dashboard shows the forecast and coverage against imported targets, the
 * daily report is saved, and a safety bundle goes to a stick while the records stay queued.
 */
@ExtendWith(ApplicationExtension.class)
class FieldFlowTest {

    private static final long MB = 1024 * 1024;
    /** 500 MB reserve, warnings from 2 GB; pending warned from 5, over the limit at 10. */
    static final FieldLimits LIMITS = new FieldLimits(2, 4, 5, 10, 2, 4, 2_000 * MB, 500 * MB, 3, 0);

    @TempDir
    Path dir;
    TestStation station;

    @Start
    void start(Stage stage) {
        // 505 MB free: the 12 demo records written today (~3 MB) put the reserve ~2 days away.
        station = new TestStation(dir.resolve("station"), AppConfig.ApprovalMode.END_OF_DAY, true, true, null,
                Locale.forLanguageTag("id"), TestStation.fastStore().withFieldLimits(LIMITS)
                .withUsableSpace(d -> 505 * MB));
        station.show(stage);
    }

    /** Replaces a field's text, as pasting a path from the file manager would. */
    static void setText(Flow flow, String query, String text) {
        javafx.scene.control.TextField f = flow.await(query, javafx.scene.control.TextField.class);
        Ui.onFx(() -> {
            f.setText(text);
            return null;
        });
    }

    /** Scrolls the dashboard so that {@code query} is on screen, as the operator's scroll wheel would. */
    static void reveal(Flow flow, String query) {
        javafx.scene.Node node = flow.await(query, javafx.scene.Node.class);
        Ui.onFx(() -> {
            javafx.scene.Node n = node;
            while (n != null && !(n instanceof javafx.scene.control.ScrollPane)) {
                n = n.getParent();
            }
            if (n instanceof javafx.scene.control.ScrollPane pane) {
                javafx.scene.Node content = pane.getContent();
                double y = content.sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
                double room = content.getBoundsInLocal().getHeight() - pane.getViewportBounds().getHeight();
                pane.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (y - 40) / room)));
            }
            return null;
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void warningsDashboardReportAndSafetyBundle(FxRobot robot) throws Exception {
        Flow flow = new Flow(robot);
        flow.unlockDemo();
        // A team laptop is registered before it goes out: its records are sealed to the server.
        station.pinServer();
        flow.logIn(DemoSeeder.SUPERVISOR, DemoSeeder.SUPERVISOR_PASSWORD);

        // Home: the guardrails speak before anything stops.
        Flow.waitFor(() -> flow.visible("#fieldBanner"));
        assertThat(flow.text("#guardrail-PENDING")).startsWith("12 rekaman menunggu terkirim, melewati batas 10");
        assertThat(flow.text("#guardrail-DISK_FREE")).contains("Ruang disk tinggal 505 MB")
                .contains("berhenti bila tersisa 500 MB");
        assertThat(flow.text("#guardrail-DISK_FORECAST_DAYS")).startsWith("Disk penuh dalam ~");
        assertThat(flow.text("#guardrail-NO_SAFETY_COPY")).startsWith("12 rekaman belum punya salinan pengaman");
        flow.screenshot("60-field-home-warnings");

        // Dashboard: counters, forecast, then targets imported and coverage charted.
        flow.click("#openFieldDashboard");
        Flow.waitFor(() -> flow.visible("#fieldPending") && flow.text("#fieldPending").equals("12"));
        assertThat(flow.text("#fieldDisk")).isEqualTo("505");
        assertThat(flow.text("#fieldForecast")).matches("Disk penuh dalam ~\\d+ hari dengan laju hari ini\\.");
        Path csv = Files.writeString(dir.resolve("target-pancoran-mas.csv"),
                "kode_wilayah;nama;wajib_ktp\n32.76.01.1008;Depok;1.057\n32.76.01.1001;Pancoran Mas;2.480\n");
        reveal(flow, "#importTargets");
        flow.click("#targetsFile").write(csv.toString());
        flow.click("#importTargets");
        Flow.waitFor(() -> flow.text("#targetsMessage").equals("2 kelurahan/desa diimpor."));
        Flow.waitFor(() -> flow.text("#coverageSummary").startsWith("12 dari 3.537 wajib KTP-el direkam"));
        BarChart<?, ?> chart = flow.await("#villageChart", BarChart.class);
        assertThat(Ui.onFx(() -> chart.getData().get(0).getData().size())).isEqualTo(2);
        TableView<?> members = flow.await("#memberTable", TableView.class);
        assertThat(Ui.onFx(() -> members.getItems().size())).isPositive();
        reveal(flow, "#coverageSummary");
        flow.screenshot("64-field-coverage");
        reveal(flow, "#fieldSubtitle");
        flow.screenshot("61-field-dashboard");

        Path reports = Files.createDirectories(dir.resolve("laporan"));
        reveal(flow, "#saveReport");
        setText(flow, "#reportDir", reports.toString());
        flow.click("#saveReport");
        Flow.waitFor(() -> flow.text("#reportMessage").startsWith("Laporan disimpan"));
        try (Stream<Path> files = Files.list(reports)) {
            assertThat(files.toList()).singleElement().satisfies(p -> assertThat(Files.size(p)).isPositive());
        }

        // Safety bundle to the stick: written with progress, the records stay queued.
        Map<OutboxState, Long> before = station.store().outbox().countByState();
        reveal(flow, "#openBundles");
        flow.click("#openBundles");
        Flow.waitFor(() -> flow.visible("#bundlePending") && flow.text("#bundlePending").startsWith("12 rekaman"));
        Path stick = Files.createDirectories(dir.resolve("usb"));
        flow.click("#bundleDir").write(stick.toString());
        flow.click("#bundlePassphrase").write("tim-keliling-depok-26");
        flow.click("#bundlePassphraseAgain").write("tim-keliling-depok-26");
        flow.click("#writeBundle");
        Flow.waitFor(30, () -> flow.text("#bundleMessage").startsWith("Bundel rekam-safety-"));
        assertThat(flow.text("#bundleMessage")).contains("12 rekaman baru").contains("Status rekaman tidak berubah");
        assertThat(Ui.cutShortTexts()).as("texts cut short on the bundles screen").isEmpty();
        flow.screenshot("63-safety-bundle-written");
        assertThat(station.store().outbox().countByState()).isEqualTo(before);
        try (Stream<Path> written = Files.list(stick)) {
            Path bundle = written.toList().get(0);
            ExportBundle b = ExportBundle.open(bundle);
            b.verify(station.store().stationPublicKey());
            assertThat(b.manifest().packets()).hasSize(12);
        }
        Flow.waitFor(() -> flow.text("#bundlePending").contains("; 0 belum punya salinan pengaman"));
    }
}
