package id.rekam.core.cards;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Cards still with the office after {@code days} days, per kelurahan and per holder. */
public record NotHandedOverReport(int days, Instant asOf, List<Group> byVillage, List<Group> byHolder) {

    /** Key for cards whose owner's kelurahan is not known on this station. */
    public static final String UNKNOWN = "-";
    /** Key for cards lying in the office stock, not assigned to anyone. */
    public static final String STOCK = "STOCK";

    public record Group(String key, int count, List<String> serials, Instant oldestArrival) {
    }

    public int total() {
        return byVillage.stream().mapToInt(Group::count).sum();
    }

    static String holderKey(Card c) {
        return c.holderKind() == null ? STOCK : c.holderKind().name() + ":" + c.holder();
    }

    static List<Group> group(List<Card> cards, Function<Card, String> key) {
        Map<String, List<Card>> groups = new TreeMap<>();
        for (Card c : cards) {
            groups.computeIfAbsent(key.apply(c), k -> new ArrayList<>()).add(c);
        }
        List<Group> out = new ArrayList<>();
        groups.forEach((k, list) -> out.add(new Group(k, list.size(),
                list.stream().map(Card::serial).sorted().toList(),
                list.stream().map(Card::receivedAt).min(Instant::compareTo).orElseThrow())));
        return out;
    }
}
