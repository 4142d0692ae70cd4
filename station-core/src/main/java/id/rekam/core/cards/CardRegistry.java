package id.rekam.core.cards;

import id.rekam.core.domain.Nik;
import id.rekam.core.store.CardSeals;
import id.rekam.core.store.RecordSummary;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.StoreTransaction;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Chain of custody of printed cards: arrival in batches, assignment to a desk or officer,
 * return and invalidation. Every move is checked against {@link CardState}'s table and is, in
 * one transaction, a row in {@code card_moves}, an audit entry and a {@code card.moved} sync
 * event.
 */
public final class CardRegistry {

    static final String OWNER = "card-owner";
    static final String EVENT_MOVED = "card.moved";
    static final String EVENT_BATCH_FLAGGED = "card.batch.flagged";
    static final String AUDIT_MOVED = "CARD_MOVED";
    static final String AUDIT_BATCH_RECEIVED = "CARD_BATCH_RECEIVED";
    static final String AUDIT_BATCH_FLAGGED = "CARD_BATCH_FLAGGED";

    private final StationStore store;

    public CardRegistry(StationStore store) {
        this.store = store;
    }

    record OwnerDoc(String nik, String fullName) {
    }

    /** Sealed names of a batch receipt or a flag ({@link CardSeals#BATCH_PEOPLE}, {@link CardSeals#FLAG_PEOPLE}). */
    record People(String receivedBy, String witnessedBy) {
    }

    /** Sealed part of a custody row ({@link CardSeals#MOVE_DETAIL}): the holder's name and the free-text reason. */
    record MoveDetail(String holder, String reason) {
    }

    record MovedEvent(String serial, String batchId, CardState from, CardState to, HolderKind holderKind,
                      String holder, String recordId, String reason, Instant at) {
    }

    // ---------------------------------------------------------------- arrival

    /**
     * Books a delivered batch into stock. A batch whose declared count differs from its list,
     * or whose list repeats a serial, is flagged at once (a {@link BatchFlag}, an audit entry and
     * a sync event) and none of its cards enters stock.
     *
     * @throws BatchDiscrepancyException the batch did not reconcile (and was flagged)
     * @throws CardException             duplicate batch id, serial already known, bad input; nothing written
     */
    public List<Card> receiveBatch(BatchReceipt receipt) {
        String batchId = Serials.freeText(receipt.batchId(), "batchId");
        String receivedBy = Serials.requireText(receipt.receivedBy(), "receivedBy");
        String witnessedBy = Serials.requireText(receipt.witnessedBy(), "witnessedBy");
        if (receivedBy.equalsIgnoreCase(witnessedBy)) {
            throw new CardException("batch.witnessSame", receivedBy);
        }
        if (receipt.cards().isEmpty()) {
            throw new CardException("batch.empty", batchId);
        }
        List<String> serials = new ArrayList<>();
        for (BatchCard c : receipt.cards()) {
            serials.add(Serials.normalise(c.serial()));
        }
        Set<String> seen = new LinkedHashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        for (String s : serials) {
            if (!seen.add(s)) {
                duplicates.add(s);
            }
        }
        if (exists("SELECT 1 FROM card_batches WHERE id = ?", batchId)) {
            throw new CardException("batch.duplicate", batchId);
        }
        if (receipt.declaredCount() != serials.size() || !duplicates.isEmpty()) {
            throw flag(batchId, receipt.declaredCount(), serials.size(), List.copyOf(duplicates), receivedBy,
                    witnessedBy);
        }
        // Look owners up before the write transaction: decrypting summaries is the slow part.
        List<Arrival> arrivals = new ArrayList<>();
        for (int i = 0; i < serials.size(); i++) {
            arrivals.add(arrival(serials.get(i), receipt.cards().get(i).owner()));
        }
        return store.inTransaction(tx -> {
            if (exists(tx, "SELECT 1 FROM card_batches WHERE id = ?", batchId)) {
                throw new CardException("batch.duplicate", batchId); // received meanwhile at another desk
            }
            for (String s : serials) {
                if (exists(tx, "SELECT 1 FROM cards WHERE serial = ?", s)) {
                    throw new CardException("card.serialKnown", s);
                }
            }
            long now = tx.clock().millis();
            try (PreparedStatement p = tx.connection().prepareStatement("INSERT INTO card_batches "
                    + "(id, declared_count, people, received_at) VALUES (?,?,?,?)")) {
                p.setString(1, batchId);
                p.setInt(2, receipt.declaredCount());
                p.setBytes(3, tx.seal(CardJson.bytes(new People(receivedBy, witnessedBy)), batchId,
                        CardSeals.BATCH_PEOPLE));
                p.setLong(4, now);
                p.executeUpdate();
            }
            // The witness is named only in the sealed row: the audit trail is stored in clear.
            tx.audit(receivedBy, AUDIT_BATCH_RECEIVED, batchId, Map.of("count", serials.size()));
            List<Card> out = new ArrayList<>();
            for (Arrival a : arrivals) {
                insertCard(tx, batchId, a, now);
                Card card = load(tx, a.serial).orElseThrow();
                recordMove(tx, card, null, receivedBy, "batch " + batchId);
                out.add(card);
            }
            return out;
        });
    }

