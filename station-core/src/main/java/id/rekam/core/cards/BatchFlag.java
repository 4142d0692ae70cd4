package id.rekam.core.cards;

import java.time.Instant;
import java.util.List;

/** A batch refused at receipt because its declared count and its list of serials disagree. */
public record BatchFlag(String batchId, int declaredCount, int listedCount, List<String> duplicateSerials,
                        String receivedBy, String witnessedBy, Instant flaggedAt) {
}
