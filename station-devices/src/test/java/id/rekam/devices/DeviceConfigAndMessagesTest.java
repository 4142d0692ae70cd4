package id.rekam.devices;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeviceConfigAndMessagesTest {

    @Test
    void scannerDefaultsAndBaudRule() {
        DeviceConfig d = DeviceConfig.defaults();
        assertThat(d.scannerBaud()).isEqualTo(57600);
        assertThat(d.scannerAddress()).isEqualTo(0xFFFFFFFF);
        assertThat(d.scannerPassword()).isZero();
        assertThat(d.scannerPorts()).containsExactly("auto");
        assertThat(d.simulatedAllowed()).isFalse();
        assertThat(d.with("scanner.baud", "115200").scannerBaud()).isEqualTo(115200);
        assertThatThrownBy(() -> d.with("scanner.baud", "50000").scannerBaud()).hasMessageContaining("9600×N");
        assertThatThrownBy(() -> d.with("scanner.baud", String.valueOf(9600 * 13)).scannerBaud()).hasMessageContaining("N = 1..12");
        assertThat(DeviceConfig.of(Map.of("camera.driver", "simulated")).simulatedAllowed()).isTrue();
        assertThat(DeviceConfig.of(Map.of("demo", "true")).simulatedAllowed()).isTrue();
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws Exception {
        Properties id = load("/id/rekam/devices/messages.properties");
        Properties en = load("/id/rekam/devices/messages_en.properties");
        assertThat(id.stringPropertyNames()).isNotEmpty().isEqualTo(en.stringPropertyNames());
    }

    @Test
    void indonesianIsTheDefaultEvenOnAnEnglishJvm() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.US);
            assertThat(DeviceMessages.format(DeviceMessages.INDONESIAN, "camera.none")).isEqualTo("Tidak ada kamera");
            assertThat(DeviceMessages.format(Locale.ENGLISH, "camera.none")).isEqualTo("No camera");
        } finally {
            Locale.setDefault(before);
        }
    }

    private static Properties load(String resource) throws Exception {
        Properties p = new Properties();
        try (InputStream in = DeviceConfigAndMessagesTest.class.getResourceAsStream(resource)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
