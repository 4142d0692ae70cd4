package id.rekam.core.cards;

import com.machinezoo.sourceafis.FingerprintImage;
import com.machinezoo.sourceafis.FingerprintImageOptions;
import com.machinezoo.sourceafis.FingerprintMatcher;
import com.machinezoo.sourceafis.FingerprintTemplate;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.identification.DuplicatePolicy;

import java.util.Map;

/**
 * 1:1 verification of a live finger against one person's enrolled templates with SourceAFIS.
 * The probe is compared with each enrolled finger (the recipient may not know which finger
 * was enrolled best) and the best score counts; it matches by the one duplicate policy's
 * threshold ({@link DuplicatePolicy#matches}, 60: docs/design/identification.md and cards.md).
 */
public final class FingerprintVerifier {

    public record Result(boolean matched, double score, FingerPosition finger) {
    }

    /** Template of a scanned image (PNG/JPEG/BMP...), e.g. from a 500 dpi scanner. */
    public static byte[] templateFromImage(byte[] image, double dpi) {
        return new FingerprintTemplate(new FingerprintImage(image, new FingerprintImageOptions().dpi(dpi))).toByteArray();
    }

    /**
     * @throws CardException the probe is not a SourceAFIS template, or no enrolled finger has one
     */
    public Result verify(byte[] probeTemplate, Map<FingerPosition, byte[]> enrolled) {
        FingerprintTemplate probe;
        try {
            probe = new FingerprintTemplate(probeTemplate);
        } catch (RuntimeException e) {
            throw new CardException("handover.probeUnreadable");
        }
        FingerprintMatcher matcher = new FingerprintMatcher(probe);
        double best = 0;
        FingerPosition bestFinger = null;
        int readable = 0;
        for (Map.Entry<FingerPosition, byte[]> e : enrolled.entrySet()) {
            FingerprintTemplate candidate;
            try {
                candidate = new FingerprintTemplate(e.getValue());
            } catch (RuntimeException unreadable) {
                // A slot recorded by a device whose template format SourceAFIS cannot read: skip it.
                continue;
            }
            readable++;
            double score = matcher.match(candidate);
            if (bestFinger == null || score > best) {
                best = score;
                bestFinger = e.getKey();
            }
        }
        if (readable == 0) {
            throw new CardException("handover.noTemplates");
        }
        return new Result(DuplicatePolicy.DEFAULT.matches(best), best, bestFinger);
    }
}
