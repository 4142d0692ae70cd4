package id.rekam.sync;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.core.outbox.EventOutbox;
import id.rekam.core.outbox.OutboxEntry;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.outbox.SealedPacket;
import id.rekam.core.trust.ServerKeys;
import id.rekam.core.trust.ServerTrust;
import id.rekam.sync.api.FeedItem;
import id.rekam.sync.api.ServerState;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a delivery pass works on: the unlocked store ({@link UnlockedSide}, in the station app or
 * a CLI given the passphrase), which applies what the server says at once through its audited
 * outbox, or the locked one ({@link LockedSide}, the sync service without the passphrase), which
 * can only send sealed packets and keep the server's signed word for the next unlock. Everything
 * the server says reaches these methods only after its signature was checked ({@code CentralApi}).
 */
public interface StationSide {

    String stationId();

    Path dataDir();

    Optional<ServerTrust> serverTrust();

    /** Before a pass: fold what a locked pass left, seal what waits for sealing (unlocked only). */
    void prepare();

    /** Pins keys learned over the pinned channel; false when this side cannot (locked). */
    boolean pinKeys(ServerKeys keys);

    // ---------------------------------------------------------------- packets

    List<OutboxEntry> deliverable(int limit);

    /** @throws id.rekam.core.store.StoreException not sealed yet, or purged */
    SealedPacket sealed(String packetId);

    void startUpload(String packetId, URI uploadUrl);

    void recordOffset(String packetId, long offset);

    /** Uploaded in one request, receipt verified: QUEUED (or UPLOADING) → ACKNOWLEDGED. */
    void acknowledgeUpload(String packetId, URI uploadUrl, JsonNode receipt);

    /** UPLOADING → ACKNOWLEDGED on a verified receipt. */
    void markAcknowledged(String packetId, JsonNode receipt);

    /** The body failed the server's verification (a receipt with status rejected): a final rejection. */
    void rejectedAtUpload(String packetId, JsonNode receipt);

    /** A verdict from a packet view, verified; {@code receipt} (verified) says the body was stored. */
    void decided(String packetId, ServerState state, JsonNode verdict, JsonNode receipt);

    void park(String packetId, String code, String reason);

    // ---------------------------------------------------------------- feed, events, report

    Optional<String> feedCursor();

    /**
     * A page of verified feed entries: applied (unlocked) or kept for the next unlock (locked),
     * station commands carried out either way; the cursor moves past them.
     *
     * @return entries that concerned a packet and were applied or kept
     */
    int feedPage(List<FeedItem> items, String nextCursor);

    /** After the last page of a pass: cases from local sources (overrides) are opened (unlocked only). */
    default void feedRead() {
    }

    /** The event outbox; empty when locked (events are sealed under the data key). */
    Optional<EventOutbox> events();

    /** Confirmed payloads purged after retention (unlocked only). */
    int purge(Duration retention);

    int pendingOnStation();

    List<String> unreportedPurges(int limit);

    void purgesReported(List<String> packetIds);

    /** The server revoked this station: its verified notice's commands are carried out. @return true if erased */
    boolean revoked(JsonNode notice);

    // ---------------------------------------------------------------- status

    Map<OutboxState, Long> countByState();

    long eventsNeedingAttention();
}
