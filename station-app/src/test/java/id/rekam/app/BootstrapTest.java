package id.rekam.app;

import id.rekam.app.adapters.provisioning.StationSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The station's own wiring, without the demo module (as installed: station-demo is not on this class path). */
class BootstrapTest {

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty("rekam.dataDir");
    }

    @Test
    void demoModeIsNotPartOfTheStationItself() {
        assertThat(DemoMode.find()).isEmpty();
        assertThatThrownBy(() -> Bootstrap.config(List.of("--demo")))
                .isInstanceOf(IllegalStateException.class).hasMessage(Bootstrap.NO_DEMO);
    }

    @Test
    void aProvisionedStationIsWhatItsSettingsSay() {
        StationSettings.write(dir, Map.of(StationSettings.STATION_ID, "ST-327602-0003",
                StationSettings.DISTRICT, "32.76.02", StationSettings.OFFICE, "Kecamatan Beji, Kota Depok"));
        System.setProperty("rekam.dataDir", dir.toString());
        AppConfig config = Bootstrap.config(List.of());
        assertThat(config.demo()).isFalse();
        assertThat(config.demoPassphrase()).isNull();
        assertThat(config.demoLogins()).isNull();
        assertThat(config.stationId()).isEqualTo("ST-327602-0003");
        assertThat(config.districtCode()).isEqualTo("32.76.02");
        assertThat(config.officeName()).isEqualTo("Kecamatan Beji, Kota Depok");
        assertThat(config.dataDir()).isEqualTo(dir);
    }
}
