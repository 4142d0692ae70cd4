package id.rekam.sync;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.core.outbox.EventOutbox;
import id.rekam.core.outbox.EventState;
import id.rekam.core.outbox.OutboxEntry;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.outbox.SealedPacket;
import id.rekam.core.store.StationStore;
import id.rekam.core.trust.ServerKeys;
import id.rekam.core.trust.ServerTrust;
import id.rekam.core.verdict.VerdictFields;
import id.rekam.sync.api.FeedItem;
import id.rekam.sync.api.ServerState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The unlocked store: what the server says (verified) goes straight into the audited outbox and verdicts. */
public final class UnlockedSide implements StationSide {

    private static final Logger LOG = LoggerFactory.getLogger(UnlockedSide.class);
    static final String ACTOR = VerdictApplier.ACTOR;

    private final StationStore store;
    private final VerdictApplier verdicts;
    private final CaseEntries cases;

    public UnlockedSide(StationStore store) {
        this.store = store;
        this.verdicts = new VerdictApplier(store);
        this.cases = new CaseEntries(store);
    }

    /** Case entries (and case-raising verdicts) that opened no case, by reason. */
    public Map<String, Long> casesRefused() {
        return cases.refused();
    }

    public StationStore store() {
        return store;
    }

    @Override
    public String stationId() {
        return store.stationId();
    }

    @Override
    public Path dataDir() {
        return store.dataDir();
    }

    @Override
    public Optional<ServerTrust> serverTrust() {
        return store.serverTrust();
    }

    @Override
    public void prepare() {
        store.foldJournal();
        store.sealQueue();
        // Case entries the locked service kept, and cases from the verdicts the fold just applied.
        cases.takeLocalSources();
    }

    @Override
    public boolean pinKeys(ServerKeys keys) {
        ServerTrust t = store.serverTrust().orElseThrow();
        store.pinServer(t.withKeys(keys, java.time.Instant.now()), ACTOR);
        return true;
    }

    @Override
    public List<OutboxEntry> deliverable(int limit) {
        return store.outbox().deliverable(limit);
    }

    @Override
    public SealedPacket sealed(String packetId) {
        return store.outbox().readSealed(packetId);
    }

    @Override
    public void startUpload(String packetId, URI uploadUrl) {
        store.outbox().startUpload(packetId, uploadUrl, ACTOR);
    }

    @Override
    public void recordOffset(String packetId, long offset) {
        OutboxEntry now = store.outbox().entry(packetId).orElseThrow();
        if (offset > now.uploadOffset()) {
            store.outbox().recordUploadOffset(packetId, offset);
        }
    }

    @Override
    public void acknowledgeUpload(String packetId, URI uploadUrl, JsonNode receipt) {
        store.outbox().acknowledgeUpload(packetId, uploadUrl, ACTOR);
    }

    @Override
    public void markAcknowledged(String packetId, JsonNode receipt) {
        store.outbox().markAcknowledged(packetId, ACTOR);
    }

    @Override
    public void rejectedAtUpload(String packetId, JsonNode receipt) {
        store.verdicts().apply(packetId, VerdictFields.receiptRejection(receipt), ACTOR);
    }

    @Override
    public void decided(String packetId, ServerState state, JsonNode verdict, JsonNode receipt) {
        verdicts.apply(packetId, state, verdict);
    }

    @Override
    public void park(String packetId, String code, String reason) {
        store.outbox().markNeedsAttention(packetId, reason, ACTOR);
    }

    @Override
    public Optional<String> feedCursor() {
        return store.outbox().feedCursor();
    }

    @Override
    public int feedPage(List<FeedItem> items, String nextCursor) {
        int applied = 0;
        // Consecutive "accepted" entries are applied in one store transaction (one commit per page
        // instead of one per packet); anything else in between keeps its order.
        Map<String, JsonNode> accepted = new LinkedHashMap<>();
        for (FeedItem item : items) {
            if ("station-command".equals(item.type())) {
                verdicts.applyAccepted(accepted);
                accepted.clear();
                store.applyServerCommand(item.fields());
                continue;
            }
            Optional<ServerState> state = ServerState.fromWireIfKnown(item.type());
            if (CaseEntries.concerns(item) && (state.isEmpty() || item.packetId() == null)) {
                // A case entry, or a case-raising verdict this version has no packet state for.
                verdicts.applyAccepted(accepted);
                accepted.clear();
                cases.take(item);
                applied++;
                continue;
            }
            if (state.isEmpty() || item.packetId() == null) {
                LOG.warn("feed entry {} of unknown type '{}' skipped", item.cursor(), item.type());
                continue;
            }
            applied++;
            if (state.get() == ServerState.ACCEPTED) {
                accepted.put(item.packetId(), item.fields());
                continue;
            }
            verdicts.applyAccepted(accepted);
            accepted.clear();
            verdicts.apply(item.packetId(), state.get(), item.fields());
            if (CaseEntries.concerns(item)) {
                // After the verdict: the record is DUPLICATE when its case opens.
                cases.take(item);
            }
        }
        verdicts.applyAccepted(accepted);
        if (!nextCursor.equals(store.outbox().feedCursor().orElse("0"))) {
            store.outbox().recordFeedCursor(nextCursor);
        }
        return applied;
    }

    @Override
    public void feedRead() {
        cases.takeLocalSources();
    }

    @Override
    public Optional<EventOutbox> events() {
        return Optional.of(store.events());
    }

    @Override
    public int purge(Duration retention) {
        return store.outbox().purgeConfirmed(retention, ACTOR);
    }

    @Override
    public int pendingOnStation() {
        return store.delivery().pendingOnStation();
    }

    @Override
    public List<String> unreportedPurges(int limit) {
        return store.delivery().unreportedPurges(limit);
    }

    @Override
    public void purgesReported(List<String> packetIds) {
        store.delivery().purgesReported(packetIds);
    }

    @Override
    public boolean revoked(JsonNode notice) {
        return store.applyRevocation(notice);
    }

    @Override
    public Map<OutboxState, Long> countByState() {
        return store.outbox().countByState();
    }

    @Override
    public long eventsNeedingAttention() {
        return store.events().countByState().get(EventState.NEEDS_ATTENTION);
    }

}
