package id.rekam.server.dedup;

import com.machinezoo.sourceafis.FingerprintMatcher;
import com.machinezoo.sourceafis.FingerprintTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Deserialised SourceAFIS templates of every accepted record, by finger position. Kept in
 * memory because loading a template costs ~0.2 ms and a search touches all of them; a
 * probe is only compared with the same finger position, which divides the work by ten.
 */
public final class FingerprintIndex {

    public record Entry(String packetId, FingerprintTemplate template) {
    }

    public record Hit(String packetId, int position, double score) {
    }

    private final Map<Integer, List<Entry>> byPosition = new HashMap<>();
    private int size;

    public synchronized void add(String packetId, int position, FingerprintTemplate template) {
        byPosition.computeIfAbsent(position, p -> new ArrayList<>()).add(new Entry(packetId, template));
        size++;
    }

    public synchronized int size() {
        return size;
    }

    /** Every stored template at this position scoring at least {@code threshold} against the probe. */
    public synchronized List<Hit> search(int position, FingerprintTemplate probe, double threshold) {
        List<Hit> hits = new ArrayList<>();
        List<Entry> candidates = byPosition.getOrDefault(position, List.of());
        if (candidates.isEmpty()) {
            return hits;
        }
        FingerprintMatcher matcher = new FingerprintMatcher(probe);
        for (Entry e : candidates) {
            double score = matcher.match(e.template());
            if (score >= threshold) {
                hits.add(new Hit(e.packetId(), position, score));
            }
        }
        return hits;
    }
}
