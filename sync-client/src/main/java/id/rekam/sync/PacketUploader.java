package id.rekam.sync;

import id.rekam.core.outbox.Outbox;
import id.rekam.core.outbox.OutboxEntry;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.outbox.PacketEnvelope;
import id.rekam.core.packet.PacketCodec;
import id.rekam.core.packet.PacketFormatException;
import id.rekam.core.packet.PacketManifest;
import id.rekam.core.store.StationStore;
import id.rekam.core.verdict.ServerVerdict;
import id.rekam.sync.api.CentralApi;
import id.rekam.sync.api.PacketRefused;
import id.rekam.sync.api.PacketView;
import id.rekam.sync.api.ServerState;
import id.rekam.sync.api.UploadState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.BooleanSupplier;

/**
 * Delivers one packet. One that fits in a chunk goes in a single tus creation-with-upload
 * request carrying the announcement; a larger one is announced (once), then tus HEAD to learn the server's offset and PATCH
 * chunks from there, persisting the offset after each chunk the server confirmed. The packet
 * becomes ACKNOWLEDGED only when the server says the complete body is stored and echoes our
 * hash. Network trouble throws {@link SyncFailure} and leaves the entry where it was; a
 * refusal that no retry can fix parks it in NEEDS_ATTENTION with the reason.
 */
public final class PacketUploader {

    private static final Logger LOG = LoggerFactory.getLogger(PacketUploader.class);
    private static final String ACTOR = VerdictApplier.ACTOR;
    /** Offset corrections in a row before we call the server confused. */
    private static final int MAX_MISMATCHES = 3;

    public enum Outcome { ACKNOWLEDGED, DECIDED, PARKED, SKIPPED }

    private final StationStore store;
    private final CentralApi api;
    private final VerdictApplier verdicts;
    private final int chunkSize;
    private final PacketCodec codec = new PacketCodec();
    /** Set on shutdown: stop between chunks. */
    private final BooleanSupplier stopping;
    /** Cleared when the server turns creation-with-upload down (an older server). */
    private volatile boolean creationWithUpload = true;
    /** Bytes put on the wire (PATCH bodies), for the benchmark's overhead figure. */
    private final java.util.concurrent.atomic.AtomicLong bytesSent = new java.util.concurrent.atomic.AtomicLong();

    public PacketUploader(StationStore store, CentralApi api, VerdictApplier verdicts, int chunkSize,
                          BooleanSupplier stopping) {
        this.store = store;
        this.api = api;
        this.verdicts = verdicts;
        this.chunkSize = chunkSize;
        this.stopping = stopping;
    }

    public long bytesSent() {
        return bytesSent.get();
    }

    public Outcome deliver(OutboxEntry entry) throws SyncFailure {
        Outbox outbox = store.outbox();
        String id = entry.packetId();
        PacketEnvelope envelope = outbox.readPacket(id);
        // Hashed once here; the manifest decode, the Upload-Checksum and the request signature reuse it.
        byte[] sha256 = PacketCodec.sha256(envelope.body());
        if (!HexFormat.of().formatHex(sha256).equals(envelope.sha256())) {
            outbox.markNeedsAttention(id, "local packet body does not match its stored SHA-256", ACTOR);
            return Outcome.PARKED;
        }
        try {
            if (entry.state() == OutboxState.QUEUED && envelope.body().length <= chunkSize && creationWithUpload) {
                try {
                    return deliverWhole(id, envelope, sha256);
                } catch (PacketRefused r) {
                    if (!"creation-with-upload-unsupported".equals(r.code())) {
                        throw r;
                    }
                    // A server from before creation-with-upload: announce, then PATCH, from now on.
                    creationWithUpload = false;
                }
            }
            String uploadPath;
            long offset;
            if (entry.state() == OutboxState.QUEUED || entry.uploadUrl() == null) {
                PacketView view = api.announce(envelope, manifest(envelope));
                if (!view.sha256().equals(envelope.sha256())) {
                    // The server would answer 409 for another hash; a 200 with another hash is a broken server.
                    throw new SyncFailure(SyncFailure.Kind.PROTOCOL, "announce of " + id + " answered with hash "
                            + view.sha256());
                }
                uploadPath = view.uploadUrl();
                if (view.state() != ServerState.AWAITING_UPLOAD) {
                    outbox.startUpload(id, URI.create(uploadPath), ACTOR);
                    return afterDecided(id, view);
                }
                offset = view.uploadOffset();
                if (entry.state() == OutboxState.QUEUED && offset == 0 && envelope.body().length <= chunkSize) {
                    return uploadWhole(id, envelope, sha256, uploadPath);
                }
                outbox.startUpload(id, URI.create(uploadPath), ACTOR);
            } else {
                uploadPath = entry.uploadUrl().toString();
                UploadState head;
                try {
                    head = api.head(uploadPath);
                } catch (PacketRefused r) {
                    if (!"upload-not-found".equals(r.code())) {
                        throw r;
                    }
                    // The server lost or expired the upload: announce again for a fresh one.
                    PacketView view = api.announce(envelope, manifest(envelope));
                    uploadPath = view.uploadUrl();
                    outbox.startUpload(id, URI.create(uploadPath), ACTOR);
                    if (view.state() != ServerState.AWAITING_UPLOAD) {
                        return afterDecided(id, view);
                    }
                    head = new UploadState(view.uploadOffset(), null, null, null, false);
                }
                if (head.completion().isPresent()) {
                    return completed(id, envelope, head);
                }
                offset = head.offset();
            }
            return upload(id, envelope, uploadPath, offset);
        } catch (PacketRefused r) {
            String reason = "server refused packet: " + r.getMessage();
            outbox.markNeedsAttention(id, reason, ACTOR);
            LOG.warn("packet {} parked: {}", id, r.code());
            return Outcome.PARKED;
        }
    }

