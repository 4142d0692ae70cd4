package id.rekam.app.ui;

import id.rekam.app.AppConfig;
import id.rekam.app.StationApp;
import id.rekam.app.service.RecordStatus;
import id.rekam.app.testing.Flow;
import id.rekam.app.testing.MemoryStore;
import id.rekam.app.testing.TestStation;
import id.rekam.core.domain.FingerException;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.domain.FingerprintCapture;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole desk flow on test-double services: unlock, first supervisor, biodata, photo, ten fingers, signature, commit. */
@ExtendWith(ApplicationExtension.class)
class EnrollmentFlowTest {

    @TempDir
    Path dir;
    TestStation station;

    @Start
    void start(Stage stage) {
        station = new TestStation(dir, AppConfig.ApprovalMode.END_OF_DAY, false);
        stage.setScene(StationApp.createScene(station.ctx));
        stage.show();
    }

    @Test
    void recordsACitizenWithTheKeyboard(FxRobot robot) throws Exception {
        Flow flow = new Flow(robot);
        flow.unlockAndCreateSupervisor(TestStation.PASSPHRASE);
        robot.type(KeyCode.F2);
        Flow.waitFor(() -> flow.visible("#nik"));
        flow.typeBiodata(Flow.NIK, "Budi Santoso", "17-08-1990");

        Flow.waitFor(() -> flow.visible("#capturePhoto"));
        assertThat(flow.text("#bgText")).contains("1990").contains("BIRU");
        Flow.waitFor(() -> robot.lookup("#fps").queryLabeled().getText().endsWith("fps"));
        robot.type(KeyCode.SPACE);
        Flow.waitFor(() -> flow.text("#photoVerdict").equals("Foto memenuhi syarat."));
        flow.ctrl(KeyCode.ENTER);

        Flow.waitFor(() -> flow.visible("#scanFinger"));
        station.scanner.nextQualities(80, 20, 25, 30);
        robot.type(KeyCode.SPACE);
        Flow.waitFor(() -> flow.text("#currentFinger").contains("Telunjuk kanan"));
        for (int i = 0; i < 3; i++) {
            robot.type(KeyCode.SPACE);
            int attempt = i + 1;
            Flow.waitFor(() -> flow.text("#fingerInstruction").contains(attempt < 3 ? attempt + " dari 3" : "Sudah 3 kali"));
        }
        robot.type(KeyCode.F6);
        for (int i = 2; i < 9; i++) {
            String status = "#status-" + FingerPosition.values()[i].name();
            robot.type(KeyCode.SPACE);
            Flow.waitFor(() -> flow.text(status).startsWith("kualitas"));
        }
        assertThat(flow.text("#currentFinger")).contains("Kelingking kiri");
        @SuppressWarnings("unchecked")
        ComboBox<FingerException> reason = robot.lookup("#exceptionReason").queryAs(ComboBox.class);
        robot.interact(() -> reason.setValue(FingerException.BANDAGED));
        robot.clickOn("#recordException");
        Flow.waitFor(() -> flow.text("#fingerInstruction").startsWith("Sepuluh jari selesai"));
        flow.ctrl(KeyCode.ENTER);

        Flow.waitFor(() -> flow.visible("#signaturePad"));
        flow.sign();
        flow.ctrl(KeyCode.ENTER);

        Flow.waitFor(() -> flow.visible("#commitRecord"));
        assertThat(flow.text("#fingerSummary")).contains("9 sidik jari").contains("Kelingking kiri (diperban)");
        flow.ctrl(KeyCode.S);
        Flow.waitFor(() -> flow.visible("#commitDone"));
        Flow.waitFor(() -> flow.text("#receiptText").contains(".pdf"));

        assertThat(station.store.all()).hasSize(1);
        MemoryStore.Stored stored = station.store.all().values().iterator().next();
        assertThat(stored.status()).isEqualTo(RecordStatus.WAITING_APPROVAL);
        var r = stored.record();
        assertThat(r.demographics().nik().value()).isEqualTo(Flow.NIK);
        assertThat(r.demographics().fullName()).isEqualTo("BUDI SANTOSO");
        assertThat(r.demographics().address().villageCode()).isEqualTo("32.76.01.1002");
        assertThat(r.demographics().address().districtName()).isEqualTo("PANCORAN MAS");
        assertThat(r.fingerprints()).hasSize(10);
        FingerprintCapture little = r.finger(FingerPosition.LEFT_LITTLE);
        assertThat(little.exceptionReason()).contains(FingerException.BANDAGED);
        assertThat(r.finger(FingerPosition.RIGHT_INDEX).quality()).isEqualTo(30);
        assertThat(r.photo().provenance().device().deviceId()).isEqualTo("TEST-CAM");
        assertThat(r.photo().provenance().operatorId()).isEqualTo("spv1");
        assertThat(r.finger(FingerPosition.RIGHT_THUMB).provenance().device().deviceId()).isEqualTo("TEST-R30X");
        assertThat(r.signature().strokesJson()).contains("\"points\"");
        assertThat(r.stationId()).isEqualTo("TEST-3276010-01");
        Path receipt = dir.resolve("receipts").resolve(r.id().value() + ".pdf");
        assertThat(new String(Files.readAllBytes(receipt), 0, 5)).isEqualTo("%PDF-");
        assertThat(station.store.load()).as("draft cleared after commit").isEmpty();
    }
}
