package id.rekam.app.photo;

import id.rekam.app.enroll.PhotoBackground;
import id.rekam.app.testing.PaintedCamera;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

class PhotoQualityTest {

    static BufferedImage portrait(Color backdrop, int darken) {
        PaintedCamera cam = new PaintedCamera(backdrop, 1000);
        cam.darken(darken);
        return PhotoQuality.crop34(cam.grab());
    }

    @Test
    void cropIsPortraitThreeByFour() {
        BufferedImage crop = portrait(new Color(31, 95, 191), 0);
        assertThat(crop.getWidth() * 4).isEqualTo(crop.getHeight() * 3);
    }

    @Test
    void wellLitPortraitOnTheRequiredBlueIsAccepted() {
        var v = PhotoQuality.judge(portrait(new Color(31, 95, 191), 0), PhotoBackground.BLUE);
        assertThat(v.problems()).isEmpty();
        assertThat(v.background()).isEqualTo(PhotoBackground.BLUE);
    }

    @Test
    void redBackgroundForAnEvenBirthYearIsRejected() {
        var v = PhotoQuality.judge(portrait(new Color(198, 40, 40), 0), PhotoBackground.BLUE);
        assertThat(v.problems()).containsExactly(PhotoQuality.Problem.WRONG_BACKGROUND);
        assertThat(v.background()).isEqualTo(PhotoBackground.RED);
    }

    @Test
    void darkAndBrightAndBlurredAreToldApart() {
        assertThat(PhotoQuality.judge(portrait(new Color(31, 95, 191), 150), null).problems())
                .contains(PhotoQuality.Problem.TOO_DARK);
        BufferedImage white = new BufferedImage(300, 400, BufferedImage.TYPE_INT_RGB);
        var g = white.getGraphics();
        g.setColor(new Color(250, 250, 250));
        g.fillRect(0, 0, 300, 400);
        assertThat(PhotoQuality.judge(white, null).problems())
                .containsExactly(PhotoQuality.Problem.TOO_BRIGHT, PhotoQuality.Problem.BLURRED);
    }
}
