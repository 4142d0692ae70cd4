package id.rekam.core.packet;

import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.FingerPosition;
import id.rekam.fixtures.DemoRecords;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnrollmentPacketsTest {

    private final EnrollmentPackets packets = new EnrollmentPackets();
    private final PacketCodec codec = new PacketCodec();

    @Test
    void roundTripsEveryFieldAndIsCanonical() throws Exception {
        EnrollmentRecord record = new DemoRecords(7, "32.76.01.1001", "ST-1").next();
        Packet packet = packets.toPacket(record);
        Packet again = packets.toPacket(record);
        assertThat(again.body()).isEqualTo(packet.body());
        assertThat(again.sha256()).isEqualTo(packet.sha256());

        Packet decoded = codec.decode(packet.body());
        EnrollmentRecord back = packets.fromPacket(decoded);
        assertThat(back.id()).isEqualTo(record.id());
        assertThat(back.demographics()).isEqualTo(record.demographics());
        assertThat(back.photo().jpeg()).isEqualTo(record.photo().jpeg());
        assertThat(back.photo().provenance()).isEqualTo(record.photo().provenance());
        for (FingerPosition p : FingerPosition.values()) {
            assertThat(back.finger(p).template()).isEqualTo(record.finger(p).template());
            assertThat(back.finger(p).exception()).isEqualTo(record.finger(p).exception());
            assertThat(back.finger(p).provenance()).isEqualTo(record.finger(p).provenance());
        }
        assertThat(back.signature().png()).isEqualTo(record.signature().png());
        assertThat(back.createdAt()).isEqualTo(record.createdAt());
    }

    @Test
    void rejectsTamperedTruncatedAndForeignBodies() {
        Packet packet = packets.toPacket(new DemoRecords(8, "32.76.01.1001", "ST-1").next());
        byte[] tampered = packet.body().clone();
        tampered[tampered.length - 10] ^= 1;
        assertThatThrownBy(() -> codec.decode(tampered)).isInstanceOf(PacketFormatException.class)
                .hasMessageContaining("SHA-256");
        byte[] truncated = Arrays.copyOf(packet.body(), packet.body().length - 1);
        assertThatThrownBy(() -> codec.decode(truncated)).isInstanceOf(PacketFormatException.class)
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> codec.decode("<html>captive portal</html>".getBytes()))
                .isInstanceOf(PacketFormatException.class).hasMessageContaining("magic");
    }
}
