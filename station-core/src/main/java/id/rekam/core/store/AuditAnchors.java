package id.rekam.core.store;

import id.rekam.core.audit.AuditAnchor;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The {@code audit_anchors} table: the server's receipts for this station's audit head. The
 * newest one says which entry the trail must still hold; a trail that lost it was cut (or an
 * older copy of the store was put back) after the server saw it.
 */
final class AuditAnchors {

    private AuditAnchors() {
    }

    static void store(Connection c, AuditAnchor a, String receiptJson) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO audit_anchors (seq, hash, anchored_at, receipt) "
                + "VALUES (?,?,?,?) ON CONFLICT (seq) DO NOTHING")) {
            p.setLong(1, a.seq());
            p.setBytes(2, a.hash());
            p.setString(3, a.anchoredAt().toString());
            p.setString(4, receiptJson);
            p.executeUpdate();
        }
    }

    /** An {@link StateFinding.Kind#ANCHOR_MISSING} finding when the trail lacks the newest anchored entry. */
    static List<StateFinding> check(Connection c) throws SQLException {
        long seq;
        byte[] hash;
        String at;
        try (PreparedStatement p = c.prepareStatement(
                "SELECT seq, hash, anchored_at FROM audit_anchors ORDER BY seq DESC LIMIT 1");
             ResultSet rs = p.executeQuery()) {
            if (!rs.next()) {
                return List.of();
            }
            seq = rs.getLong(1);
            hash = rs.getBytes(2);
            at = rs.getString(3);
        }
        try (PreparedStatement p = c.prepareStatement("SELECT hash FROM audit_log WHERE seq = ?")) {
            p.setLong(1, seq);
            try (ResultSet rs = p.executeQuery()) {
                if (rs.next() && MessageDigest.isEqual(rs.getBytes(1), hash)) {
                    return List.of();
                }
            }
        }
        return List.of(new StateFinding(StateFinding.Kind.ANCHOR_MISSING, "audit_log", Long.toString(seq), null, at));
    }
}
