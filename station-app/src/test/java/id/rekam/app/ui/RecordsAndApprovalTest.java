package id.rekam.app.ui;

import id.rekam.app.AppConfig;
import id.rekam.app.testing.Flow;
import id.rekam.app.testing.TestStation;
import id.rekam.app.testing.Ui;
import id.rekam.fixtures.DemoSeeder;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A demo-seeded station: an operator logs in, searches the records, opens one read-only, asks a
 * supervisor to approve the day's batch; also the NIK warning an operator must confirm.
 */
@ExtendWith(ApplicationExtension.class)
class RecordsAndApprovalTest {

    @TempDir
    Path dir;
    TestStation station;

    @Start
    void start(Stage stage) {
        station = new TestStation(dir, AppConfig.ApprovalMode.END_OF_DAY, true, true).show(stage);
    }

    @Test
    void operatorSearchesOpensAndGetsTheBatchApproved(FxRobot robot) {
        Flow flow = new Flow(robot);
        flow.unlockDemo();
        flow.screenshot("12-login-demo");
        flow.logIn(DemoSeeder.OPERATOR, DemoSeeder.OPERATOR_PASSWORD);
        Flow.waitFor(() -> flow.text("#waitingApproval").equals("4"));
        assertThat(flow.text("#waitingSync")).isEqualTo("8");

        robot.type(KeyCode.F3);
        @SuppressWarnings("unchecked")
        TableView<id.rekam.app.ports.RecordSummary> table = flow.await("#recordTable", TableView.class);
        Flow.waitFor(() -> Ui.onFx(() -> table.getItems().size() == 12));
        flow.screenshot("13-records");
        String name = Ui.onFx(() -> table.getItems().get(0).fullName());
        String firstWord = name.split(" ")[0];
        flow.click("#recordQuery").write(firstWord.toLowerCase());
        Flow.waitFor(() -> Ui.onFx(() -> table.getItems().size() < 12
                && table.getItems().stream().allMatch(r -> r.fullName().contains(firstWord))));
        robot.type(KeyCode.ENTER).type(KeyCode.ENTER);
        Flow.waitFor(() -> flow.visible("#detailTitle") && flow.text("#detailTitle").contains(firstWord));
        flow.screenshot("14-record-detail");
        // The demo's records carry drawn portraits and signatures that the page shows (they were
        // placeholder bytes, "cannot be shown"), and real kelurahan names instead of "DEMO".
        assertThat(flow.visible("#detailPhotoUnreadable")).isFalse();
        assertThat(flow.visible("#detailSignatureUnreadable")).isFalse();
        assertThat(Ui.onFx(() -> robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.Label l
                && "DEMO".equals(l.getText()) && !l.getStyleClass().contains("demo-tag")).queryAll().isEmpty()))
                .as("no region named DEMO").isTrue();
        assertThat(Ui.cutShortTexts()).as("texts cut short on the record").isEmpty();
        // No reprint message yet: it takes no room (no gap above "read only").
        assertThat(Ui.onFx(() -> robot.lookup("#reprintText").query().isManaged())).as("empty message laid out").isFalse();
        // Reprint: regenerated from the store and sent to the printer (none here), never saved.
        flow.click("#reprintReceipt");
        Flow.waitFor(() -> !flow.text("#reprintText").isEmpty());
        // Shown once the next layout pass has given it room.
        Flow.waitFor(() -> flow.visible("#reprintText"));
        assertThat(flow.text("#reprintText")).matches("Tanda terima dikirim ke printer\\.|Tidak ada printer terpasang\\..*");
        // Without a printer (or before printing) the receipt is seen on screen and saved as a PDF
        // where the operator says, never into the station's data folder.
        flow.click("#receiptPreview");
        javafx.scene.image.ImageView receipt = flow.await("#receiptImage", javafx.scene.image.ImageView.class);
        Flow.waitFor(() -> Ui.onFx(() -> receipt.getImage() != null && receipt.getImage().getHeight() > 400));
        flow.screenshot("16-receipt-preview");
        flow.click("#receiptSave");
        flow.click("#receiptFolder").write(dir.toString()).type(KeyCode.ENTER);
        Flow.waitFor(() -> flow.text("#reprintText").startsWith("Pilih folder yang ada"));
        java.nio.file.Path stick;
        try {
            stick = java.nio.file.Files.createTempDirectory("flashdisk");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        robot.eraseText(dir.toString().length()).write(stick.toString()).type(KeyCode.ENTER);
        Flow.waitFor(() -> flow.text("#reprintText").startsWith("Tanda terima disimpan"));
        try (var saved = java.nio.file.Files.list(stick)) {
            java.nio.file.Path pdf = saved.findFirst().orElseThrow();
            assertThat(pdf.getFileName().toString()).matches("tanda-terima-[0-9a-f]{8}\\.pdf");
            assertThat(new String(java.nio.file.Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo("%PDF-");
            java.nio.file.Files.delete(pdf);
            java.nio.file.Files.delete(stick);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (var files = java.nio.file.Files.walk(dir)) {
            assertThat(files.filter(f -> f.toString().endsWith(".pdf") || f.getFileName().toString().equals("receipts")))
                    .as("no receipt on the station's disk").isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        robot.type(KeyCode.F4);
        flow.click("#homeButton");
        Flow.waitFor(() -> flow.visible("#approval"));
        robot.type(KeyCode.F4);
        ListView<?> approvals = flow.await("#approvalList", ListView.class);
        Flow.waitFor(() -> Ui.onFx(() -> approvals.getItems().size() == 4));
        flow.click("#approvalSelectAll");
        flow.click("#approvalSupervisorId").write(DemoSeeder.SUPERVISOR);
        flow.click("#approvalSupervisorPin").write("salah-sandi");
        flow.click("#approveSelected");
        Flow.waitFor(() -> flow.text("#approvalMessage").contains("salah"));
        flow.click("#approvalSelectAll");
        flow.click("#approvalSupervisorPin").write(DemoSeeder.SUPERVISOR_PASSWORD);
        flow.screenshot("15-approval");
        flow.click("#approveSelected");
        Flow.waitFor(() -> flow.text("#approvalMessage").startsWith("4 rekaman disetujui"));
        Flow.waitFor(() -> Ui.onFx(() -> approvals.getItems().isEmpty()));
        flow.click("#homeButton");
        Flow.waitFor(() -> flow.text("#waitingApproval").equals("0"));
        assertThat(flow.text("#waitingSync")).isEqualTo("12");
    }

    @Test
    void nikThatDisagreesWithTheFormNeedsConfirmation(FxRobot robot) {
        Flow flow = new Flow(robot);
        flow.demoOperatorOpensNewEnrollment();
        // The NIK says 17-08-1990 and male; the form says 18-08-1990.
        flow.typeBiodata(Flow.NIK, "Ani Lestari", "18-08-1990");
        robot.type(KeyCode.ENTER);
        Flow.waitFor(() -> flow.visible("#nikConfirm"));
        assertThat(flow.text("#nikMsg")).isNotBlank();
        assertThat(flow.visible("#capturePhoto")).isFalse();
        flow.screenshot("04b-biodata-nik-warning");
        flow.click("#nikConfirm");
        flow.ctrl(KeyCode.ENTER);
        Flow.waitFor(() -> flow.visible("#capturePhoto"));
    }
}
