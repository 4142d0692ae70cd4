package id.rekam.app.adapters.matching;

import com.machinezoo.sourceafis.FingerprintTemplate;
import id.rekam.app.ports.FingerprintMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SourceAFIS 1:1 comparison of serialized templates. A score of 40 is about a 0.01% false
 * match rate (SourceAFIS documentation).
 */
public final class SourceAfisMatcher implements FingerprintMatcher {

    static final double THRESHOLD = 40;

    private static final Logger LOG = LoggerFactory.getLogger(SourceAfisMatcher.class);
    private final java.util.concurrent.atomic.AtomicBoolean warned = new java.util.concurrent.atomic.AtomicBoolean();

    /** A template SourceAFIS cannot read cannot match anything: it scores 0 (and is logged, without data). */
    @Override
    public double score(byte[] probeTemplate, byte[] candidateTemplate) {
        FingerprintTemplate probe;
        FingerprintTemplate candidate;
        try {
            probe = new FingerprintTemplate(probeTemplate);
            candidate = new FingerprintTemplate(candidateTemplate);
        } catch (RuntimeException e) {
            if (warned.compareAndSet(false, true)) {
                LOG.warn("unreadable fingerprint template(s) skipped in the local duplicate check "
                        + "(demo records carry random bytes as templates): {}", e.toString());
            }
            return 0;
        }
        return new com.machinezoo.sourceafis.FingerprintMatcher(probe).match(candidate);
    }

    @Override
    public double threshold() {
        return THRESHOLD;
    }
}