    private record Arrival(String serial, Nik nik, String recordId, String fullName, String villageCode) {
    }

    private Arrival arrival(String serial, Nik nik) {
        if (nik == null) {
            return new Arrival(serial, null, null, null, null);
        }
        List<RecordSummary> records = store.findByNik(nik);
        if (records.isEmpty()) {
            return new Arrival(serial, nik, null, null, null);
        }
        RecordSummary latest = records.get(records.size() - 1);
        return new Arrival(serial, nik, latest.id().value(), latest.fullName(), latest.villageCode());
    }

    private void insertCard(StoreTransaction tx, String batchId, Arrival a, long now) throws SQLException {
        try (PreparedStatement p = tx.connection().prepareStatement("INSERT INTO cards (serial, batch_id, state, "
                + "state_since, record_id, nik_bidx, owner, village_code, received_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
            p.setString(1, a.serial);
            p.setString(2, batchId);
            p.setString(3, CardState.IN_STOCK.name());
            p.setLong(4, now);
            p.setString(5, a.recordId);
            p.setBytes(6, a.nik == null ? null : tx.nikIndex(a.nik));
            p.setBytes(7, a.nik == null ? null
                    : tx.seal(CardJson.bytes(new OwnerDoc(a.nik.value(), a.fullName)), a.serial, OWNER));
            p.setString(8, a.villageCode);
            p.setLong(9, now);
            p.executeUpdate();
        }
    }

    private BatchDiscrepancyException flag(String batchId, int declared, int listed, List<String> duplicates,
                                           String receivedBy, String witnessedBy) {
        BatchFlag flag = store.inTransaction(tx -> {
            Instant at = tx.clock().instant();
            long seq;
            try (PreparedStatement p = tx.connection().prepareStatement(
                    "SELECT coalesce(max(seq), 0) + 1 FROM card_batch_flags"); ResultSet rs = p.executeQuery()) {
                rs.next();
                seq = rs.getLong(1);
            }
            try (PreparedStatement p = tx.connection().prepareStatement("INSERT INTO card_batch_flags (seq, batch_id, "
                    + "declared_count, listed_count, duplicates, people, flagged_at) VALUES (?,?,?,?,?,?,?)")) {
                p.setLong(1, seq);
                p.setString(2, batchId);
                p.setInt(3, declared);
                p.setInt(4, listed);
                p.setString(5, String.join(",", duplicates));
                p.setBytes(6, tx.seal(CardJson.bytes(new People(receivedBy, witnessedBy)), Long.toString(seq),
                        CardSeals.FLAG_PEOPLE));
                p.setLong(7, at.toEpochMilli());
                p.executeUpdate();
            }
            BatchFlag f = new BatchFlag(batchId, declared, listed, duplicates, receivedBy, witnessedBy, at);
            tx.audit(receivedBy, AUDIT_BATCH_FLAGGED, batchId, Map.of("declared", declared, "listed", listed,
                    "duplicates", duplicates));
            tx.event(EVENT_BATCH_FLAGGED, CardJson.write(f), receivedBy);
            return f;
        });
        return new BatchDiscrepancyException(flag);
    }

    public List<BatchFlag> flaggedBatches() {
        return store.read(tx -> {
            List<BatchFlag> out = new ArrayList<>();
            try (PreparedStatement p = tx.connection().prepareStatement("SELECT batch_id, declared_count, listed_count, "
                    + "duplicates, people, flagged_at, seq FROM card_batch_flags ORDER BY seq");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String d = rs.getString(4);
                    People people = CardJson.read(tx.open(rs.getBytes(5), Long.toString(rs.getLong(7)),
                            CardSeals.FLAG_PEOPLE), People.class);
                    out.add(new BatchFlag(rs.getString(1), rs.getInt(2), rs.getInt(3),
                            d.isEmpty() ? List.of() : Arrays.asList(d.split(",")), people.receivedBy(),
                            people.witnessedBy(), Instant.ofEpochMilli(rs.getLong(6))));
                }
            }
            return out;
        });
    }

