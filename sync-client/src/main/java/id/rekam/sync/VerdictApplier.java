package id.rekam.sync;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.store.StationStore;
import id.rekam.core.verdict.ServerVerdict;
import id.rekam.sync.api.ServerState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what the server said about a packet (a feed entry, or the verdict in a packet view;
 * docs/sync-protocol.md §6) into a {@link ServerVerdict} and hands it to the store, which keeps
 * it as the record's state and sealed data ({@code Verdicts}: idempotent, one transaction, an
 * entry still UPLOADING acknowledged first). Nothing is flattened or masked here: the other
 * record of a duplicate arrives whole, and is masked only where it is shown.
 */
public final class VerdictApplier {

    private static final Logger LOG = LoggerFactory.getLogger(VerdictApplier.class);
    public static final String ACTOR = "sync";

    private final StationStore store;

    public VerdictApplier(StationStore store) {
        this.store = store;
    }

    /** @return true when the local packet now reflects the verdict */
    public boolean apply(String packetId, ServerState state, JsonNode fields) {
        if (state == ServerState.RECEIVED) {
            store.outbox().entry(packetId).filter(e -> e.state() == OutboxState.UPLOADING)
                    .ifPresent(e -> store.outbox().markAcknowledged(packetId, ACTOR));
            return false;
        }
        if (state == ServerState.AWAITING_UPLOAD || state == ServerState.VOIDED_DUPLICATE) {
            // Voided by a KTP ganda case after its verdict: the verdict came through the feed, the case says the rest.
            return false;
        }
        return store.verdicts().apply(packetId, verdict(state, fields), ACTOR);
    }

    /**
     * "accepted" for several packets, in one store transaction: the same result as
     * {@link #apply} for each, for the entries the station is waiting on; others are left
     * (final already, or QUEUED/parked — the uploader's announce learns the verdict).
     *
     * @param items packet id → its feed entry
     */
    public void applyAccepted(Map<String, JsonNode> items) {
        if (items.isEmpty()) {
            return;
        }
        Map<String, ServerVerdict.Accepted> verdicts = new LinkedHashMap<>();
        items.forEach((id, fields) -> verdicts.put(id, accepted(fields)));
        List<String> confirmed = store.verdicts().applyAccepted(verdicts, ACTOR);
        if (confirmed.size() < items.size()) {
            LOG.debug("{} of {} accepted verdicts needed no change", items.size() - confirmed.size(), items.size());
        }
    }

    /** The protocol's verdict fields (§6) as the store's type; unknown or missing fields stay empty. */
    static ServerVerdict verdict(ServerState state, JsonNode fields) {
        Instant at = instant(fields, "at");
        return switch (state) {
            case ACCEPTED -> accepted(fields);
            case PRINT_READY -> new ServerVerdict.PrintReady(at);
            case DUPLICATE -> duplicate(fields, at);
            case REJECTED -> rejected(fields, at);
            default -> throw new IllegalArgumentException(state + " is not a verdict");
        };
    }

    static ServerVerdict.Accepted accepted(JsonNode fields) {
        List<String> warnings = new ArrayList<>();
        if (fields != null && fields.path("warnings").isArray()) {
            fields.get("warnings").forEach(w -> warnings.add(w.asText()));
        }
        return new ServerVerdict.Accepted(instant(fields, "at"), warnings);
    }

    /** A duplicate's data (the other record, the scores); also how a {@code needs-review} entry is read. */
    static ServerVerdict.Duplicate duplicate(JsonNode fields, Instant at) {
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

    static ServerVerdict.Rejected rejected(JsonNode fields, Instant at) {
        JsonNode r = fields == null ? null : fields.get("reason");
        if (r == null || r.isNull()) {
            return new ServerVerdict.Rejected(at, "unknown", null);
        }
        if (r.isTextual()) {
            return new ServerVerdict.Rejected(at, "unknown", r.asText());
        }
        return new ServerVerdict.Rejected(at, r.path("code").asText("unknown"), text(r, "message"));
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
