package id.rekam.core.store;

import id.rekam.core.crypto.Aead;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sealed personal columns of the card tables, and the one-time step that seals what
 * V7 staged from the clear columns of V5 ({@code card_reseal}). The AAD of each column is its
 * row key plus the purpose named here; the card package seals with the same pair, so a value
 * sealed by the migration and one sealed by new code open alike.
 */
public final class CardSeals {

    /** {@code card_batches.people}, row key = batch id: {receivedBy, witnessedBy}. */
    public static final String BATCH_PEOPLE = "card-batch-people";
    /** {@code card_batch_flags.people}, row key = seq: {receivedBy, witnessedBy}. */
    public static final String FLAG_PEOPLE = "card-batch-flag-people";
    /** {@code cards.holder}, row key = serial: the desk or officer name as UTF-8. */
    public static final String HOLDER = "card-holder";
    /** {@code card_moves.detail}, row key = event id: {holder, reason}. */
    public static final String MOVE_DETAIL = "card-move";
    /** {@code blank_ledger.note}, row key = seq: {reason, reference} (a spoil reason may name a person). */
    public static final String LEDGER_NOTE = "blank-ledger-note";
    /** {@code destructions.document}, row key = destruction id: office, region, officer, witnesses. */
    public static final String DESTRUCTION_DOCUMENT = "destruction-document";

    static final String AUDIT_RESEALED = "CARD_NAMES_SEALED";

    private record Target(String column, String key, String purpose) {
    }

    private static final Map<String, Target> TARGETS = Map.of(
            "card_batches", new Target("people", "id", BATCH_PEOPLE),
            "card_batch_flags", new Target("people", "seq", FLAG_PEOPLE),
            "cards", new Target("holder", "serial", HOLDER),
            "card_moves", new Target("detail", "event_id", MOVE_DETAIL),
            "blank_ledger", new Target("note", "seq", LEDGER_NOTE),
            "destructions", new Target("document", "id", DESTRUCTION_DOCUMENT));

    private CardSeals() {
    }

    private record Staged(long seq, String target, String rowKey, String doc) {
    }

    /**
     * Seals every staged clear value into its column and deletes the staged row, in the caller's
     * transaction; returns how many were sealed (0 once done).
     */
    static int resealStaged(Connection c, Aead data) throws SQLException {
        List<Staged> staged = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT seq, target, row_key, doc FROM card_reseal ORDER BY seq");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                staged.add(new Staged(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        for (Staged s : staged) {
            Target t = TARGETS.get(s.target());
            byte[] sealed = data.encrypt(s.doc().getBytes(StandardCharsets.UTF_8), s.rowKey(), t.purpose());
            // Column and table names come from the fixed map above, never from the row.
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE " + s.target() + " SET " + t.column() + " = ? WHERE " + t.key() + " = ?")) {
                p.setBytes(1, sealed);
                if (t.key().equals("seq")) {
                    p.setLong(2, Long.parseLong(s.rowKey()));
                } else {
                    p.setString(2, s.rowKey());
                }
                if (p.executeUpdate() != 1) {
                    throw new IllegalStateException("staged " + s.target() + " row " + s.seq() + " has no target row");
                }
            }
            try (PreparedStatement p = c.prepareStatement("DELETE FROM card_reseal WHERE seq = ?")) {
                p.setLong(1, s.seq());
                p.executeUpdate();
            }
        }
        return staged.size();
    }
}
