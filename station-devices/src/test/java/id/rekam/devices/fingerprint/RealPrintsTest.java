package id.rekam.devices.fingerprint;

import com.machinezoo.sourceafis.FingerprintTemplate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Real prints (SourceAFIS test images, Apache-2.0, 500 dpi) through rekam's own wrapper. */
class RealPrintsTest {

    private static final FingerprintTemplates TEMPLATES = new FingerprintTemplates();
    private static ExtractedFingerprint probe;
    private static ExtractedFingerprint matching;
    private static ExtractedFingerprint nonmatching;

    @BeforeAll
    static void capture() throws IOException {
        probe = TEMPLATES.extractWithQuality(load("probe.png"));
        matching = TEMPLATES.extractWithQuality(load("matching.png"));
        nonmatching = TEMPLATES.extractWithQuality(load("nonmatching.png"));
    }

    private static GrayImage load(String name) throws IOException {
        try (InputStream in = RealPrintsTest.class.getResourceAsStream("/fingerprints/" + name)) {
            return GrayImages.decode(in.readAllBytes(), 500);
        }
    }

    @Test
    void sameFingerScoresAboveThresholdAndOtherFingerBelow() {
        FingerprintMatcher matcher = new FingerprintMatcher();
        double same = matcher.score(probe.template(), matching.template());
        double other = matcher.score(probe.template(), nonmatching.template());

        assertThat(same).isGreaterThan(FingerprintMatcher.DEFAULT_THRESHOLD);
        assertThat(other).isLessThan(FingerprintMatcher.DEFAULT_THRESHOLD);
        assertThat(matcher.matches(probe.template(), matching.template())).isTrue();
        assertThat(matcher.matches(probe.template(), nonmatching.template())).isFalse();
    }

    @Test
    void storedTemplatesMatchLikeFreshOnes() {
        FingerprintTemplate restored = TEMPLATES.deserialize(matching.serialized());
        FingerprintMatcher matcher = new FingerprintMatcher();
        assertThat(matcher.score(probe.template(), restored))
                .isEqualTo(matcher.score(probe.template(), matching.template()));
    }

    @Test
    void realPrintsRateAsGoodQuality() {
        assertThat(probe.quality().minutiae()).isGreaterThan(20);
        assertThat(probe.quality().score()).isGreaterThanOrEqualTo(60);
        assertThat(matching.quality().score()).isGreaterThanOrEqualTo(60);
    }
}