    /**
     * A packet that fits in one chunk: announce, creation and body in one request. The store
     * is written once, after the server's answer (QUEUED → ACKNOWLEDGED in one transaction when
     * the server says it stored the body). After a failure the entry is still QUEUED, and the
     * next pass sends the same request: the server knows the packet by id and hash, and
     * answers with what it already holds.
     */
    private Outcome deliverWhole(String id, PacketEnvelope envelope, byte[] sha256) throws SyncFailure, PacketRefused {
        if (stopping.getAsBoolean()) {
            throw new SyncFailure(SyncFailure.Kind.OFFLINE, "stopping");
        }
        int length = envelope.body().length;
        bytesSent.addAndGet(length);
        CentralApi.Created created = api.createWithUpload(envelope, manifest(envelope), sha256);
        UploadState after = created.state();
        String uploadPath = created.uploadPath();
        checkOffset(id, after.offset(), length);
        String status = after.completion().orElse(null);
        if (after.offset() == length && status != null && !"rejected".equals(status)
                && envelope.sha256().equals(after.sha256())) {
            store.outbox().acknowledgeUpload(id, URI.create(uploadPath), ACTOR);
            return Outcome.ACKNOWLEDGED;
        }
        store.outbox().startUpload(id, URI.create(uploadPath), ACTOR);
        if (status != null) {
            return completed(id, envelope, after);
        }
        // The body was not taken (the upload had moved on, or its completion failed): resume with PATCH.
        return upload(id, envelope, uploadPath, after.offset());
    }

    /**
     * A packet that fits in one chunk, from offset 0: one PATCH, and the store is written once,
     * after the server's acknowledgement (QUEUED → UPLOADING → ACKNOWLEDGED in one transaction).
     * There is no offset worth keeping in between: a chunk is stored all or nothing, and after
     * a failure the entry is still QUEUED, so the next pass announces again and learns from the
     * server whether the body arrived.
     */
    private Outcome uploadWhole(String id, PacketEnvelope envelope, byte[] sha256, String uploadPath)
            throws SyncFailure, PacketRefused {
        if (stopping.getAsBoolean()) {
            throw new SyncFailure(SyncFailure.Kind.OFFLINE, "stopping");
        }
        byte[] body = envelope.body();
        bytesSent.addAndGet(body.length);
        UploadState after;
        try {
            after = api.patch(uploadPath, 0, body, sha256);
        } catch (PacketRefused r) {
            if (!"upload-not-found".equals(r.code())) {
                throw r;
            }
            // The server lost the announcement (restart after a power cut): still QUEUED, the next pass announces again.
            throw new SyncFailure(SyncFailure.Kind.SERVER_ERROR, "server forgot the upload of " + id);
        }
        if (after.offsetMismatch() || after.offset() != body.length) {
            if (!after.offsetMismatch()) {
                throw new SyncFailure(SyncFailure.Kind.PROTOCOL, "server reports offset " + after.offset()
                        + " after a chunk that ends at " + body.length);
            }
            // Someone else moved this upload (a request of ours the server took after all): go the long way.
            store.outbox().startUpload(id, URI.create(uploadPath), ACTOR);
            checkOffset(id, after.offset(), body.length);
            if (after.completion().isPresent()) {
                return completed(id, envelope, after);
            }
            return upload(id, envelope, uploadPath, after.offset());
        }
        String status = after.completion().orElse(null);
        if (status != null && !"rejected".equals(status) && envelope.sha256().equals(after.sha256())) {
            store.outbox().acknowledgeUpload(id, URI.create(uploadPath), ACTOR);
            return Outcome.ACKNOWLEDGED;
        }
        // Rejected, or an answer we do not believe: record the upload, then judge it as always.
        store.outbox().startUpload(id, URI.create(uploadPath), ACTOR);
        return completed(id, envelope, after);
    }

