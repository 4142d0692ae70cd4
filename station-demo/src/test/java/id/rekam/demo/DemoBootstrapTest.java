package id.rekam.demo;

import id.rekam.app.AppConfig;
import id.rekam.app.Bootstrap;
import id.rekam.app.DemoMode;
import id.rekam.app.StationServices;
import id.rekam.app.ports.OpenStore;
import id.rekam.fixtures.DemoSeeder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo module plugs into the station's Bootstrap through ServiceLoader, as the demo command runs it. */
class DemoBootstrapTest {

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty("rekam.dataDir");
    }

    @Test
    void demoFlagWiresTheDemoStationFromThisModule() throws Exception {
        assertThat(DemoMode.find()).get().isInstanceOf(DemoStation.class);
        Path data = dir.resolve("demo-data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("left-over"), "from the last demo");
        System.setProperty("rekam.dataDir", data.toString());

        AppConfig config = Bootstrap.config(List.of("--demo"));
        assertThat(config.demo()).isTrue();
        assertThat(config.stationId()).isEqualTo("ST-327601-0001");
        assertThat(config.districtCode()).isEqualTo("32.76.01");
        assertThat(config.demoPassphrase()).isEqualTo(DemoStation.PASSPHRASE);
        assertThat(config.demoLogins().operator()).isEqualTo(DemoSeeder.OPERATOR);

        StationServices services = Bootstrap.services(config);
        assertThat(data.resolve("left-over")).as("a demo starts from nothing").doesNotExist();
        assertThat(services.sync().configured()).as("the demo delivers to its own server").isTrue();
        assertThat(services.store().exists()).isFalse();
        try (OpenStore store = services.store().unlock(config.demoPassphrase().toCharArray())) {
            assertThat(store.stationId()).isEqualTo(config.stationId());
            assertThat(store.records().search("", 100)).hasSize(12);
            assertThat(store.operators().login(config.demoLogins().operator(),
                    config.demoLogins().operatorPassword().toCharArray())).isPresent();
        }
    }

    @Test
    void onlyADirectoryNamedForTheDemoIsWiped() throws Exception {
        Path data = dir.resolve("station");
        Files.createDirectories(data);
        Files.writeString(data.resolve("rekam.db"), "a real station's data");
        new DemoStation().freshStart(data);
        assertThat(data.resolve("rekam.db")).exists();
    }
}
