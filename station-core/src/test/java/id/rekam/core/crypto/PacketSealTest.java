package id.rekam.core.crypto;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PacketSealTest {

    private final byte[][] server = PacketSeal.newServerKeyPair();
    private final byte[] packet = "RKPKT\u0001 stand-in for a packet body".getBytes(StandardCharsets.UTF_8);

    private byte[] sealed(String packetId, byte[] serverPublic) {
        byte[] k = PacketSeal.newContentKey();
        return PacketSeal.join(PacketSeal.header(packetId, k, serverPublic), PacketSeal.sealBody(k, packetId, packet));
    }

    @Test
    void onlyTheServerKeyOpensWhatWasSealedToIt() throws Exception {
        byte[] s = sealed("p-1", server[1]);
        assertThat(PacketSeal.isSealed(s)).isTrue();
        assertThat(s.length).isEqualTo(PacketSeal.HEADER + Aead.OVERHEAD + packet.length);
        assertThat(PacketSeal.open(s, "p-1", server[0], server[1])).isEqualTo(packet);
        // The bytes carry nothing of the packet in clear.
        assertThat(new String(s, StandardCharsets.ISO_8859_1)).doesNotContain("stand-in");

        byte[][] other = PacketSeal.newServerKeyPair();
        assertThatThrownBy(() -> PacketSeal.open(s, "p-1", other[0], other[1]))
                .isInstanceOf(PacketSeal.Unopenable.class).hasMessageContaining("another server key");
    }

    @Test
    void anotherPacketIdOrAnyChangedByteDoesNotOpen() {
        byte[] s = sealed("p-1", server[1]);
        assertThatThrownBy(() -> PacketSeal.open(s, "p-2", server[0], server[1]))
                .isInstanceOf(PacketSeal.Unopenable.class);
        for (int at : new int[] {20, PacketSeal.HEADER - 1, PacketSeal.HEADER + 20, s.length - 1}) {
            byte[] t = Arrays.copyOf(s, s.length);
            t[at] ^= 1;
            assertThatThrownBy(() -> PacketSeal.open(t, "p-1", server[0], server[1]))
                    .isInstanceOf(PacketSeal.Unopenable.class);
        }
        assertThatThrownBy(() -> PacketSeal.open(packet, "p-1", server[0], server[1]))
                .isInstanceOf(PacketSeal.Unopenable.class).hasMessageContaining("magic");
    }
}
