package id.rekam.server.dedup;

import com.machinezoo.sourceafis.FingerprintMatcher;
import com.machinezoo.sourceafis.FingerprintTemplate;
import id.rekam.server.store.Database;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The evidence of a duplicate verdict: the new record's fingers scored against the earlier
 * record's, position by position (protocol §6, {@code fingers}). Given for NIK matches too: there
 * the scores tell a person recorded twice from two people sharing one NIK. Ten comparisons per
 * duplicate; the earlier record's templates come from the durable table, not the index.
 */
final class FingerComparison {

    private final Database db;

    FingerComparison(Database db) {
        this.db = db;
    }

    /** One entry per finger position both records have a usable template for, ascending by position. */
    List<Map<String, Object>> against(String otherPacketId, Map<Integer, FingerprintTemplate> probes, double threshold) {
        Map<Integer, byte[]> theirs = new HashMap<>();
        db.query("SELECT position, template FROM templates WHERE packet_id=?", rs -> {
            theirs.put(rs.getInt(1), rs.getBytes(2));
            return null;
        }, otherPacketId);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<Integer, FingerprintTemplate> probe : new TreeMap<>(probes).entrySet()) {
            byte[] candidate = theirs.get(probe.getKey());
            if (candidate == null) {
                continue;
            }
            double score = new FingerprintMatcher(probe.getValue()).match(new FingerprintTemplate(candidate));
            Map<String, Object> finger = new LinkedHashMap<>();
            finger.put("position", probe.getKey());
            finger.put("score", Math.round(score * 10) / 10.0);
            finger.put("matched", score >= threshold);
            out.add(finger);
        }
        return out;
    }
}
