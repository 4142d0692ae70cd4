package id.rekam.core.outbox;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The delivery side of the store, as the sync client sees it. Every state change is checked
 * against {@link OutboxState} (illegal ones throw {@link IllegalTransitionException} and change
 * nothing) and is written together with its audit entry in one transaction. {@code actor} is
 * who made the change (e.g. {@code "sync"} or an operator's user name).
 */
public interface Outbox {

    /** QUEUED, UPLOADING and EXPORTED entries, oldest capture first. */
    List<OutboxEntry> deliverable(int limit);

    Optional<OutboxEntry> entry(String packetId);

    /** Entries in {@code state}, oldest capture first (e.g. CONFIRMED ones for the sync CLI's verify). */
    List<OutboxEntry> inState(OutboxState state, int limit);

    /** Cursor of the server's feedback feed up to which verdicts were applied; empty before the first. */
    Optional<String> feedCursor();

    /** Persists the feed cursor; the sync client calls it after applying the page's verdicts. */
    void recordFeedCursor(String cursor);

    /** Body, hash and signature of a packet whose payload has not been purged. */
    PacketEnvelope readPacket(String packetId);

    /**
     * The packet sealed to the central server, as the sync service uploads it (no key needed).
     *
     * @throws id.rekam.core.store.StoreException not sealed yet: the station has not learned the server's key
     */
    SealedPacket readSealed(String packetId);

    /**
     * CAPTURED → APPROVED for each id, all in one transaction; only an account
     * {@code CommitPolicy.mayApprove}. This is the bare transition (tools, tests, states that
     * wait for a queue); the desk approves through {@code Captures.approve}, which queues in the
     * same transaction.
     */
    void approve(Collection<String> packetIds, String supervisor);

    /** APPROVED → QUEUED for the given packets. */
    void enqueue(Collection<String> packetIds, String actor);

    /** APPROVED → QUEUED for every approved packet; returns how many. */
    int enqueueAllApproved(String actor);

    /**
     * QUEUED → UPLOADING with the upload's URL (offset 0). On an entry already UPLOADING this
     * replaces an expired upload with a new one (state unchanged, audited).
     */
    void startUpload(String packetId, URI uploadUrl, String actor);

    /** Persists how many bytes the server has; only for UPLOADING entries; never goes backwards. */
    void recordUploadOffset(String packetId, long offset);

    void markAcknowledged(String packetId, String actor);

    /**
     * The server acknowledged a packet uploaded in one request: QUEUED → UPLOADING (with the
     * upload's URL) → ACKNOWLEDGED, or UPLOADING → ACKNOWLEDGED, both transitions audited, in
     * one transaction. Nothing needs storing in between when there is no offset to resume from.
     */
    void acknowledgeUpload(String packetId, URI uploadUrl, String actor);

    /** ACKNOWLEDGED → CONFIRMED without a verdict's data; the sync client applies verdicts through {@code Verdicts}. */
    void markConfirmed(String packetId, String actor);

    /** Parks a packet for a technician; {@code reason} is sealed (it may quote a server's text). */
    void markNeedsAttention(String packetId, String reason, String actor);

    /** Technician's explicit decision to retry a parked packet: NEEDS_ATTENTION → QUEUED. */
    void requeue(String packetId, String reason, String technician);

    Map<OutboxState, Long> countByState();

    /**
     * A technician wrote these packets into export bundle {@code bundleId}: each still in an
     * {@link OutboxState#isExportable()} state moves to EXPORTED with an audit entry naming the
     * bundle, all in one transaction; one the sync client finished meanwhile keeps its verdict.
     * Their upload URL is forgotten, so a later upload starts with a fresh announce (the server
     * answers it with what it already holds).
     *
     * @return how many moved to EXPORTED
     */
    int markExported(Collection<String> packetIds, String bundleId, String technician);

    /**
     * Drops the payload (photo, finger images, signature, demographics part) of packets
     * CONFIRMED or PRINT_READY for longer than {@code retention} (counted from the latest verdict). Kept: the tombstone (id, SHA-256, signature,
     * record summary), the audit entries, and the fingerprint templates (sealed) for the 1:1
     * match at card hand-over. Returns how many were purged.
     */
    int purgeConfirmed(Duration retention, String actor);
}
