package id.rekam.app.core;

import com.machinezoo.sourceafis.FingerprintTemplate;
import id.rekam.app.service.FingerprintMatcher;

/**
 * SourceAFIS 1:1 comparison of serialized templates. A score of 40 is about a 0.01% false
 * match rate (SourceAFIS documentation).
 */
public final class SourceAfisMatcher implements FingerprintMatcher {

    static final double THRESHOLD = 40;

    @Override
    public double score(byte[] probeTemplate, byte[] candidateTemplate) {
        return new com.machinezoo.sourceafis.FingerprintMatcher(new FingerprintTemplate(probeTemplate))
                .match(new FingerprintTemplate(candidateTemplate));
    }

    @Override
    public double threshold() {
        return THRESHOLD;
    }
}
