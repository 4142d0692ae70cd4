package id.rekam.devices.scanner;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class R30xImagesTest {

    @Test
    void highNibbleIsTheLeftPixelAndLevelsStretchToFullRange() {
        byte[] packed = new byte[R30xImages.PACKED_SIZE];
        packed[0] = (byte) 0xF0;
        packed[1] = (byte) 0x08;
        byte[] gray = R30xImages.unpack(packed);
        assertThat(gray).hasSize(256 * 288);
        assertThat(gray[0] & 0xFF).isEqualTo(255);
        assertThat(gray[1] & 0xFF).isZero();
        assertThat(gray[2] & 0xFF).isZero();
        assertThat(gray[3] & 0xFF).isEqualTo(8 * 17);
    }

    @Test
    void packThenUnpackKeepsTheTopFourBits() {
        byte[] pattern = new TestPatternFingerImageSource().image(0);
        byte[] back = R30xImages.unpack(R30xImages.pack(pattern));
        for (int i = 0; i < pattern.length; i++) {
            assertThat((back[i] & 0xF0)).isEqualTo(pattern[i] & 0xF0);
        }
    }
}