    // ---------------------------------------------------------------- moves

    /** To a desk or an officer; also re-assigns an assigned card. */
    public Card assign(String serial, HolderKind kind, String holder, String actor) {
        String who = Serials.requireText(holder, "holder");
        return move(serial, CardState.ASSIGNED, kind, who, actor, null);
    }

    /** Back from a desk or officer into the office stock. */
    public Card returnToStock(String serial, String actor, String reason) {
        return move(serial, CardState.IN_STOCK, null, null, actor,
                reason == null || reason.isBlank() ? null : Serials.freeText(reason, "reason"));
    }

    /**
     * The owner brought a handed-over card back (moved away, data changed). Any operator takes a
     * card in at the desk; what follows (invalidation, destruction) needs a supervisor.
     */
    public Card markReturned(String serial, String actor, String reason) {
        String s = Serials.normalise(serial);
        String who = Serials.requireText(actor, "actor");
        String why = Serials.freeText(reason, "reason");
        return store.inTransaction(tx -> move(tx, require(tx, s), CardState.RETURNED, null, null, who, why));
    }

    /** The card must not be used any more; only destruction follows. */
    public Card invalidate(String serial, String actor, String reason) {
        return move(serial, CardState.INVALID, null, null, actor, Serials.freeText(reason, "reason"));
    }

    /** A custody move by {@code actor}, who must be allowed to change custody ({@link CustodyPolicy}). */
    private Card move(String serial, CardState to, HolderKind kind, String holder, String actor, String reason) {
        String s = Serials.normalise(serial);
        String who = Serials.requireText(actor, "actor");
        return store.inTransaction(tx -> {
            CustodyPolicy.requireCustodian(who, tx.activeRole(who).orElse(null));
            return move(tx, require(tx, s), to, kind, holder, who, reason);
        });
    }

    /** One checked move inside the caller's transaction: state row, custody row, audit, event. */
    static Card move(StoreTransaction tx, Card card, CardState to, HolderKind kind, String holder, String actor,
                     String reason) throws SQLException {
        if (!card.state().canMoveTo(to)) {
            throw new CardException("card.wrongState", card.serial(), card.state(), to);
        }
        long now = tx.clock().millis();
        try (PreparedStatement p = tx.connection().prepareStatement("UPDATE cards SET state = ?, state_since = ?, "
                + "holder_kind = ?, holder = ? WHERE serial = ? AND state = ?")) {
            p.setString(1, to.name());
            p.setLong(2, now);
            p.setString(3, kind == null ? null : kind.name());
            p.setBytes(4, holder == null ? null
                    : tx.seal(holder.getBytes(StandardCharsets.UTF_8), card.serial(), CardSeals.HOLDER));
            p.setString(5, card.serial());
            p.setString(6, card.state().name());
            if (p.executeUpdate() != 1) {
                throw new CardException("card.wrongState", card.serial(), card.state(), to);
            }
        }
        Card moved = load(tx, card.serial()).orElseThrow();
        recordMove(tx, moved, card.state(), actor, reason);
        return moved;
    }

