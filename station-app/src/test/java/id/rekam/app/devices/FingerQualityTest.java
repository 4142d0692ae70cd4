package id.rekam.app.devices;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class FingerQualityTest {

    static final int W = 256;
    static final int H = 288;

    @Test
    void clearRidgesOverTheWholeSensorScoreHigh() {
        byte[] px = new byte[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double r = Math.hypot(x - W / 2.0, (y - H / 2.0) / 1.2);
                px[y * W + x] = (byte) (128 + 100 * Math.cos(2 * Math.PI * r / 9));
            }
        }
        assertThat(FingerQuality.score(px, W, H)).isGreaterThanOrEqualTo(60);
    }

    @Test
    void noiseHasNoRidgeOrientationAndScoresLow() {
        byte[] px = new byte[W * H];
        new Random(1).nextBytes(px);
        assertThat(FingerQuality.score(px, W, H)).isLessThan(30);
    }

    @Test
    void anEmptySensorScoresZeroAndAPartialPrintLess() {
        byte[] blank = new byte[W * H];
        java.util.Arrays.fill(blank, (byte) 220);
        assertThat(FingerQuality.score(blank, W, H)).isZero();

        byte[] partial = blank.clone();
        for (int y = 0; y < H / 4; y++) {
            for (int x = 0; x < W; x++) {
                partial[y * W + x] = (byte) (128 + 100 * Math.cos(2 * Math.PI * x / 9.0));
            }
        }
        assertThat(FingerQuality.score(partial, W, H)).isBetween(1, 50);
    }
}
