package id.rekam.core.cards;

import java.util.List;
import java.util.Objects;

/** A delivery of printed cards as counted at the office door. */
public record BatchReceipt(String batchId, int declaredCount, List<BatchCard> cards, String receivedBy,
                           String witnessedBy) {

    public BatchReceipt {
        Objects.requireNonNull(batchId, "batchId");
        cards = List.copyOf(cards);
        Objects.requireNonNull(receivedBy, "receivedBy");
        Objects.requireNonNull(witnessedBy, "witnessedBy");
    }
}
