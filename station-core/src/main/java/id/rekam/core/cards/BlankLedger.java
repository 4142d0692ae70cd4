package id.rekam.core.cards;

import id.rekam.core.store.CardSeals;
import id.rekam.core.store.StationStore;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The blank-card (blanko) ledger: stock received, used per print, spoiled with a reason,
 * returned; a balance per day and a warning before the stock runs out. The balance can never
 * go negative: a movement that would take more than is there is refused.
 */
public final class BlankLedger {

    public static final int RATE_WINDOW_DAYS = 7;
    static final String EVENT = "blank.ledger";
    static final String AUDIT = "BLANK_LEDGER";

    private final StationStore store;

    public BlankLedger(StationStore store) {
        this.store = store;
    }

    /** Sealed free text of a movement ({@link CardSeals#LEDGER_NOTE}): a spoil reason may name a person. */
    record Note(String reason, String reference) {
    }

    record LedgerEvent(LocalDate day, LedgerKind kind, int quantity, String reason, String reference, long balance) {
    }

    public long receive(int quantity, String reference, String actor) {
        return record(LedgerKind.RECEIVED, quantity, null, Serials.requireText(reference, "reference"), actor);
    }

    /** Blanks consumed by printing; {@code reference} names the print job or card serial. */
    public long use(int quantity, String reference, String actor) {
        return record(LedgerKind.USED, quantity, null, reference, actor);
    }

    public long spoil(int quantity, String reason, String actor) {
        return record(LedgerKind.SPOILED, quantity, Serials.freeText(reason, "reason"), null, actor);
    }

    /** Blanks sent back (e.g. to the kabupaten Dukcapil). */
    public long giveBack(int quantity, String reference, String actor) {
        return record(LedgerKind.RETURNED, quantity, null, Serials.requireText(reference, "reference"), actor);
    }

    /** Records one movement; returns the balance after it. */
    private long record(LedgerKind kind, int quantity, String reason, String reference, String actor) {
        if (quantity <= 0) {
            throw new CardException("ledger.quantityPositive", quantity);
        }
        String who = Serials.requireText(actor, "actor");
        if (reference != null && !reference.isBlank()) {
            Serials.freeText(reference, "reference");
        }
        return store.inTransaction(tx -> {
            long balance = balance(tx.connection()) + (long) kind.sign() * quantity;
            if (balance < 0) {
                throw new CardException("ledger.insufficient", quantity, balance - kind.sign() * (long) quantity);
            }
            LocalDate day = LocalDate.ofInstant(tx.clock().instant(), store.zone());
            long seq;
            try (PreparedStatement p = tx.connection().prepareStatement(
                    "SELECT coalesce(max(seq), 0) + 1 FROM blank_ledger"); ResultSet rs = p.executeQuery()) {
                rs.next();
                seq = rs.getLong(1);
            }
            try (PreparedStatement p = tx.connection().prepareStatement("INSERT INTO blank_ledger "
                    + "(seq, day, kind, quantity, note, actor, at) VALUES (?,?,?,?,?,?,?)")) {
                p.setLong(1, seq);
                p.setString(2, day.toString());
                p.setString(3, kind.name());
                p.setInt(4, quantity);
                p.setBytes(5, tx.seal(CardJson.bytes(new Note(reason, reference)), Long.toString(seq),
                        CardSeals.LEDGER_NOTE));
                p.setString(6, who);
                p.setLong(7, tx.clock().millis());
                p.executeUpdate();
            }
            tx.event(EVENT, CardJson.write(new LedgerEvent(day, kind, quantity, reason, reference, balance)), who);
            // Free text stays in the sealed row; the audit trail is stored in clear.
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("kind", kind.name());
            details.put("quantity", quantity);
            details.put("balance", balance);
            details.put("seq", seq);
            tx.audit(who, AUDIT, kind.name(), details);
            return balance;
        });
    }

    /** One movement as recorded, with its reason and reference opened. */
    public record Entry(long seq, LocalDate day, LedgerKind kind, int quantity, String reason, String reference,
                        String actor) {
    }

