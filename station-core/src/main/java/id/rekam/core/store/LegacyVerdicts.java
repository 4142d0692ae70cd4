package id.rekam.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekam.core.audit.AuditActions;
import id.rekam.core.audit.AuditLog;
import id.rekam.core.crypto.Aead;
import id.rekam.core.verdict.ServerVerdict;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one-time step after the V9 migration, at the first unlock: what V9 staged from the clear
 * pre-V9 columns ({@code verdict_reseal}) becomes state and sealed rows. A print-ready audit
 * entry becomes the PRINT_READY state (an audited transition) with its verdict; a duplicate's
 * sentence is parsed back into its parts (the NIK stays masked: the full one was never kept); a
 * rejection's text into code and message; parked packets' and events' reasons and override
 * reasons are sealed. Runs in the caller's transaction; the staged rows are deleted.
 */
final class LegacyVerdicts {

    static final String ACTOR = "-";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PACKET = Pattern.compile("packet ([0-9A-Fa-f-]{36})");
    private static final Pattern STATION = Pattern.compile("station ([A-Z]{2}-[A-Za-z0-9-]+)");
    private static final Pattern OFFICE = Pattern.compile("\\((\\d{2}\\.\\d{2}\\.\\d{2})\\)");
    private static final Pattern MATCHED_BY = Pattern.compile("matched by ([a-z]+)");
    private static final Pattern RECEIVED = Pattern.compile("received ([0-9T:.\\-]+Z)");
    private static final Pattern NIK = Pattern.compile("(\\d{6}\\*{6}\\d{4}|(?<!\\d)\\d{16}(?!\\d))");
    private static final Pattern UPLOAD_REFUSED = Pattern.compile("upload refused: (\\S+)");
    private static final Pattern CODE_MESSAGE = Pattern.compile("([a-z0-9][a-z0-9-]*): (.*)", Pattern.DOTALL);

    private LegacyVerdicts() {
    }

    private record Staged(long seq, String target, String rowKey, String doc) {
    }

    /** @return how many staged values were turned into rows (0 once done) */
    static int resealStaged(Connection c, Aead data, SqlVerdicts verdicts, VerdictSeal seal, AuditLog audit)
            throws SQLException {
        List<Staged> staged = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(
                "SELECT seq, target, row_key, doc FROM verdict_reseal ORDER BY seq");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                staged.add(new Staged(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Staged s : staged) {
            switch (s.target()) {
                case "duplicate" -> {
                    JsonNode d = json(s.doc());
                    ServerVerdict v = duplicate(text(d), millis(d.get("at")));
                    verdicts.apply(c, s.rowKey(), v, seal.seal(s.rowKey(), v), ACTOR);
                }
                case "rejected" -> {
                    JsonNode d = json(s.doc());
                    ServerVerdict v = rejected(text(d), millis(d.get("at")));
                    verdicts.apply(c, s.rowKey(), v, seal.seal(s.rowKey(), v), ACTOR);
                }
                case "print-ready" -> {
                    ServerVerdict v = new ServerVerdict.PrintReady(instant(json(s.doc()).path("at").asText(null)));
                    verdicts.apply(c, s.rowKey(), v, seal.seal(s.rowKey(), v), ACTOR);
                }
                case "outbox-reason" -> update(c, "UPDATE outbox SET reason = ? WHERE packet_id = ?",
                        SqlOutbox.sealReason(data, s.doc(), s.rowKey(), SqlOutbox.REASON), s.rowKey());
                case "event-reason" -> update(c, "UPDATE events SET reason = ? WHERE id = ?",
                        SqlOutbox.sealReason(data, s.doc(), s.rowKey(), SqlEventOutbox.REASON), s.rowKey());
                case "override" -> override(c, data, s);
                default -> throw new IllegalStateException("unknown staged target " + s.target());
            }
            counts.merge(s.target(), 1, Integer::sum);
            try (PreparedStatement p = c.prepareStatement("DELETE FROM verdict_reseal WHERE seq = ?")) {
                p.setLong(1, s.seq());
                p.executeUpdate();
            }
        }
        if (!staged.isEmpty()) {
            audit.append(c, ACTOR, AuditActions.VERDICTS_MIGRATED, null, counts);
        }
        return staged.size();
    }

    private static void override(Connection c, Aead data, Staged s) throws SQLException {
        JsonNode d = json(s.doc());
        String reason = d.path("reason").asText("");
        Instant at = instant(d.path("at").asText(null));
        try (PreparedStatement p = c.prepareStatement("INSERT INTO duplicate_overrides "
                + "(record_id, supervisor, operator, reason, at) VALUES (?,?,?,?,?) ON CONFLICT (record_id) DO NOTHING")) {
            p.setString(1, s.rowKey());
            p.setString(2, d.path("supervisor").asText("-"));
            p.setString(3, d.path("operator").isTextual() ? d.get("operator").asText() : null);
            p.setBytes(4, data.encrypt(reason.getBytes(StandardCharsets.UTF_8), s.rowKey(),
                    Captures.OVERRIDE_REASON));
            p.setLong(5, at == null ? 0 : at.toEpochMilli());
            p.executeUpdate();
        }
    }

    /** A pre-V9 duplicate sentence ("packet X, station Y (office Z), matched by M, received T, NIK N"). */
    static ServerVerdict.Duplicate duplicate(String text, Instant at) {
        String t = text == null ? "" : text;
        String nik = find(NIK, t);
        ServerVerdict.OtherRecord other = new ServerVerdict.OtherRecord(find(PACKET, t), find(STATION, t),
                find(OFFICE, t), nik, nik == null || nik.contains("*"), instant(find(RECEIVED, t)));
        String by = find(MATCHED_BY, t);
        return new ServerVerdict.Duplicate(at, by == null ? ServerVerdict.MatchedBy.UNKNOWN
                : ServerVerdict.MatchedBy.fromWire(by), other, List.of(), null);
    }

    /** A pre-V9 rejection text: "code: message", "upload refused: code", or a sentence. */
    static ServerVerdict.Rejected rejected(String text, Instant at) {
        String t = text == null ? "" : text.strip();
        Matcher refused = UPLOAD_REFUSED.matcher(t);
        if (refused.matches()) {
            return new ServerVerdict.Rejected(at, refused.group(1), null);
        }
        Matcher cm = CODE_MESSAGE.matcher(t);
        if (cm.matches()) {
            return new ServerVerdict.Rejected(at, cm.group(1), cm.group(2));
        }
        return new ServerVerdict.Rejected(at, "unknown", t.isEmpty() ? null : t);
    }

    private static void update(Connection c, String sql, byte[] value, String key) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setBytes(1, value);
            p.setString(2, key);
            p.executeUpdate();
        }
    }

    private static String find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static JsonNode json(String doc) {
        try {
            return JSON.readTree(doc == null ? "{}" : doc);
        } catch (IOException e) {
            throw new IllegalStateException("staged verdict is not JSON", e);
        }
    }

    private static String text(JsonNode d) {
        return d.path("text").isTextual() ? d.get("text").asText() : null;
    }

    private static Instant millis(JsonNode n) {
        return n != null && n.canConvertToLong() ? Instant.ofEpochMilli(n.asLong()) : null;
    }

    private static Instant instant(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
