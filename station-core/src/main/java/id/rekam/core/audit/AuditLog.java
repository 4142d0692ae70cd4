package id.rekam.core.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import id.rekam.core.crypto.Hmac;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Append-only, hash-chained audit trail in the {@code audit_log} table. Each entry's hash is
 * HMAC-SHA256 under the station's audit key over a length-prefixed encoding of the entry and
 * the previous hash. A keyed MAC rather than a bare SHA-256: someone holding only the database
 * file could otherwise rewrite an entry and recompute every later hash. The audit key is
 * wrapped under the station passphrase like the data key. {@code audit_head} remembers the last
 * entry so that cutting entries off the end is detected as well.
 *
 * <p>Appends run on the caller's connection, inside the caller's transaction, so a state
 * change and its audit entry commit or vanish together.
 */
public final class AuditLog {

    static final byte[] GENESIS = new byte[32];
    private static final byte[] DOMAIN = "rekam-audit-v1".getBytes(StandardCharsets.US_ASCII);
    /** Sixteen digits standing alone look like a NIK: refuse them (hashes are hex, so not alone). */
    private static final Pattern NIK_LIKE = Pattern.compile("(?<![0-9A-Za-z])\\d{16}(?![0-9A-Za-z])");
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private Connection statementsOf;
    private final Hmac key;
    private final Clock clock;

    public AuditLog(Hmac key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    /**
     * The append statements, prepared once per connection: an entry is written with every capture
     * commit, and preparing three statements each time showed in the commit's latency. The store
     * has one connection (opened by {@code Database.open}, without sqlite-jdbc's generated-keys
     * query, so a kept INSERT statement holds nothing open); another connection replaces the cache.
     */
    private synchronized PreparedStatement statement(Connection c, String sql) throws SQLException {
        if (c != statementsOf) {
            for (PreparedStatement old : statements.values()) {
                old.close();
            }
            statements.clear();
            statementsOf = c;
        }
        PreparedStatement p = statements.get(sql);
        if (p == null || p.isClosed()) {
            p = c.prepareStatement(sql);
            statements.put(sql, p);
        }
        return p;
    }

    /** Appends one entry in the caller's transaction; returns its sequence number. */
    public long append(Connection c, String actor, String action, String subject, Map<String, ?> details)
            throws SQLException {
        String json;
        try {
            json = JSON.writeValueAsString(details == null ? Map.of() : details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details must be plain JSON values", e);
        }
        if (NIK_LIKE.matcher(json).find() || (subject != null && NIK_LIKE.matcher(subject).find())) {
            throw new IllegalArgumentException("audit entries must not contain a NIK");
        }
        long prevSeq = 0;
        byte[] prev = GENESIS;
        try (ResultSet rs = statement(c, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").executeQuery()) {
            if (rs.next()) {
                prevSeq = rs.getLong(1);
                prev = rs.getBytes(2);
            }
        }
        long seq = prevSeq + 1;
        String at = clock.instant().toString();
        String who = actor == null ? "-" : actor;
        byte[] hash = hash(seq, at, who, action, subject, json, prev);
        {
            PreparedStatement p = statement(c, "INSERT INTO audit_log "
                    + "(seq, at, actor, action, subject, details, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)");
            p.setLong(1, seq);
            p.setString(2, at);
            p.setString(3, who);
            p.setString(4, action);
            p.setString(5, subject);
            p.setString(6, json);
            p.setBytes(7, prev);
            p.setBytes(8, hash);
            p.executeUpdate();
        }
        {
            PreparedStatement p = statement(c, "INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?) "
                    + "ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash");
            p.setLong(1, seq);
            p.setBytes(2, hash);
            p.executeUpdate();
        }
        return seq;
    }

    /** Walks the whole chain and names the first entry that is missing, altered or out of place. */
    public AuditVerification verify(Connection c) throws SQLException {
        long expected = 1;
        byte[] prev = GENESIS;
        long checked = 0;
        try (PreparedStatement p = c.prepareStatement(
                "SELECT seq, at, actor, action, subject, details, prev_hash, hash FROM audit_log ORDER BY seq");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                long seq = rs.getLong(1);
                if (seq != expected) {
                    return AuditVerification.broken(checked, expected, "entry " + expected + " is missing");
                }
                byte[] storedPrev = rs.getBytes(7);
                byte[] storedHash = rs.getBytes(8);
                byte[] recomputed = hash(seq, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), storedPrev == null ? new byte[0] : storedPrev);
                if (!MessageDigest.isEqual(recomputed, storedHash)) {
                    return AuditVerification.broken(checked, seq, "entry " + seq + " was altered");
                }
                if (!MessageDigest.isEqual(storedPrev, prev)) {
                    return AuditVerification.broken(checked, seq,
                            "entry " + seq + " does not follow entry " + (seq - 1) + " (removed, replaced or reordered)");
                }
                prev = storedHash;
                checked++;
                expected++;
            }
        }
        try (PreparedStatement p = c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1");
             ResultSet rs = p.executeQuery()) {
            long headSeq = rs.next() ? rs.getLong(1) : 0;
            byte[] headHash = headSeq == 0 ? GENESIS : rs.getBytes(2);
            if (headSeq != checked) {
                return AuditVerification.broken(checked, checked + 1,
                        "entries " + (checked + 1) + ".." + headSeq + " are missing from the end");
            }
            if (!MessageDigest.isEqual(headHash, prev)) {
                return AuditVerification.broken(checked, checked, "entry " + checked + " is not the recorded last entry");
            }
        }
        return AuditVerification.ok(checked);
    }

    public List<AuditEntry> entries(Connection c, long fromSeq, int limit) throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT seq, at, actor, action, subject, details "
                + "FROM audit_log WHERE seq >= ? ORDER BY seq LIMIT ?")) {
            p.setLong(1, fromSeq);
            p.setInt(2, limit);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditEntry(rs.getLong(1), Instant.parse(rs.getString(2)), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6)));
                }
            }
        }
        return out;
    }

    private byte[] hash(long seq, String at, String actor, String action, String subject, String details, byte[] prev) {
        return key.mac(DOMAIN, field(Long.toString(seq)), field(at), field(actor), field(action),
                field(subject == null ? "" : subject), field(details), prev);
    }

    private static byte[] field(String s) {
        byte[] b = s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + b.length).putInt(b.length).put(b).array();
    }
}
