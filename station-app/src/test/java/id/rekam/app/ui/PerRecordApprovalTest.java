package id.rekam.app.ui;

import id.rekam.app.AppConfig;
import id.rekam.app.testing.Flow;
import id.rekam.app.testing.TestStation;
import id.rekam.fixtures.DemoSeeder;
import id.rekam.core.domain.Nik;
import id.rekam.core.outbox.OutboxState;
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

/** Per-record approval: an operator records, a supervisor approves at the same desk right after. */
@ExtendWith(ApplicationExtension.class)
class PerRecordApprovalTest {

    @TempDir
    Path dir;
    TestStation station;

    @Start
    void start(Stage stage) {
        station = new TestStation(dir, AppConfig.ApprovalMode.PER_RECORD, true, true).show(stage);
    }

    @Test
    void supervisorApprovesTheOperatorsRecordAtTheDesk(FxRobot robot) {
        Flow flow = new Flow(robot);
        flow.demoOperatorOpensNewEnrollment();
        flow.typeBiodata(Flow.NIK, "Rina Handayani", "17-08-1990");
        flow.photoTenFingersAndSignature();
        flow.ctrl(KeyCode.S);
        Flow.waitFor(() -> flow.visible("#approveBox"));
        assertThat(flow.text("#commitDone")).contains("Menunggu persetujuan");

        flow.click("#approverId").write(DemoSeeder.SUPERVISOR);
        flow.click("#approverPin").write(DemoSeeder.SUPERVISOR_PASSWORD);
        flow.click("#approveNow");
        Flow.waitFor(() -> !flow.visible("#approveBox"));
        assertThat(flow.text("#commitDone")).contains("Menunggu sinkron");
        var store = station.store();
        assertThat(store.findByNik(Nik.of(Flow.NIK))).singleElement()
                // Approval hands the packet to delivery at once (the sync service sends QUEUED packets).
                .satisfies(s -> assertThat(s.state()).isEqualTo(OutboxState.QUEUED));
    }
}