    private static void recordMove(StoreTransaction tx, Card card, CardState from, String actor, String reason)
            throws SQLException {
        Instant at = tx.clock().instant();
        String eventId = tx.event(EVENT_MOVED, CardJson.write(new MovedEvent(card.serial(), card.batchId(), from,
                card.state(), card.holderKind(), card.holder(), card.recordId(), reason, at)), actor);
        try (PreparedStatement p = tx.connection().prepareStatement("INSERT INTO card_moves "
                + "(serial, from_state, to_state, actor, at, event_id, detail) VALUES (?,?,?,?,?,?,?)")) {
            p.setString(1, card.serial());
            p.setString(2, from == null ? null : from.name());
            p.setString(3, card.state().name());
            p.setString(4, actor);
            p.setLong(5, at.toEpochMilli());
            p.setString(6, eventId);
            p.setBytes(7, tx.seal(CardJson.bytes(new MoveDetail(card.holder(), reason)), eventId,
                    CardSeals.MOVE_DETAIL));
            p.executeUpdate();
        }
        // The audit trail is stored in clear: the holder's name and the free-text reason (an
        // officer, a supervisor's exception) stay in the sealed custody row the event id points to.
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", from == null ? "-" : from.name());
        details.put("to", card.state().name());
        details.put("holderKind", card.holderKind() == null ? "-" : card.holderKind().name());
        details.put("event", eventId);
        tx.audit(actor, AUDIT_MOVED, card.serial(), details);
    }

    /** Registers a serial the office never received in a batch (e.g. an old card brought in), as INVALID. */
    static Card registerUnknownAsInvalid(StoreTransaction tx, String serial, Nik owner, String actor, String reason)
            throws SQLException {
        long now = tx.clock().millis();
        try (PreparedStatement p = tx.connection().prepareStatement("INSERT INTO cards (serial, state, state_since, "
                + "nik_bidx, owner, received_at) VALUES (?,?,?,?,?,?)")) {
            p.setString(1, serial);
            p.setString(2, CardState.INVALID.name());
            p.setLong(3, now);
            p.setBytes(4, owner == null ? null : tx.nikIndex(owner));
            p.setBytes(5, owner == null ? null
                    : tx.seal(CardJson.bytes(new OwnerDoc(owner.value(), null)), serial, OWNER));
            p.setLong(6, now);
            p.executeUpdate();
        }
        Card card = load(tx, serial).orElseThrow();
        recordMove(tx, card, null, actor, reason);
        return card;
    }

    // ---------------------------------------------------------------- queries

    public Optional<Card> find(String serial) {
        String s = Serials.normalise(serial);
        return store.read(tx -> load(tx, s));
    }

    /** @throws CardException the serial is not known to this office */
    public Card require(String serial) {
        return find(serial).orElseThrow(() -> new CardException("card.unknown", serial.strip()));
    }

    static Card require(StoreTransaction tx, String serial) throws SQLException {
        return load(tx, serial).orElseThrow(() -> new CardException("card.unknown", serial));
    }

