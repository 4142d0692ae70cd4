package id.rekam.devices.fingerprint;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class FingerprintQualityTest {

    @Test
    void washedOutPrintScoresLowerThanTheOriginal() {
        SyntheticSet set = SyntheticSet.get();
        GrayImage good = set.images[0][0];
        byte[] faint = good.pixels().clone();
        for (int i = 0; i < faint.length; i++) {
            // a quarter of the contrast, as from a dry finger on a dirty prism
            faint[i] = (byte) (180 + ((faint[i] & 0xFF) - 180) / 4);
        }
        int minutiae = set.extracted[0][0].quality().minutiae();
        QualityReport original = FingerprintQuality.assess(good, minutiae);
        QualityReport washed = FingerprintQuality.assess(new GrayImage(256, 288, faint, 500), minutiae);

        assertThat(original.score()).isGreaterThan(washed.score() + 15);
        assertThat(washed.coverage()).isLessThan(original.coverage());
    }

    @Test
    void noiseHasRidgeContrastButNoClarity() {
        byte[] noise = new byte[256 * 288];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) random.nextInt(256);
        }
        QualityReport report = FingerprintQuality.assess(new GrayImage(256, 288, noise, 500), 0);
        assertThat(report.coverage()).isEqualTo(1.0);
        assertThat(report.clarity()).isLessThan(0.2);
        assertThat(report.score()).isLessThan(15);
    }

    @Test
    void partialPrintIsPenalisedByCoverage() {
        SyntheticSet set = SyntheticSet.get();
        GrayImage good = set.images[1][0];
        byte[] half = good.pixels().clone();
        for (int i = half.length / 2; i < half.length; i++) {
            half[i] = (byte) 225;
        }
        int minutiae = set.extracted[1][0].quality().minutiae();
        QualityReport full = FingerprintQuality.assess(good, minutiae);
        QualityReport partial = FingerprintQuality.assess(new GrayImage(256, 288, half, 500), minutiae);
        assertThat(partial.coverage()).isLessThan(full.coverage() * 0.6);
        assertThat(partial.score()).isLessThan(full.score());
    }
}
