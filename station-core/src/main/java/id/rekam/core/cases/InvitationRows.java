package id.rekam.core.cases;

import id.rekam.core.store.StoreTransaction;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The invitations of a case and the office's letter numbering, inside the caller's transaction. */
final class InvitationRows {

    private InvitationRows() {
    }

    static List<Invitation> of(StoreTransaction tx, String caseId) throws SQLException {
        List<Invitation> out = new ArrayList<>();
        try (PreparedStatement p = tx.connection().prepareStatement("SELECT round, letter_number, issued_at, issued_by, "
                + "appointment_at, detail, no_show_at, no_show_by FROM case_invitations WHERE case_id = ? ORDER BY round")) {
            p.setString(1, caseId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    int round = rs.getInt(1);
                    CaseSeals.InvitationDetail d = CaseSeals.open(tx, rs.getBytes(6), key(caseId, round),
                            CaseSeals.INVITATION, CaseSeals.InvitationDetail.class);
                    long noShow = rs.getLong(7);
                    Instant noShowAt = rs.wasNull() ? null : Instant.ofEpochMilli(noShow);
                    out.add(new Invitation(caseId, round, rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                            rs.getString(4), Instant.ofEpochMilli(rs.getLong(5)), d.place(), d.addressee(), d.address(),
                            noShowAt, rs.getString(8)));
                }
            }
        }
        return out;
    }

    static void insert(StoreTransaction tx, Invitation i) throws SQLException {
        CaseRows.update(tx, "INSERT INTO case_invitations (case_id, round, letter_number, issued_at, issued_by, "
                        + "appointment_at, detail) VALUES (?,?,?,?,?,?,?)", i.caseId(), i.round(), i.letterNumber(),
                i.issuedAt().toEpochMilli(), i.issuedBy(), i.appointment().toEpochMilli(),
                CaseSeals.seal(tx, new CaseSeals.InvitationDetail(i.place(), i.addressee(), i.address()),
                        key(i.caseId(), i.round()), CaseSeals.INVITATION));
    }

    static void noShow(StoreTransaction tx, String caseId, int round, String actor) throws SQLException {
        CaseRows.update(tx, "UPDATE case_invitations SET no_show_at = ?, no_show_by = ? WHERE case_id = ? AND round = ?",
                tx.clock().millis(), actor, caseId, round);
    }

    /** The next number of the year; numbers are never reused, also when a later step fails (the transaction rolls back with it). */
    static int nextNumber(StoreTransaction tx, int year) throws SQLException {
        CaseRows.update(tx, "INSERT INTO case_letter_numbers (year, last) VALUES (?, 1) "
                + "ON CONFLICT (year) DO UPDATE SET last = last + 1", year);
        try (PreparedStatement p = tx.connection().prepareStatement("SELECT last FROM case_letter_numbers WHERE year = ?")) {
            p.setInt(1, year);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static int count(StoreTransaction tx, String caseId) throws SQLException {
        try (PreparedStatement p = tx.connection().prepareStatement(
                "SELECT count(*) FROM case_invitations WHERE case_id = ?")) {
            p.setString(1, caseId);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static String key(String caseId, int round) {
        return caseId + "#" + round;
    }
}
