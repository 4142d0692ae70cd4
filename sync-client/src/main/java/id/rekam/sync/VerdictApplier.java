package id.rekam.sync;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.store.StationStore;
import id.rekam.core.verdict.ServerVerdict;
import id.rekam.core.verdict.VerdictFields;
import id.rekam.sync.api.ServerState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
        if (!state.isVerdict()) {
            throw new IllegalArgumentException(state + " is not a verdict");
        }
        return VerdictFields.of(state.wire(), fields);
    }

    static ServerVerdict.Accepted accepted(JsonNode fields) {
        return VerdictFields.accepted(fields);
    }
}
