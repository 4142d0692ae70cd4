package id.rekam.sync;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.core.outbox.Outbox;
import id.rekam.core.outbox.OutboxEntry;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.store.StationStore;
import id.rekam.sync.api.ServerState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Moves a local packet to what the server decided. Idempotent: the same verdict applied
 * twice (a feed page re-read after a crash) changes nothing the second time. A verdict means
 * the server holds the body durably, so an entry still UPLOADING is acknowledged first.
 */
public final class VerdictApplier {

    private static final Logger LOG = LoggerFactory.getLogger(VerdictApplier.class);
    public static final String ACTOR = "sync";
    public static final String PRINT_READY_ACTION = "sync.printReady";

    private final StationStore store;

    public VerdictApplier(StationStore store) {
        this.store = store;
    }

    /** @return true when the local packet now reflects the verdict */
    public boolean apply(String packetId, ServerState verdict, JsonNode fields) {
        Outbox outbox = store.outbox();
        Optional<OutboxEntry> e = outbox.entry(packetId);
        if (e.isEmpty()) {
            LOG.warn("verdict {} for packet {} unknown to this station; ignored", verdict.wire(), packetId);
            return false;
        }
        OutboxState s = e.get().state();
        if (s.isFinal()) {
            if (verdict == ServerState.PRINT_READY && s == OutboxState.CONFIRMED) {
                store.audit(ACTOR, PRINT_READY_ACTION, packetId, Map.of());
            }
            return true;
        }
        if (s != OutboxState.UPLOADING && s != OutboxState.ACKNOWLEDGED) {
            // QUEUED or parked: the uploader's announce learns the verdict and comes back here.
            return false;
        }
        switch (verdict) {
            case ACCEPTED, PRINT_READY -> {
                if (s == OutboxState.UPLOADING) {
                    outbox.markAcknowledged(packetId, ACTOR);
                }
                outbox.markConfirmed(packetId, ACTOR);
                if (verdict == ServerState.PRINT_READY) {
                    store.audit(ACTOR, PRINT_READY_ACTION, packetId, Map.of());
                }
            }
            case DUPLICATE -> outbox.markDuplicate(packetId, otherRecord(fields), ACTOR);
            case REJECTED -> outbox.markRejected(packetId, reason(fields), ACTOR);
            case RECEIVED -> {
                if (s == OutboxState.UPLOADING) {
                    outbox.markAcknowledged(packetId, ACTOR);
                }
                return false;
            }
            case AWAITING_UPLOAD -> {
                return false;
            }
            default -> throw new IllegalStateException("unhandled " + verdict);
        }
        return true;
    }

    /**
     * "accepted" for several packets, in one store transaction: the same result as
     * {@link #apply} for each, for the entries the station is waiting on; others are left
     * (final already, or QUEUED/parked — the uploader's announce learns the verdict).
     */
    public void applyAccepted(List<String> packetIds) {
        if (packetIds.isEmpty()) {
            return;
        }
        List<String> confirmed = store.outbox().markConfirmed(packetIds, ACTOR);
        if (confirmed.size() < packetIds.size()) {
            LOG.debug("{} of {} accepted verdicts needed no change", packetIds.size() - confirmed.size(),
                    packetIds.size());
        }
    }

    /** "packet X, station Y (office Z), NIK 3276******0001, received T" — no personal data beyond the masked NIK. */
    static String otherRecord(JsonNode fields) {
        JsonNode d = fields == null ? null : fields.get("duplicateOf");
        if (d == null || !d.isObject()) {
            return "unknown";
        }
        StringBuilder b = new StringBuilder("packet ").append(d.path("packetId").asText("?"));
        b.append(", station ").append(d.path("stationId").asText("?"));
        if (d.hasNonNull("office")) {
            b.append(" (").append(d.get("office").asText()).append(')');
        }
        if (fields.hasNonNull("matchedBy")) {
            b.append(", matched by ").append(fields.get("matchedBy").asText());
        }
        if (d.hasNonNull("receivedAt")) {
            b.append(", received ").append(d.get("receivedAt").asText());
        }
        if (d.hasNonNull("nik")) {
            // The store masks any NIK it is given; pass it on so the operator can compare.
            b.append(", NIK ").append(d.get("nik").asText());
        }
        return b.toString();
    }

    static String reason(JsonNode fields) {
        JsonNode r = fields == null ? null : fields.get("reason");
        if (r == null || r.isNull()) {
            return "rejected by the central server";
        }
        if (r.isTextual()) {
            return r.asText();
        }
        return r.path("code").asText("?") + ": " + r.path("message").asText("");
    }
}