    private Outcome upload(String id, PacketEnvelope envelope, String uploadPath, long offset)
            throws SyncFailure, PacketRefused {
        byte[] body = envelope.body();
        checkOffset(id, offset, body.length);
        recordOffset(id, offset);
        int mismatches = 0;
        while (true) {
            if (stopping.getAsBoolean()) {
                throw new SyncFailure(SyncFailure.Kind.OFFLINE, "stopping");
            }
            int n = (int) Math.min(chunkSize, body.length - offset);
            byte[] chunk = Arrays.copyOfRange(body, (int) offset, (int) offset + n);
            bytesSent.addAndGet(n);
            UploadState after = api.patch(uploadPath, offset, chunk);
            if (after.offsetMismatch()) {
                if (++mismatches > MAX_MISMATCHES) {
                    throw new SyncFailure(SyncFailure.Kind.PROTOCOL, "server keeps moving the offset of " + id);
                }
                offset = after.offset();
                checkOffset(id, offset, body.length);
                if (after.completion().isPresent()) {
                    return completed(id, envelope, after);
                }
                continue;
            }
            mismatches = 0;
            if (after.offset() != offset + n) {
                throw new SyncFailure(SyncFailure.Kind.PROTOCOL, "server reports offset " + after.offset()
                        + " after a chunk that ends at " + (offset + n));
            }
            offset = after.offset();
            if (offset == body.length) {
                return completed(id, envelope, after);
            }
            recordOffset(id, offset);
        }
    }

    private void checkOffset(String id, long offset, long length) throws SyncFailure {
        if (offset < 0 || offset > length) {
            throw new SyncFailure(SyncFailure.Kind.PROTOCOL, "server offset " + offset + " outside packet " + id);
        }
    }

    private void recordOffset(String id, long offset) {
        OutboxEntry now = store.outbox().entry(id).orElseThrow();
        if (offset > now.uploadOffset()) {
            store.outbox().recordUploadOffset(id, offset);
        }
    }

    /** The body is complete on the server; believe it only with our own hash echoed. */
    private Outcome completed(String id, PacketEnvelope envelope, UploadState s) throws SyncFailure {
        if (s.offset() != envelope.body().length) {
            throw new SyncFailure(SyncFailure.Kind.PROTOCOL, "completion reported at offset " + s.offset()
                    + " of " + envelope.body().length);
        }
        String status = s.completion().orElseThrow(() -> new SyncFailure(SyncFailure.Kind.PROTOCOL,
                "upload of " + id + " complete but the server did not say it stored it"));
        if ("rejected".equals(status)) {
            // Verification failed on the server (protocol §4.4-4.5): a final rejection with its code.
            store.verdicts().apply(id, new ServerVerdict.Rejected(null, s.reason() == null ? "unknown" : s.reason(),
                    null), ACTOR);
            return Outcome.DECIDED;
        }
        if (!envelope.sha256().equals(s.sha256())) {
            // Never call it delivered: the server holds something else (or lies). A human must look.
            store.outbox().markNeedsAttention(id, "server acknowledged SHA-256 " + s.sha256()
                    + " but the packet is " + envelope.sha256(), ACTOR);
            return Outcome.PARKED;
        }
        store.outbox().markAcknowledged(id, ACTOR);
        return Outcome.ACKNOWLEDGED;
    }

    private Outcome afterDecided(String id, PacketView view) {
        if (view.state() == ServerState.RECEIVED) {
            store.outbox().markAcknowledged(id, ACTOR);
            return Outcome.ACKNOWLEDGED;
        }
        verdicts.apply(id, view.state(), view.verdict());
        return Outcome.DECIDED;
    }

    private PacketManifest manifest(PacketEnvelope envelope) throws PacketRefused {
        try {
            return codec.decode(envelope.body(), envelope.sha256()).manifest();
        } catch (PacketFormatException e) {
            throw new PacketRefused("local-packet-unreadable", e.getMessage());
        }
    }
}
