package id.rekam.core.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekam.core.audit.AuditActions;
import id.rekam.core.audit.AuditLog;
import id.rekam.core.commit.CommitPolicy;
import id.rekam.core.commit.RecordReview;
import id.rekam.core.commit.ReviewFindings;
import id.rekam.core.commit.ReviewNote;
import id.rekam.core.crypto.Aead;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code identification_reviews} table: records the duplicate check sent to a supervisor's
 * review, with what it found (sealed, AAD = record id + "review-findings") and the supervisor's
 * note (sealed, AAD = record id + "review-note"). Works on the caller's transaction.
 */
final class SqlReviews {

    static final String FINDINGS = "review-findings";
    static final String NOTE = "review-note";
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Aead data;
    private final AuditLog audit;
    private final Clock clock;
    private final SqlOperators operators;

    SqlReviews(Aead data, AuditLog audit, Clock clock, SqlOperators operators) {
        this.operators = operators;
        this.data = data;
        this.audit = audit;
        this.clock = clock;
    }

    byte[] sealFindings(String recordId, ReviewFindings findings) {
        try {
            return data.encrypt(JSON.writeValueAsBytes(findings), recordId, FINDINGS);
        } catch (IOException e) {
            throw new IllegalArgumentException("findings not serialisable", e);
        }
    }

    /** The record waits for a review; audited with the reasons' codes and how many other records, never which. */
    void flag(Connection c, String recordId, String operator, ReviewFindings findings, byte[] sealed)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO identification_reviews (record_id, flagged_at, findings) VALUES (?,?,?)")) {
            p.setString(1, recordId);
            p.setLong(2, clock.millis());
            p.setBytes(3, sealed);
            p.executeUpdate();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reasons", findings.reasons().stream().map(ReviewFindings.Reason::code).toList());
        details.put("candidates", findings.candidates().size());
        audit.append(c, operator, AuditActions.REVIEW_REQUIRED, recordId, details);
    }

    /**
     * A supervisor reviews a record waiting for it (no-op for a record that needs no review or
     * was reviewed already: the first note stands).
     *
     * @throws id.rekam.core.auth.AuthException the reviewer is not a supervisor
     * @throws StoreException                   the note is blank or too long
     */
    void review(Connection c, String recordId, ReviewNote note, String operator) throws SQLException {
        if (!awaiting(c, recordId)) {
            return;
        }
        String kept = CommitPolicy.reviewNote(note.supervisor(),
                operators.activeRole(c, note.supervisor()).orElse(null), note.note());
        try (PreparedStatement p = c.prepareStatement("UPDATE identification_reviews SET reviewed_by = ?, note = ?, "
                + "reviewed_at = ? WHERE record_id = ? AND reviewed_at IS NULL")) {
            p.setString(1, note.supervisor());
            p.setBytes(2, data.encrypt(kept.getBytes(StandardCharsets.UTF_8), recordId, NOTE));
            p.setLong(3, clock.millis());
            p.setString(4, recordId);
            p.executeUpdate();
        }
        audit.append(c, note.supervisor(), AuditActions.RECORD_REVIEWED, recordId,
                operator == null ? Map.of() : Map.of("operator", operator));
    }

    /** Flagged and not reviewed yet. */
    static boolean awaiting(Connection c, String recordId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT 1 FROM identification_reviews WHERE record_id = ? AND reviewed_at IS NULL")) {
            p.setString(1, recordId);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    Optional<RecordReview> read(Connection c, String recordId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT findings, reviewed_by, note, reviewed_at, flagged_at "
                + "FROM identification_reviews WHERE record_id = ?")) {
            p.setString(1, recordId);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                ReviewFindings findings;
                try {
                    findings = JSON.readValue(data.decrypt(rs.getBytes(1), recordId, FINDINGS), ReviewFindings.class);
                } catch (IOException e) {
                    throw new IllegalStateException("review findings of " + recordId + " are unreadable", e);
                }
                byte[] note = rs.getBytes(3);
                long reviewedAt = rs.getLong(4);
                boolean reviewed = !rs.wasNull();
                return Optional.of(new RecordReview(findings, Instant.ofEpochMilli(rs.getLong(5)),
                        reviewed ? new ReviewNote(rs.getString(2),
                                new String(data.decrypt(note, recordId, NOTE), StandardCharsets.UTF_8)) : null,
                        reviewed ? Instant.ofEpochMilli(reviewedAt) : null));
            }
        }
    }
}