    /** The movements of {@code from} to {@code to} inclusive, in order. */
    public List<Entry> entries(LocalDate from, LocalDate to) {
        return store.read(tx -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement p = tx.connection().prepareStatement("SELECT seq, day, kind, quantity, note, actor "
                    + "FROM blank_ledger WHERE day >= ? AND day <= ? ORDER BY seq")) {
                p.setString(1, from.toString());
                p.setString(2, to.toString());
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        long seq = rs.getLong(1);
                        Note n = CardJson.read(tx.open(rs.getBytes(5), Long.toString(seq), CardSeals.LEDGER_NOTE),
                                Note.class);
                        out.add(new Entry(seq, LocalDate.parse(rs.getString(2)), LedgerKind.valueOf(rs.getString(3)),
                                rs.getInt(4), n.reason(), n.reference(), rs.getString(6)));
                    }
                }
            }
            return out;
        });
    }

    public long balance() {
        return store.read(tx -> balance(tx.connection()));
    }

    private static long balance(java.sql.Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT coalesce(sum(CASE kind WHEN 'RECEIVED' THEN quantity "
                + "ELSE -quantity END), 0) FROM blank_ledger");
             ResultSet rs = p.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every day from {@code from} to {@code to} inclusive, with its movements and closing balance. */
    public List<DayBalance> daily(LocalDate from, LocalDate to) {
        return store.read(tx -> {
            long opening;
            try (PreparedStatement p = tx.connection().prepareStatement("SELECT coalesce(sum(CASE kind WHEN 'RECEIVED' "
                    + "THEN quantity ELSE -quantity END), 0) FROM blank_ledger WHERE day < ?")) {
                p.setString(1, from.toString());
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    opening = rs.getLong(1);
                }
            }
            Map<LocalDate, Map<LedgerKind, Long>> moves = new LinkedHashMap<>();
            try (PreparedStatement p = tx.connection().prepareStatement("SELECT day, kind, sum(quantity) FROM blank_ledger "
                    + "WHERE day >= ? AND day <= ? GROUP BY day, kind")) {
                p.setString(1, from.toString());
                p.setString(2, to.toString());
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        moves.computeIfAbsent(LocalDate.parse(rs.getString(1)), d -> new EnumMap<>(LedgerKind.class))
                                .put(LedgerKind.valueOf(rs.getString(2)), rs.getLong(3));
                    }
                }
            }
            List<DayBalance> out = new ArrayList<>();
            long balance = opening;
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                Map<LedgerKind, Long> m = moves.getOrDefault(d, Map.of());
                long received = m.getOrDefault(LedgerKind.RECEIVED, 0L);
                long used = m.getOrDefault(LedgerKind.USED, 0L);
                long spoiled = m.getOrDefault(LedgerKind.SPOILED, 0L);
                long returned = m.getOrDefault(LedgerKind.RETURNED, 0L);
                balance += received - used - spoiled - returned;
                out.add(new DayBalance(d, received, used, spoiled, returned, balance));
            }
            return out;
        });
    }

    /**
     * Days of stock left at the average daily consumption (used + spoiled) of the last
     * {@value #RATE_WINDOW_DAYS} days including today; warns below {@code thresholdDays}.
     */
    public StockForecast forecast(int thresholdDays) {
        if (thresholdDays < 0) {
            throw new CardException("input.negative", "thresholdDays");
        }
        LocalDate today = store.read(tx -> LocalDate.ofInstant(tx.clock().instant(), store.zone()));
        List<DayBalance> window = daily(today.minusDays(RATE_WINDOW_DAYS - 1L), today);
        long consumed = window.stream().mapToLong(d -> d.used() + d.spoiled()).sum();
        double rate = consumed / (double) RATE_WINDOW_DAYS;
        long balance = window.get(window.size() - 1).closing();
        double daysLeft = rate == 0 ? Double.POSITIVE_INFINITY : balance / rate;
        return new StockForecast(today, balance, rate, daysLeft, thresholdDays, balance == 0 || daysLeft < thresholdDays);
    }
}
