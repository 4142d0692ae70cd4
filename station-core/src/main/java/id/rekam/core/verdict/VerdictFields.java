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

    /** @param kind the protocol's word: accepted, print-ready, duplicate, needs-review, rejected */
    public static ServerVerdict of(String kind, JsonNode fields) {
        Instant at = instant(fields, "at");
        return switch (ServerVerdict.Kind.fromWire(kind)) {
            case ACCEPTED -> accepted(fields);
            case PRINT_READY -> new ServerVerdict.PrintReady(at);
            case DUPLICATE -> duplicate(fields, at);
            case REJECTED -> rejected(fields, at);
            case NEEDS_REVIEW -> needsReview(fields, at);
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
        Double matchThreshold = threshold(fields);
        return new ServerVerdict.Duplicate(at, ServerVerdict.MatchedBy.fromWire(text(fields, "matchedBy")),
                other(fields == null ? null : fields.get("duplicateOf")), fingers(fields, matchThreshold),
                matchThreshold);
    }

    /** {@code needs-review} (§6): the reasons, and each earlier record the prints resemble with its matching pairs. */
    public static ServerVerdict.NeedsReview needsReview(JsonNode fields, Instant at) {
        Double matchThreshold = threshold(fields);
        List<String> reasons = new ArrayList<>();
        if (fields != null && fields.path("reasons").isArray()) {
            fields.get("reasons").forEach(r -> reasons.add(r.asText()));
        }
        List<ServerVerdict.ReviewCandidate> candidates = new ArrayList<>();
        if (fields != null && fields.path("candidates").isArray()) {
            for (JsonNode c : fields.get("candidates")) {
                candidates.add(new ServerVerdict.ReviewCandidate(other(c.get("record")), fingers(c, matchThreshold)));
            }
        }
        JsonNode exceptions = fields == null ? null : fields.get("exceptions");
        return new ServerVerdict.NeedsReview(at, reasons, candidates,
                exceptions != null && exceptions.canConvertToInt() ? exceptions.asInt() : null, matchThreshold);
    }

    private static Double threshold(JsonNode fields) {
        JsonNode threshold = fields == null ? null : fields.get("matchThreshold");
        return threshold != null && threshold.isNumber() ? threshold.asDouble() : null;
    }

    private static ServerVerdict.OtherRecord other(JsonNode d) {
        return d == null || !d.isObject()
                ? new ServerVerdict.OtherRecord(null, null, null, null, true, null)
                : new ServerVerdict.OtherRecord(text(d, "packetId"), text(d, "stationId"), text(d, "office"),
                text(d, "nik"), d.path("nikMasked").asBoolean(!d.hasNonNull("nik")), instant(d, "receivedAt"));
    }

    /** A {@code fingers} array; {@code storedPosition} names the other record's finger when it is another position. */
    private static List<ServerVerdict.FingerScore> fingers(JsonNode holder, Double matchThreshold) {
        List<ServerVerdict.FingerScore> fingers = new ArrayList<>();
        if (holder == null || !holder.path("fingers").isArray()) {
            return fingers;
        }
        for (JsonNode f : holder.get("fingers")) {
            var position = FingerPosition.ofIsoCode(f.path("position").asInt(0));
            if (position.isEmpty() || !f.path("score").isNumber()) {
                continue;
            }
            double score = f.get("score").asDouble();
            // Before "matched" existed the server listed only the fingers that matched.
            boolean matched = f.has("matched") ? f.get("matched").asBoolean()
                    : matchThreshold == null || score >= matchThreshold;
            FingerPosition stored = FingerPosition.ofIsoCode(f.path("storedPosition").asInt(0))
                    .filter(p -> p != position.get()).orElse(null);
            fingers.add(new ServerVerdict.FingerScore(position.get(), score, matched, stored));
        }
        return fingers;
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

    public static Instant instant(JsonNode n, String field) {
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
