package id.rekam.core.cards;

import id.rekam.core.domain.Nik;
import id.rekam.core.store.CardSeals;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.StoreTransaction;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Destruction of damaged and invalid cards (SE 470.13/11176/SJ): each card is registered with
 * its category (and becomes INVALID), then one witnessed destruction burns every registered
 * card at once (each becomes DESTROYED, for good) and yields the data of its berita acara.
 */
public final class DestructionRegister {

    static final String EVENT_REGISTERED = "card.destruction.registered";
    static final String EVENT_DESTROYED = "card.destruction";
    static final String AUDIT_REGISTERED = "CARD_DESTRUCTION_REGISTERED";
    static final String AUDIT_DESTROYED = "CARD_DESTRUCTION";
    static final String AUDIT_REPRINTED = "CARD_BERITA_ACARA_REPRINTED";

    private final StationStore store;

    public DestructionRegister(StationStore store) {
        this.store = store;
    }

    record Document(String office, String region, Official officer, List<Witness> witnesses) {
    }

    record RegisteredEvent(String serial, DestructionCategory category, Instant at) {
    }

    record DestroyedEvent(String destructionId, String number, LocalDate date, String place, String method,
                          Map<DestructionCategory, Integer> counts, List<DestructionRecord.Item> items,
                          List<Witness> witnesses) {
    }

    /**
     * Puts a card on the destruction list. A card the office holds moves to INVALID (a handed-over
     * card must first be returned); a serial never received here (an old card handed in, a
     * defective blank) is registered as INVALID with the owner's NIK where known.
     */
    public Card register(String serial, DestructionCategory category, Nik ownerOrNull, String actor) {
        String s = Serials.normalise(serial);
        String who = Serials.requireText(actor, "actor");
        if (category == null) {
            throw new CardException("input.required", "category");
        }
        return store.inTransaction(tx -> {
            CustodyPolicy.requireCustodian(who, tx.activeRole(who).orElse(null));
            return register(tx, s, category, ownerOrNull, who);
        });
    }

    /** {@link #register} inside the caller's transaction ({@code serial} normalised, {@code who} checked). */
    static Card register(StoreTransaction tx, String s, DestructionCategory category, Nik ownerOrNull, String who)
            throws SQLException {
        if (CardRegistry.exists(tx, "SELECT 1 FROM destruction_items WHERE serial = ?", s)) {
            throw new CardException("destruction.alreadyRegistered", s);
        }
        Optional<Card> known = CardRegistry.load(tx, s);
        Card card;
        if (known.isEmpty()) {
            card = CardRegistry.registerUnknownAsInvalid(tx, s, ownerOrNull, who, "destruction: " + category);
        } else if (known.get().state() == CardState.INVALID) {
            card = known.get();
        } else {
            card = CardRegistry.move(tx, known.get(), CardState.INVALID, null, null, who,
                    "destruction: " + category);
        }
        try (PreparedStatement p = tx.connection().prepareStatement("INSERT INTO destruction_items "
                + "(serial, category, registered_by, registered_at) VALUES (?,?,?,?)")) {
            p.setString(1, s);
            p.setString(2, category.name());
            p.setString(3, who);
            p.setLong(4, tx.clock().millis());
            p.executeUpdate();
        }
        tx.event(EVENT_REGISTERED, CardJson.write(new RegisteredEvent(s, category, tx.clock().instant())), who);
        tx.audit(who, AUDIT_REGISTERED, s, Map.of("category", category.name()));
        return card;
    }

    /** Registered, not yet destroyed, in registration order. */
    public List<DestructionRecord.Item> pending() {
        return store.read(DestructionRegister::pending);
    }

