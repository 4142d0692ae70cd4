package id.rekam.app.ui;

import id.rekam.app.AppConfig;
import id.rekam.app.testing.Flow;
import id.rekam.app.testing.TestStation;
import id.rekam.core.store.StationStore;
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
 * The first run cannot go wrong: a station nobody has set up opens in the set-up wizard (header
 * and footer both say it is not set up); where a store is created at the unlock screen, the
 * passphrase is typed twice and must pass core's passphrase rule (the store's own), and nothing is
 * created before.
 */
@ExtendWith(ApplicationExtension.class)
class FirstRunTest {

    @TempDir
    Path dir;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void anUnprovisionedStationOpensInTheWizardAndSaysSoTopAndBottom(FxRobot robot) {
        Path data = dir.resolve("fresh");
        robot.interact(() -> TestStation.unregistered(data).show(stage));
        Flow flow = new Flow(robot);
        Flow.waitFor(() -> flow.visible("#provSubmit"));
        assertThat(flow.visible("#passphrase")).as("no unlock screen that would make a store").isFalse();
        assertThat(flow.visible("#provBack")).as("nowhere to go back to").isFalse();
        assertThat(flow.text("#officeLabel")).isEqualTo("Stasiun belum disiapkan");
        assertThat(flow.text("#stationLabel")).isEqualTo("Stasiun belum terdaftar");
        robot.type(KeyCode.ESCAPE);
        assertThat(flow.visible("#provSubmit")).as("Esc does not leave the only screen there is").isTrue();
        flow.screenshot("40-first-run-wizard");
        assertThat(data.resolve(StationStore.DB_FILE)).doesNotExist();
    }

    @Test
    void creatingAStoreTakesTheSamePassphraseTwiceAndAStrongOne(FxRobot robot) {
        Path data = dir.resolve("configured");
        robot.interact(() -> new TestStation(data, AppConfig.ApprovalMode.END_OF_DAY, false).show(stage));
        Flow flow = new Flow(robot);
        Flow.waitFor(() -> flow.visible("#passphraseAgain"));
        assertThat(flow.text("#unlockTitle")).isEqualTo("Buat penyimpanan terenkripsi");
        // Seven characters and Enter used to make the store at once.
        flow.click("#passphrase").write("rahasia").type(KeyCode.ENTER);
        robot.write("rahasia").type(KeyCode.ENTER);
        Flow.waitFor(() -> flow.text("#unlockError").contains("minimal 12 karakter"));
        assertThat(data.resolve(StationStore.DB_FILE)).doesNotExist();
        robot.eraseText(10).write("aaaaaaaaaaaaaa").type(KeyCode.ENTER).write("aaaaaaaaaaaaaa").type(KeyCode.ENTER);
        Flow.waitFor(() -> flow.text("#unlockError").contains("karakter berbeda"));
        // Long and varied, but the store's estimate says guessable: the desk says so, as the store would.
        robot.eraseText(20).write("rekam-ktp-kantor").type(KeyCode.ENTER).write("rekam-ktp-kantor").type(KeyCode.ENTER);
        Flow.waitFor(() -> flow.text("#unlockError").contains("kata yang tidak umum"));
        assertThat(data.resolve(StationStore.DB_FILE)).doesNotExist();
        robot.eraseText(20).write("kopi-pagi-depok").type(KeyCode.ENTER).write("kopi-pagi-depak").type(KeyCode.ENTER);
        Flow.waitFor(() -> flow.text("#unlockError").contains("tidak sama"));
        assertThat(data.resolve(StationStore.DB_FILE)).doesNotExist();
        flow.screenshot("01b-create-store");
        robot.write("kopi-pagi-depok").type(KeyCode.ENTER);
        Flow.waitFor(60, () -> flow.visible("#operatorId"));
        assertThat(data.resolve(StationStore.DB_FILE)).exists();
        assertThat(flow.text("#stationLabel")).isEqualTo("Stasiun " + TestStation.STATION_ID);
    }
}
