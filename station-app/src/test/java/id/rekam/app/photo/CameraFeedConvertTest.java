package id.rekam.app.photo;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

class CameraFeedConvertTest {

    private static BufferedImage quadrants(int type) {
        BufferedImage img = new BufferedImage(640, 480, type);
        var g = img.createGraphics();
        g.setColor(new Color(0x10, 0x20, 0x30));
        g.fillRect(0, 0, 320, 240);
        g.setColor(new Color(0xC8, 0x24, 0x2B));
        g.fillRect(320, 0, 320, 240);
        g.setColor(new Color(0x1E, 0x4F, 0xC8));
        g.fillRect(0, 240, 640, 240);
        g.dispose();
        return img;
    }

    @Test
    void scalesToThePreviewBoxKeepingTheRatioAndMakesEveryPixelOpaque() {
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR}) {
            CameraFeed.Frame f = CameraFeed.convert(quadrants(type), null, 480, 400);
            assertThat(f.width()).isEqualTo(480);
            assertThat(f.height()).isEqualTo(360);
            assertThat(f.argb()).hasSize(480 * 360);
            assertThat(f.argb()[0]).isEqualTo(0xFF102030);
            assertThat(f.argb()[479]).isEqualTo(0xFFC8242B);
            assertThat(f.argb()[359 * 480 + 10]).isEqualTo(0xFF1E4FC8);
        }
    }

    @Test
    void reusesTheArrayOfASkippedFrameOfTheSameSize() {
        CameraFeed.Frame first = CameraFeed.convert(quadrants(BufferedImage.TYPE_INT_RGB), null, 480, 360);
        CameraFeed.Frame second = CameraFeed.convert(quadrants(BufferedImage.TYPE_INT_RGB), first, 480, 360);
        assertThat(second.argb()).isSameAs(first.argb());
        CameraFeed.Frame full = CameraFeed.convert(quadrants(BufferedImage.TYPE_INT_RGB), first, 0, 0);
        assertThat(full.width()).isEqualTo(640);
        assertThat(full.argb()).isNotSameAs(first.argb());
    }
}
