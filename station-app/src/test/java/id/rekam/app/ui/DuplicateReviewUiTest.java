package id.rekam.app.ui;

import id.rekam.app.AppConfig;
import id.rekam.app.testing.Flow;
import id.rekam.app.testing.SyntheticRecords;
import id.rekam.app.testing.TestStation;
import id.rekam.app.testing.Ui;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.Nik;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.store.StationStore;
import id.rekam.fixtures.DemoRecords;
import id.rekam.fixtures.DemoSeeder;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 at the desk, end to end: a person already recorded at this station comes back with
 * the fingers presented one place out of order and a new NIK. The review step runs the check off
 * the FX thread, lists the earlier record with its per-finger scores (which finger matched which),
 * and the record can only be saved to wait for a supervisor's review.
 */
@ExtendWith(ApplicationExtension.class)
class DuplicateReviewUiTest {

    static final String NEW_NIK = "3276011708900001";
    static final long PERSON = 41;

    @TempDir
    Path dir;
    TestStation station;
    EnrollmentRecord earlier;

    /** Off the FX thread: extracting twenty SIMULATED templates would stall the window's set-up. */
    @BeforeAll
    static void extractTemplates() {
        SyntheticRecords.PEOPLE.prints(PERSON, 0);
        SyntheticRecords.PEOPLE.prints(PERSON, 1);
    }

    @Start
    void start(Stage stage) {
        // The person's first recording, on the station before this session unlocks it.
        try (StationStore store = StationStore.initialise(dir, TestStation.PASSPHRASE.toCharArray(),
                TestStation.STATION_ID, TestStation.fastStore())) {
            DemoSeeder.seed(store, "32.76.01.1008");
            earlier = SyntheticRecords.person(new DemoRecords(90, "32.76.01.1008", TestStation.STATION_ID).next(),
                    DemoSeeder.OPERATOR, PERSON, 0);
            store.saveEnrollment(earlier);
        }
        station = new TestStation(dir, AppConfig.ApprovalMode.END_OF_DAY, true, false).show(stage);
    }

    @Test
    void fingersPresentedOutOfOrderAreCaughtShownFingerByFingerAndTheRecordWaitsForReview(FxRobot robot) {
        Flow flow = new Flow(robot);
        flow.unlockDemo();
        flow.logIn(DemoSeeder.OPERATOR, DemoSeeder.OPERATOR_PASSWORD);
        robot.type(KeyCode.F2);
        Flow.waitFor(() -> flow.visible("#nik"));
        flow.typeBiodata(NEW_NIK, "Budi Santoso", "17-08-1990");
        // The same person, presenting each finger where the one before it belongs.
        station.scanner.syntheticPerson(SyntheticRecords.PEOPLE, PERSON, 1, true);
        flow.photoTenFingersAndSignature();
        flow.ctrl(KeyCode.S);

        Flow.waitFor(120, () -> flow.visible("#reviewLater"));
        assertThat(flow.text("#duplicateVerdict")).contains("perlu ditinjau supervisor").contains("posisi jari");
        List<String> lines = Ui.onFx(() -> ((VBox) robot.lookup("#duplicateCandidates").query()).getChildren()
                .stream().map(n -> ((Labeled) n).getText()).toList());
        // The earlier record by name, and finger by finger which print matched which, with its score.
        assertThat(lines).singleElement().asString().contains(earlier.demographics().fullName())
                .contains("hanya di posisi jari lain").contains("Telunjuk kanan \u2194 Ibu jari kanan");
        assertThat(flow.text("#checkText")).contains("1 rekaman");
        flow.screenshot("10b-review-needs-review");

        flow.click("#reviewLater");
        Flow.waitFor(() -> flow.visible("#commitDone"));
        assertThat(flow.text("#commitDone")).contains("Menunggu tinjauan supervisor");
        var saved = station.store().findByNik(Nik.of(NEW_NIK));
        assertThat(saved).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo(OutboxState.CAPTURED);
            assertThat(station.store().captures().awaitingReview(s.id())).isTrue();
        });
    }
}
