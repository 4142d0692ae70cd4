package id.rekam.core.cards;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A completed destruction: what the berita acara pemusnahan is printed from. */
public record DestructionRecord(String id, String number, LocalDate date, String place, String method, String office,
                                String region, Official officer, List<Witness> witnesses,
                                Map<DestructionCategory, Integer> counts, List<Item> items, Instant createdAt,
                                String createdBy) {

    public record Item(String serial, DestructionCategory category) {
    }

    public int total() {
        return items.size();
    }
}