    private static List<DestructionRecord.Item> pending(StoreTransaction tx) throws SQLException {
        List<DestructionRecord.Item> out = new ArrayList<>();
        try (PreparedStatement p = tx.connection().prepareStatement("SELECT serial, category FROM destruction_items "
                + "WHERE destruction_id IS NULL ORDER BY registered_at, serial");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                out.add(new DestructionRecord.Item(rs.getString(1), DestructionCategory.valueOf(rs.getString(2))));
            }
        }
        return out;
    }

    /**
     * Destroys every registered card in one witnessed event.
     *
     * @throws CardException no witness, no witness from another body, missing fields, duplicate
     *                       document number, nothing registered; nothing is written then
     */
    public DestructionRecord destroy(DestructionPlan plan, String actor) {
        String who = Serials.requireText(actor, "actor");
        String number = Serials.requireText(plan.number(), "number");
        String place = Serials.requireText(plan.place(), "place");
        String office = Serials.requireText(plan.office(), "office");
        String region = Serials.requireText(plan.region(), "region");
        if (plan.date() == null) {
            throw new CardException("input.required", "date");
        }
        if (!DestructionPlan.BURNING.equals(plan.method())) {
            throw new CardException("destruction.methodBurning", plan.method());
        }
        if (plan.officer() == null) {
            throw new CardException("input.required", "officer");
        }
        Serials.requireText(plan.officer().name(), "officer");
        if (plan.witnesses().isEmpty()) {
            throw new CardException("destruction.noWitness");
        }
        boolean outside = false;
        for (Witness w : plan.witnesses()) {
            Serials.requireText(w.name(), "witness.name");
            String body = Serials.requireText(w.office(), "witness.office");
            outside |= !body.equalsIgnoreCase(office);
        }
        if (!outside) {
            throw new CardException("destruction.noOutsideWitness", office);
        }
        String id = UUID.randomUUID().toString();
        return store.inTransaction(tx -> {
            CustodyPolicy.requireCustodian(who, tx.activeRole(who).orElse(null));
            if (CardRegistry.exists(tx, "SELECT 1 FROM destructions WHERE number = ?", number)) {
                throw new CardException("destruction.duplicateNumber", number);
            }
            List<DestructionRecord.Item> items = pending(tx);
            if (items.isEmpty()) {
                throw new CardException("destruction.nothingToDestroy");
            }
            Instant now = tx.clock().instant();
            Document doc = new Document(office, region, plan.officer(), plan.witnesses());
            try (PreparedStatement p = tx.connection().prepareStatement("INSERT INTO destructions (id, number, held_on, "
                    + "place, method, document, created_by, created_at) VALUES (?,?,?,?,?,?,?,?)")) {
                p.setString(1, id);
                p.setString(2, number);
                p.setString(3, plan.date().toString());
                p.setString(4, place);
                p.setString(5, plan.method());
                p.setBytes(6, tx.seal(CardJson.bytes(doc), id, CardSeals.DESTRUCTION_DOCUMENT));
                p.setString(7, who);
                p.setLong(8, now.toEpochMilli());
                p.executeUpdate();
            }
            for (DestructionRecord.Item item : items) {
                Card card = CardRegistry.require(tx, item.serial());
                CardRegistry.move(tx, card, CardState.DESTROYED, null, null, who, "berita acara " + number);
                try (PreparedStatement p = tx.connection().prepareStatement(
                        "UPDATE destruction_items SET destruction_id = ? WHERE serial = ?")) {
                    p.setString(1, id);
                    p.setString(2, item.serial());
                    p.executeUpdate();
                }
            }
            Map<DestructionCategory, Integer> counts = counts(items);
            tx.event(EVENT_DESTROYED, CardJson.write(new DestroyedEvent(id, number, plan.date(), place, plan.method(),
                    counts, items, plan.witnesses())), who);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("number", number);
            details.put("cards", items.size());
            details.put("witnesses", plan.witnesses().size());
            tx.audit(who, AUDIT_DESTROYED, id, details);
            return new DestructionRecord(id, number, plan.date(), place, plan.method(), office, region, plan.officer(),
                    plan.witnesses(), counts, items, now, who);
        });
    }

    static Map<DestructionCategory, Integer> counts(List<DestructionRecord.Item> items) {
        Map<DestructionCategory, Integer> counts = new EnumMap<>(DestructionCategory.class);
        for (DestructionCategory c : DestructionCategory.values()) {
            counts.put(c, 0);
        }
        for (DestructionRecord.Item i : items) {
            counts.merge(i.category(), 1, Integer::sum);
        }
        return counts;
    }

    /** A past destruction, to print its berita acara again. */
    public Optional<DestructionRecord> find(String number) {
        return store.read(tx -> find(tx, number));
    }

    /** Every past destruction, newest first (the reprint list). */
    public List<DestructionRecord> all() {
        return store.read(tx -> {
            List<String> numbers = new ArrayList<>();
            try (PreparedStatement p = tx.connection().prepareStatement(
                    "SELECT number FROM destructions ORDER BY held_on DESC, created_at DESC");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    numbers.add(rs.getString(1));
                }
            }
            List<DestructionRecord> out = new ArrayList<>();
            for (String n : numbers) {
                out.add(find(tx, n).orElseThrow());
            }
            return out;
        });
    }

    /**
     * A past destruction to print its berita acara once more; the reprint is audited (who, which
     * document, when), so every paper copy in circulation is accounted for.
     *
     * @throws CardException no destruction with that number
     */
    public DestructionRecord reprint(String number, String actor) {
        String who = Serials.requireText(actor, "actor");
        String n = Serials.requireText(number, "number");
        return store.inTransaction(tx -> {
            DestructionRecord r = find(tx, n).orElseThrow(() -> new CardException("destruction.unknown", n));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("number", r.number());
            details.put("cards", r.total());
            tx.audit(who, AUDIT_REPRINTED, r.id(), details);
            return r;
        });
    }

    private static Optional<DestructionRecord> find(StoreTransaction tx, String number) throws SQLException {
        try (PreparedStatement p = tx.connection().prepareStatement("SELECT id, number, held_on, place, method, "
                + "document, created_at, created_by FROM destructions WHERE number = ?")) {
            p.setString(1, number);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String id = rs.getString(1);
                Document doc = CardJson.read(tx.open(rs.getBytes(6), id, CardSeals.DESTRUCTION_DOCUMENT),
                        Document.class);
                List<DestructionRecord.Item> items = new ArrayList<>();
                try (PreparedStatement q = tx.connection().prepareStatement("SELECT serial, category FROM "
                        + "destruction_items WHERE destruction_id = ? ORDER BY registered_at, serial")) {
                    q.setString(1, id);
                    try (ResultSet r2 = q.executeQuery()) {
                        while (r2.next()) {
                            items.add(new DestructionRecord.Item(r2.getString(1),
                                    DestructionCategory.valueOf(r2.getString(2))));
                        }
                    }
                }
                return Optional.of(new DestructionRecord(id, rs.getString(2), LocalDate.parse(rs.getString(3)),
                        rs.getString(4), rs.getString(5), doc.office(), doc.region(), doc.officer(),
                        doc.witnesses(), counts(items), items, Instant.ofEpochMilli(rs.getLong(7)),
                        rs.getString(8)));
            }
        }
    }
}
