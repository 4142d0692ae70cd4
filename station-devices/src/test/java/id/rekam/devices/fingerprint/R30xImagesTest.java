package id.rekam.devices.fingerprint;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class R30xImagesTest {

    @Test
    void unpacksLeftPixelFromHighNibbleAndScalesBy17() {
        byte[] packed = new byte[R30xImages.PACKED_LENGTH];
        packed[0] = (byte) 0xF0;
        packed[1] = (byte) 0x1E;
        packed[R30xImages.PACKED_LENGTH - 1] = (byte) 0x8F;

        GrayImage image = R30xImages.unpack(packed);

        assertThat(image.width()).isEqualTo(256);
        assertThat(image.height()).isEqualTo(288);
        assertThat(image.dpi()).isEqualTo(500);
        assertThat(image.gray(0, 0)).isEqualTo(255);
        assertThat(image.gray(1, 0)).isEqualTo(0);
        assertThat(image.gray(2, 0)).isEqualTo(17);
        assertThat(image.gray(3, 0)).isEqualTo(14 * 17);
        assertThat(image.gray(254, 287)).isEqualTo(8 * 17);
        assertThat(image.gray(255, 287)).isEqualTo(255);
    }

    @Test
    void secondRowStartsAfter128Bytes() {
        byte[] packed = new byte[R30xImages.PACKED_LENGTH];
        packed[128] = (byte) 0xA0;
        assertThat(R30xImages.unpack(packed).gray(0, 1)).isEqualTo(10 * 17);
    }

    @Test
    void packIsTheInverseOfUnpackOnSixteenLevels() {
        byte[] packed = new byte[R30xImages.PACKED_LENGTH];
        for (int i = 0; i < packed.length; i++) {
            packed[i] = (byte) (i * 31 + (i >> 7));
        }
        assertThat(R30xImages.pack(R30xImages.unpack(packed))).isEqualTo(packed);
    }

    @Test
    void packRoundsToNearestLevel() {
        byte[] pixels = new byte[256 * 288];
        pixels[0] = (byte) 200;   // 200 / 17 = 11.76 -> 12
        pixels[1] = (byte) 8;     // 0.47 -> 0
        byte[] packed = R30xImages.pack(new GrayImage(256, 288, pixels, 500));
        assertThat(packed[0] & 0xFF).isEqualTo(0xC0);
    }

    @Test
    void rejectsWrongSizes() {
        assertThatThrownBy(() -> R30xImages.unpack(new byte[100])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> R30xImages.pack(new GrayImage(10, 10, new byte[100], 500)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
