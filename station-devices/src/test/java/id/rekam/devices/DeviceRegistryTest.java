package id.rekam.devices;

import id.rekam.core.domain.DeviceRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeviceRegistryTest {

    private static final DeviceIdentity SCANNER = new DeviceIdentity(DeviceKind.FINGERPRINT_SCANNER,
            "r30x|/dev/ttyUSB0|addr=FFFFFFFF|sysid=0000|lib=1000|sec=3|pkt=128|baud=57600", "R30x-compatible (ZFM UART)", "", false);

    @TempDir
    Path dir;

    @Test
    void sameIdentityGetsTheSameIdEvenWithoutTheFile() {
        DeviceRef a = DeviceRegistry.inMemory("Kec. Tanara").identify(SCANNER);
        DeviceRef b = DeviceRegistry.inMemory("Kec. Tanara").identify(SCANNER);
        assertThat(a).isEqualTo(b);
        assertThat(a.deviceId()).matches("fps-[0-9a-f]{10}");
        assertThat(a.kind()).isEqualTo("fingerprint-scanner");
        assertThat(a.simulated()).isFalse();
    }

    @Test
    void simulatedDevicesSayItInTheirId() {
        DeviceRef sim = DeviceRegistry.inMemory("").identify(new DeviceIdentity(DeviceKind.CAMERA, "camera|sim|1",
                "SIMULATED camera 1", "", true));
        assertThat(sim.deviceId()).startsWith("cam-sim-");
        assertThat(sim.simulated()).isTrue();
    }

    @Test
    void technicianAssignmentPersistsAndIdsStayUnique() {
        Path file = dir.resolve("sub/devices.json");
        DeviceRegistry registry = DeviceRegistry.open(file, "Kec. Tanara");
        DeviceRef own = registry.identify(SCANNER);
        DeviceRef other = registry.identify(new DeviceIdentity(DeviceKind.FINGERPRINT_SCANNER, "r30x|/dev/ttyUSB1|x", "R30x", "", false));
        DeviceRef borrowed = registry.assign(other.deviceId(), "fps-kronjo-2", "Kec. Kronjo");
        assertThat(borrowed.ownerOffice()).isEqualTo("Kec. Kronjo");
        assertThatThrownBy(() -> registry.assign(own.deviceId(), "fps-kronjo-2", null)).hasMessageContaining("already in use");
        assertThatThrownBy(() -> registry.assign("nope", null, "x")).hasMessageContaining("unknown device");

        DeviceRegistry reopened = DeviceRegistry.open(file, "somewhere else");
        assertThat(reopened.identify(SCANNER)).isEqualTo(own);
        assertThat(reopened.entries()).hasSize(2);
        assertThat(reopened.identify(new DeviceIdentity(DeviceKind.FINGERPRINT_SCANNER, "r30x|/dev/ttyUSB1|x", "R30x", "", false)))
                .isEqualTo(borrowed);
    }
}