    /** Cards of a person, via the NIK blind index. */
    public List<Card> findByNik(Nik nik) {
        return store.read(tx -> {
            List<Card> out = new ArrayList<>();
            try (PreparedStatement p = tx.connection().prepareStatement(CARD_SQL + "WHERE nik_bidx = ? ORDER BY received_at")) {
                p.setBytes(1, tx.nikIndex(nik));
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(card(tx, rs));
                    }
                }
            }
            return out;
        });
    }

    /** The decrypted owner of a personalised card. */
    public Optional<CardOwner> owner(String serial) {
        String s = Serials.normalise(serial);
        return store.read(tx -> owner(tx, s));
    }

    static Optional<CardOwner> owner(StoreTransaction tx, String serial) throws SQLException {
        try (PreparedStatement p = tx.connection().prepareStatement("SELECT owner FROM cards WHERE serial = ?")) {
            p.setString(1, serial);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next() || rs.getBytes(1) == null) {
                    return Optional.empty();
                }
                OwnerDoc d = CardJson.read(tx.open(rs.getBytes(1), serial, OWNER), OwnerDoc.class);
                return Optional.of(new CardOwner(Nik.of(d.nik()), d.fullName()));
            }
        }
    }

    public List<CardMove> history(String serial) {
        String s = Serials.normalise(serial);
        return store.read(tx -> {
            List<CardMove> out = new ArrayList<>();
            try (PreparedStatement p = tx.connection().prepareStatement("SELECT seq, serial, from_state, to_state, "
                    + "detail, actor, at, event_id FROM card_moves WHERE serial = ? ORDER BY seq")) {
                p.setString(1, s);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        String from = rs.getString(3);
                        String eventId = rs.getString(8);
                        MoveDetail d = CardJson.read(tx.open(rs.getBytes(5), eventId, CardSeals.MOVE_DETAIL),
                                MoveDetail.class);
                        out.add(new CardMove(rs.getLong(1), rs.getString(2), from == null ? null : CardState.valueOf(from),
                                CardState.valueOf(rs.getString(4)), d.holder(), rs.getString(6), d.reason(),
                                Instant.ofEpochMilli(rs.getLong(7)), eventId));
                    }
                }
            }
            return out;
        });
    }

    public Map<CardState, Long> countByState() {
        return store.read(tx -> {
            Map<CardState, Long> out = new TreeMap<>();
            for (CardState s : CardState.values()) {
                out.put(s, 0L);
            }
            try (PreparedStatement p = tx.connection().prepareStatement("SELECT state, count(*) FROM cards GROUP BY state");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.put(CardState.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
            return out;
        });
    }

    /**
     * Cards still with the office (IN_STOCK or ASSIGNED) that arrived at least {@code days} days
     * ago, grouped per kelurahan (of the owner's record) and per holder (officer or desk).
     */
    public NotHandedOverReport notHandedOver(int days) {
        if (days < 0) {
            throw new CardException("input.negative", "days");
        }
        return store.read(tx -> {
            Instant asOf = tx.clock().instant();
            long cutoff = asOf.minusSeconds(days * 86_400L).toEpochMilli();
            List<Card> overdue = new ArrayList<>();
            try (PreparedStatement p = tx.connection().prepareStatement(CARD_SQL
                    + "WHERE state IN ('IN_STOCK', 'ASSIGNED') AND received_at <= ? ORDER BY received_at, serial")) {
                p.setLong(1, cutoff);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        overdue.add(card(tx, rs));
                    }
                }
            }
            return new NotHandedOverReport(days, asOf,
                    NotHandedOverReport.group(overdue, c -> c.villageCode() == null ? NotHandedOverReport.UNKNOWN
                            : c.villageCode()),
                    NotHandedOverReport.group(overdue, NotHandedOverReport::holderKey));
        });
    }

    // ---------------------------------------------------------------- rows

    private static final String CARD_SQL = "SELECT serial, batch_id, state, state_since, holder_kind, holder, "
            + "record_id, village_code, received_at FROM cards ";

    /**
     * The card as stored, refused when its row (state, holder, owner, record binding) was changed
     * without the passphrase: a card pointed at another person's record would otherwise be matched
     * against that person's fingers at hand-over.
     */
    static Optional<Card> load(StoreTransaction tx, String serial) throws SQLException {
        tx.requireCardIntact(serial);
        try (PreparedStatement p = tx.connection().prepareStatement(CARD_SQL + "WHERE serial = ?")) {
            p.setString(1, serial);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(card(tx, rs)) : Optional.empty();
            }
        }
    }

    private static Card card(StoreTransaction tx, ResultSet rs) throws SQLException {
        String serial = rs.getString(1);
        String kind = rs.getString(5);
        byte[] holder = rs.getBytes(6);
        return new Card(serial, rs.getString(2), CardState.valueOf(rs.getString(3)),
                Instant.ofEpochMilli(rs.getLong(4)), kind == null ? null : HolderKind.valueOf(kind),
                holder == null ? null : new String(tx.open(holder, serial, CardSeals.HOLDER), StandardCharsets.UTF_8),
                rs.getString(7), rs.getString(8), Instant.ofEpochMilli(rs.getLong(9)));
    }

    private boolean exists(String sql, String key) {
        return store.read(tx -> exists(tx, sql, key));
    }

    static boolean exists(StoreTransaction tx, String sql, String key) throws SQLException {
        try (PreparedStatement p = tx.connection().prepareStatement(sql)) {
            p.setString(1, key);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

}
