package id.rekam.core.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.core.domain.FingerPosition;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The protocol's verdict fields (docs/sync-protocol.md §6: a feed entry, or the verdict of a
 * packet view) as a {@link ServerVerdict}; unknown or missing fields stay empty. One reading for
 * the sync client, which applies verdicts as they arrive, and the store, which applies those the
 * sync service received while it was locked.
 */
public final class VerdictFields {

    private VerdictFields() {
    }

    /** @param kind the protocol's word: accepted, print-ready, duplicate, rejected */
    public static ServerVerdict of(String kind, JsonNode fields) {
        Instant at = instant(fields, "at");
        return switch (ServerVerdict.Kind.fromWire(kind)) {
            case ACCEPTED -> accepted(fields);
            case PRINT_READY -> new ServerVerdict.PrintReady(at);
            case DUPLICATE -> duplicate(fields, at);
            case REJECTED -> rejected(fields, at);
        };
    }

    public static ServerVerdict.Accepted accepted(JsonNode fields) {
        List<String> warnings = new ArrayList<>();
        if (fields != null && fields.path("warnings").isArray()) {
            fields.get("warnings").forEach(w -> warnings.add(w.asText()));
        }
        return new ServerVerdict.Accepted(instant(fields, "at"), warnings);
    }

    public static ServerVerdict.Duplicate duplicate(JsonNode fields, Instant at) {
        JsonNode d = fields == null ? null : fields.get("duplicateOf");
        ServerVerdict.OtherRecord other = d == null || !d.isObject()
                ? new ServerVerdict.OtherRecord(null, null, null, null, true, null)
                : new ServerVerdict.OtherRecord(text(d, "packetId"), text(d, "stationId"), text(d, "office"),
                text(d, "nik"), d.path("nikMasked").asBoolean(!d.hasNonNull("nik")), instant(d, "receivedAt"));
        List<ServerVerdict.FingerScore> fingers = new ArrayList<>();
        JsonNode threshold = fields == null ? null : fields.get("matchThreshold");
        Double matchThreshold = threshold != null && threshold.isNumber() ? threshold.asDouble() : null;
        if (fields != null && fields.path("fingers").isArray()) {
            for (JsonNode f : fields.get("fingers")) {
                var position = FingerPosition.ofIsoCode(f.path("position").asInt(0));
                if (position.isEmpty() || !f.path("score").isNumber()) {
                    continue;
                }
                double score = f.get("score").asDouble();
                // Before "matched" existed the server listed only the fingers that matched.
                boolean matched = f.has("matched") ? f.get("matched").asBoolean()
                        : matchThreshold == null || score >= matchThreshold;
                fingers.add(new ServerVerdict.FingerScore(position.get(), score, matched));
            }
        }
        return new ServerVerdict.Duplicate(at, ServerVerdict.MatchedBy.fromWire(text(fields, "matchedBy")), other,
                fingers, matchThreshold);
    }

    public static ServerVerdict.Rejected rejected(JsonNode fields, Instant at) {
        JsonNode r = fields == null ? null : fields.get("reason");
        if (r == null || r.isNull()) {
            return new ServerVerdict.Rejected(at, "unknown", null);
        }
        if (r.isTextual()) {
            // An upload receipt's rejection: the code alone.
            return new ServerVerdict.Rejected(at, r.asText(), null);
        }
        return new ServerVerdict.Rejected(at, r.path("code").asText("unknown"), text(r, "message"));
    }

    /** An upload receipt with status rejected (the body failed verification at completion, §4.4). */
    public static ServerVerdict.Rejected receiptRejection(JsonNode receipt) {
        return rejected(receipt, instant(receipt, "at"));
    }

    private static String text(JsonNode n, String field) {
        return n != null && n.path(field).isTextual() ? n.get(field).asText() : null;
    }

    static Instant instant(JsonNode n, String field) {
        String s = text(n, field);
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
