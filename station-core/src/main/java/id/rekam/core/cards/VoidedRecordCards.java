package id.rekam.core.cards;

import id.rekam.core.store.StoreTransaction;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The cards printed for a record that a KTP ganda case voided (docs/design/cases.md): each enters
 * the destruction register under {@link DestructionCategory#DUPLICATE}, inside the transaction that
 * closes the case. A card still with its owner can only be registered once they hand it in at the
 * desk; otherwise it stays HANDED_OVER and the case says so.
 */
public final class VoidedRecordCards {

    /** What became of one card of the voided record. */
    public record Retired(String serial, CardState before, Action action) {
    }

    public enum Action {
        /** Now INVALID and on the destruction list. */
        REGISTERED_FOR_DESTRUCTION,
        /** Already on the destruction list, or destroyed. */
        ALREADY_RETIRED,
        /** Handed over and not brought to the desk: to be retrieved. */
        STILL_WITH_OWNER
    }

    private VoidedRecordCards() {
    }

    /**
     * @param surrendered the owner handed the card in at the desk (a HANDED_OVER card becomes RETURNED first)
     */
    public static List<Retired> retire(StoreTransaction tx, String recordId, boolean surrendered, String actor)
            throws SQLException {
        List<Card> cards = new ArrayList<>();
        try (PreparedStatement p = tx.connection().prepareStatement(
                "SELECT serial FROM cards WHERE record_id = ? ORDER BY received_at, serial")) {
            p.setString(1, recordId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    cards.add(CardRegistry.load(tx, rs.getString(1)).orElseThrow());
                }
            }
        }
        List<Retired> out = new ArrayList<>();
        for (Card card : cards) {
            boolean listed = CardRegistry.exists(tx, "SELECT 1 FROM destruction_items WHERE serial = ?", card.serial());
            if (listed || card.state() == CardState.DESTROYED) {
                out.add(new Retired(card.serial(), card.state(), Action.ALREADY_RETIRED));
                continue;
            }
            Card current = card;
            if (current.state() == CardState.HANDED_OVER) {
                if (!surrendered) {
                    out.add(new Retired(card.serial(), card.state(), Action.STILL_WITH_OWNER));
                    continue;
                }
                current = CardRegistry.move(tx, current, CardState.RETURNED, null, null, actor,
                        "KTP ganda: record voided, card handed in");
            }
            DestructionRegister.register(tx, current.serial(), DestructionCategory.DUPLICATE, null, actor);
            out.add(new Retired(card.serial(), card.state(), Action.REGISTERED_FOR_DESTRUCTION));
        }
        return out;
    }
}
