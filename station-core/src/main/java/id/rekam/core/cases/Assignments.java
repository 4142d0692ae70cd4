package id.rekam.core.cases;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.core.domain.Address;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.domain.Gender;
import id.rekam.core.verdict.ServerVerdict;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the server's {@code case-assigned} feed entries (docs/sync-protocol.md §6.1), once
 * {@link CaseFeed} has checked their signature: that both records are described well enough for
 * the desk to act (a record this station does not hold needs at least the citizen's name and NIK),
 * and only then hands the case to the intake.
 */
final class Assignments {

    static final String TYPE = "case-assigned";

    record Assigned(String serverCaseId, String reason, CaseRecord first, CaseRecord second, String matchedBy,
                    List<ServerVerdict.FingerScore> fingers, Double matchThreshold, Instant deadline) {
    }

    /** The entry parsed, or why it cannot be: a refusal code for the log and the sync status. */
    record Parsed(Assigned assigned, String refusal) {
    }

    private Assignments() {
    }

    static Parsed parse(JsonNode entry, LocalRecords local) {
        String caseId = text(entry, "caseId");
        JsonNode records = entry.get("records");
        if (caseId == null || records == null || !records.isArray() || records.size() != 2) {
            return new Parsed(null, "malformed");
        }
        List<CaseRecord> parsed = new ArrayList<>();
        for (JsonNode r : records) {
            String id = text(r, "packetId");
            if (id == null) {
                return new Parsed(null, "malformed");
            }
            CaseRecord record = record(r);
            if (!local.holds(id) && (record.fullName() == null || record.nik() == null)) {
                return new Parsed(null, "unknown-record");
            }
            parsed.add(record);
        }
        List<ServerVerdict.FingerScore> fingers = new ArrayList<>();
        Double threshold = entry.path("matchThreshold").isNumber() ? entry.get("matchThreshold").asDouble() : null;
        for (JsonNode f : entry.path("fingers")) {
            Optional<FingerPosition> position = FingerPosition.ofIsoCode(f.path("position").asInt(0));
            if (position.isPresent() && f.path("score").isNumber()) {
                double score = f.get("score").asDouble();
                boolean matched = f.has("matched") ? f.get("matched").asBoolean() : threshold != null && score >= threshold;
                fingers.add(new ServerVerdict.FingerScore(position.get(), score, matched));
            }
        }
        String reason = text(entry, "reason");
        return new Parsed(new Assigned(caseId, reason == null ? "assigned" : reason, parsed.get(0), parsed.get(1),
                text(entry, "matchedBy"), fingers, threshold, instant(entry, "deadline")), null);
    }

    private static CaseRecord record(JsonNode r) {
        JsonNode c = r.path("citizen");
        JsonNode a = c.path("address");
        Address address = a.isObject() && text(a, "villageCode") != null
                ? new Address(orEmpty(text(a, "street")), text(a, "rt"), text(a, "rw"), text(a, "villageCode"),
                text(a, "villageName"), text(a, "districtName"), text(a, "regencyName"), text(a, "provinceName"))
                : null;
        String gender = text(c, "gender");
        Gender g = null;
        if (gender != null) {
            try {
                g = Gender.valueOf(gender);
            } catch (IllegalArgumentException unknown) {
                g = null;
            }
        }
        LocalDate birth = null;
        try {
            birth = text(c, "birthDate") == null ? null : LocalDate.parse(text(c, "birthDate"));
        } catch (DateTimeParseException e) {
            birth = null;
        }
        return new CaseRecord(text(r, "packetId"), text(r, "stationId"), text(r, "office"), text(r, "nik"),
                r.path("nikMasked").asBoolean(false), text(c, "fullName"), text(c, "birthPlace"), birth, g, address,
                instant(r, "receivedAt"), null, bytes(r, "photo"), templates(r.get("templates")),
                CaseRecord.Holding.NOT_HELD);
    }

    private static Map<FingerPosition, byte[]> templates(JsonNode t) {
        Map<FingerPosition, byte[]> out = new EnumMap<>(FingerPosition.class);
        if (t == null || !t.isObject()) {
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = t.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            try {
                Optional<FingerPosition> p = FingerPosition.ofIsoCode(Integer.parseInt(e.getKey()));
                if (p.isPresent() && e.getValue().isTextual()) {
                    out.put(p.get(), Base64.getDecoder().decode(e.getValue().asText()));
                }
            } catch (IllegalArgumentException skip) {
                // a position or template the station cannot read is left out; the match uses the others
            }
        }
        return out;
    }

    private static byte[] bytes(JsonNode n, String field) {
        String s = text(n, field);
        try {
            return s == null ? null : Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    static String text(JsonNode n, String field) {
        return n != null && n.path(field).isTextual() ? n.get(field).asText() : null;
    }

    static Instant instant(JsonNode n, String field) {
        String s = text(n, field);
        try {
            return s == null ? null : Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
