package id.rekam.server.dedup;

import com.machinezoo.sourceafis.FingerprintMatcher;
import com.machinezoo.sourceafis.FingerprintTemplate;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.identification.DuplicatePolicy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evidence of a duplicate verdict: the new record's fingers scored against the earlier
 * record's, position by position (protocol §6, {@code fingers}). Given for NIK matches too: there
 * the scores tell a person recorded twice from two people sharing one NIK. Ten comparisons per
 * duplicate; the earlier record's templates come from the durable table, not the index.
 */
final class FingerComparison {

    private final TemplatesTable table;

    FingerComparison(TemplatesTable table) {
        this.table = table;
    }

    /** One entry per finger position both records have a usable template for, ascending by position. */
    List<Map<String, Object>> against(String otherPacketId, Map<FingerPosition, byte[]> probes, DuplicatePolicy policy) {
        Map<FingerPosition, byte[]> theirs = table.templates(otherPacketId);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<FingerPosition, byte[]> probe : probes.entrySet()) {
            byte[] candidate = theirs.get(probe.getKey());
            if (candidate == null) {
                continue;
            }
            double score;
            try {
                score = new FingerprintMatcher(new FingerprintTemplate(probe.getValue()))
                        .match(new FingerprintTemplate(candidate));
            } catch (RuntimeException unreadable) {
                continue;
            }
            Map<String, Object> finger = new LinkedHashMap<>();
            finger.put("position", probe.getKey().isoCode());
            finger.put("score", VerdictFields.round(score));
            finger.put("matched", policy.matches(score));
            out.add(finger);
        }
        return out;
    }
}
