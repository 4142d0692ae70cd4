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
    void packThenUnpackIsWithinHalfALevel() {
        byte[] pattern = new TestPatternFingerImageSource().image(0);
        byte[] back = R30xImages.unpack(R30xImages.pack(pattern));
        for (int i = 0; i < pattern.length; i++) {
            assertThat(Math.abs((back[i] & 0xFF) - (pattern[i] & 0xFF))).isLessThanOrEqualTo(8);
        }
        byte[] levels = new byte[256 * 288];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = (byte) ((i % 16) * 17);
        }
        assertThat(R30xImages.unpack(R30xImages.pack(levels))).as("the 16 sensor levels survive exactly").isEqualTo(levels);
    }
}
