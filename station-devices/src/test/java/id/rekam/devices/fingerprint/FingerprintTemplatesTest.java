package id.rekam.devices.fingerprint;

import com.machinezoo.sourceafis.FingerprintTemplate;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FingerprintTemplatesTest {

    private final FingerprintTemplates templates = new FingerprintTemplates();

    @Test
    void serializedTemplateRoundTripsAndMatchesTheSame() {
        SyntheticSet set = SyntheticSet.get();
        ExtractedFingerprint e = set.extracted[2][0];
        FingerprintTemplate restored = templates.deserialize(e.serialized());

        assertThat(e.serialized()).isEqualTo(templates.serialize(e.template()));
        assertThat(templates.serialize(restored)).isEqualTo(e.serialized());
        assertThat(e.serialized().length).isBetween(100, 4000);
        FingerprintMatcher matcher = new FingerprintMatcher();
        assertThat(matcher.score(set.template(2, 1), restored)).isEqualTo(matcher.score(set.template(2, 1), e.template()));
    }

    @Test
    void minutiaeCountComesFromTheTemplate() {
        SyntheticSet set = SyntheticSet.get();
        ExtractedFingerprint e = set.extracted[1][1];
        assertThat(templates.minutiaeCount(e.template())).isEqualTo(e.quality().minutiae()).isGreaterThan(10);
    }

    @Test
    void rejectsBytesThatAreNoTemplate() {
        byte[] junk = new byte[64];
        Arrays.fill(junk, (byte) 7);
        assertThatThrownBy(() -> templates.deserialize(junk)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blankImageHasNoMinutiaeAndZeroQuality() {
        byte[] white = new byte[256 * 288];
        Arrays.fill(white, (byte) 230);
        ExtractedFingerprint e = templates.extractWithQuality(new GrayImage(256, 288, white, 500));
        assertThat(e.quality().minutiae()).isZero();
        assertThat(e.quality().score()).isZero();
        assertThat(e.quality().coverage()).isZero();
    }
}
