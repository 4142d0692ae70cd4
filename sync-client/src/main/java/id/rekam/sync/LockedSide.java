package id.rekam.sync;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.core.outbox.EventOutbox;
import id.rekam.core.outbox.OutboxEntry;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.outbox.SealedPacket;
import id.rekam.core.store.DeliveryStore;
import id.rekam.core.trust.ServerKeys;
import id.rekam.core.trust.ServerTrust;
import id.rekam.sync.api.FeedItem;
import id.rekam.sync.api.ServerState;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The store without the passphrase (the sync service): it sends sealed packets and keeps what the
 * server signed (receipts, verdicts, case entries) in the journal for the next unlock ({@link DeliveryStore});
 * it never changes a record's state itself. It cannot purge or send events (both need the keys),
 * and it carries out the server's commands at once.
 */
public final class LockedSide implements StationSide {

    private final DeliveryStore store;

    public LockedSide(DeliveryStore store) {
        this.store = store;
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
        // Folding and sealing need the keys: the next unlock does both.
    }

    @Override
    public boolean pinKeys(ServerKeys keys) {
        return false;
    }

    @Override
    public List<OutboxEntry> deliverable(int limit) {
        return store.deliverable(limit);
    }

    @Override
    public SealedPacket sealed(String packetId) {
        return store.readSealed(packetId);
    }

    @Override
    public void startUpload(String packetId, URI uploadUrl) {
        store.recordUpload(packetId, uploadUrl);
    }

    @Override
    public void recordOffset(String packetId, long offset) {
        store.recordOffset(packetId, offset);
    }

    @Override
    public void acknowledgeUpload(String packetId, URI uploadUrl, JsonNode receipt) {
        store.recordReceipt(packetId, uploadUrl, receipt);
    }

    @Override
    public void markAcknowledged(String packetId, JsonNode receipt) {
        store.recordReceipt(packetId, null, receipt);
    }

    @Override
    public void rejectedAtUpload(String packetId, JsonNode receipt) {
        store.recordReceipt(packetId, null, receipt);
    }

    @Override
    public void decided(String packetId, ServerState state, JsonNode verdict, JsonNode receipt) {
        if (receipt != null) {
            store.recordReceipt(packetId, null, receipt);
        }
        if (verdict != null) {
            store.recordVerdict(verdict);
        }
    }

    @Override
    public void park(String packetId, String code, String reason) {
        store.recordParked(packetId, code);
    }

    @Override
    public Optional<String> feedCursor() {
        return store.feedCursor();
    }

    @Override
    public int feedPage(List<FeedItem> items, String nextCursor) {
        List<JsonNode> kept = new ArrayList<>();
        int verdicts = 0;
        for (FeedItem item : items) {
            if ("station-command".equals(item.type())) {
                store.applyCommand(item.fields());
                kept.add(item.fields());
            } else if (CaseEntries.concerns(item)
                    || (ServerState.fromWireIfKnown(item.type()).isPresent() && item.packetId() != null)) {
                // Case entries too: the unlock folds them and the cases layer takes them.
                kept.add(item.fields());
                verdicts++;
            }
        }
        store.recordFeedPage(kept, nextCursor);
        return verdicts;
    }

    @Override
    public Optional<EventOutbox> events() {
        return Optional.empty();
    }

    @Override
    public int purge(Duration retention) {
        return 0;
    }

    @Override
    public int pendingOnStation() {
        return store.pendingOnStation();
    }

    @Override
    public List<String> unreportedPurges(int limit) {
        return store.unreportedPurges(limit);
    }

    @Override
    public void purgesReported(List<String> packetIds) {
        store.purgesReported(packetIds);
    }

    @Override
    public boolean revoked(JsonNode notice) {
        return store.applyRevocation(notice);
    }

    @Override
    public Map<OutboxState, Long> countByState() {
        return store.countByState();
    }

    @Override
    public long eventsNeedingAttention() {
        return store.eventsNeedingAttention();
    }
}
