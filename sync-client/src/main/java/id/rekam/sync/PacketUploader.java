package id.rekam.sync;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.core.outbox.OutboxEntry;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.outbox.SealedPacket;
import id.rekam.core.packet.PacketCodec;
import id.rekam.core.store.StoreException;
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
 * Delivers one packet, sealed to the central server (packet-format.md, "Sealed packet"): the bytes
 * on the wire are readable by the server alone, and the station holds no key to send them. One that
 * fits in a chunk goes in a single tus creation-with-upload request carrying the announcement; a
 * larger one is announced (once), then tus HEAD to learn the server's offset and PATCH chunks from
 * there, persisting the offset after each chunk the server confirmed. The packet becomes
 * ACKNOWLEDGED only on the server's <b>signed</b> receipt naming it and our hash (checked by
 * {@link CentralApi}). Network trouble throws {@link SyncFailure} and leaves the entry where it
 * was; a refusal that no retry can fix parks it with the reason.
 */
public final class PacketUploader {

    private static final Logger LOG = LoggerFactory.getLogger(PacketUploader.class);
    /** Offset corrections in a row before we call the server confused. */
    private static final int MAX_MISMATCHES = 3;

    public enum Outcome { ACKNOWLEDGED, DECIDED, PARKED, SKIPPED }

    private final StationSide side;
    private final CentralApi api;
    private final int chunkSize;
    /** Set on shutdown: stop between chunks. */
    private final BooleanSupplier stopping;
    /** Cleared when the server turns creation-with-upload down (an older server). */
    private volatile boolean creationWithUpload = true;
    /** Bytes put on the wire (PATCH bodies), for the benchmark's overhead figure. */
    private final java.util.concurrent.atomic.AtomicLong bytesSent = new java.util.concurrent.atomic.AtomicLong();

    public PacketUploader(StationSide side, CentralApi api, int chunkSize, BooleanSupplier stopping) {
        this.side = side;
        this.api = api;
        this.chunkSize = chunkSize;
        this.stopping = stopping;
    }

    public long bytesSent() {
        return bytesSent.get();
    }

    /** The sealed packet and its hash, computed once per delivery (checksum, request signature, receipt check). */
    private record Sending(SealedPacket packet, byte[] sha256, String sha256Hex) {
        byte[] body() {
            return packet.bytes();
        }
    }

    public Outcome deliver(OutboxEntry entry) throws SyncFailure {
        String id = entry.packetId();
        SealedPacket sealed;
        try {
            sealed = side.sealed(id);
        } catch (StoreException e) {
            // Not sealed yet (the store learns the server's key at its next unlock): nothing to send now.
            LOG.info("packet {} not sendable yet: {}", id, e.messageKey());
            return Outcome.SKIPPED;
        }
        byte[] sha = PacketCodec.sha256(sealed.bytes());
        Sending s = new Sending(sealed, sha, HexFormat.of().formatHex(sha));
        try {
            if (entry.state() == OutboxState.QUEUED && s.body().length <= chunkSize && creationWithUpload) {
                try {
                    return deliverWhole(id, s);
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
                PacketView view = api.announce(sealed, s.sha256Hex());
                if (!view.sha256().equals(s.sha256Hex())) {
                    // The server would answer 409 for another hash; a 200 with another hash is a broken server.
                    throw new SyncFailure(SyncFailure.Kind.PROTOCOL, "announce of " + id + " answered with hash "
                            + view.sha256());
                }
                uploadPath = view.uploadUrl();
                if (view.state() != ServerState.AWAITING_UPLOAD) {
                    side.startUpload(id, URI.create(uploadPath));
                    return afterDecided(id, view);
                }
                offset = view.uploadOffset();
                if (entry.state() == OutboxState.QUEUED && offset == 0 && s.body().length <= chunkSize) {
                    return uploadWhole(id, s, uploadPath);
                }
                side.startUpload(id, URI.create(uploadPath));
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
                    PacketView view = api.announce(sealed, s.sha256Hex());
                    uploadPath = view.uploadUrl();
                    side.startUpload(id, URI.create(uploadPath));
                    if (view.state() != ServerState.AWAITING_UPLOAD) {
                        return afterDecided(id, view);
                    }
                    head = new UploadState(view.uploadOffset(), null, null, null, false);
                }
                if (head.completion().isPresent()) {
                    return completed(id, s, head);
                }
                offset = head.offset();
            }
            return upload(id, s, uploadPath, offset);
        } catch (PacketRefused r) {
            side.park(id, r.code(), "server refused packet: " + r.getMessage());
            LOG.warn("packet {} parked: {}", id, r.code());
            return Outcome.PARKED;
        }
    }

    /**
     * A packet that fits in one chunk: announce, creation and body in one request. The store
     * is written once, after the server's answer (QUEUED → ACKNOWLEDGED in one transaction when
     * the server's receipt says it stored the body). After a failure the entry is still QUEUED,
     * and the next pass sends the same request: the server knows the packet by id and hash, and
     * answers with what it already holds.
     */
    private Outcome deliverWhole(String id, Sending s) throws SyncFailure, PacketRefused {
        if (stopping.getAsBoolean()) {
            throw new SyncFailure(SyncFailure.Kind.OFFLINE, "stopping");
        }
        int length = s.body().length;
        bytesSent.addAndGet(length);
        CentralApi.Created created = api.createWithUpload(s.packet(), s.sha256());
        UploadState after = created.state();
        String uploadPath = created.uploadPath();
        checkOffset(id, after.offset(), length);
        String status = after.completion().orElse(null);
        if (after.offset() == length && "received".equals(status) && believed(id, s, after)) {
            side.acknowledgeUpload(id, URI.create(uploadPath), after.receipt());
            return Outcome.ACKNOWLEDGED;
        }
        side.startUpload(id, URI.create(uploadPath));
        if (status != null) {
            return completed(id, s, after);
        }
        // The body was not taken (the upload had moved on, or its completion failed): resume with PATCH.
        return upload(id, s, uploadPath, after.offset());
    }

    /**
     * A packet that fits in one chunk, from offset 0: one PATCH, and the store is written once,
     * after the server's receipt (QUEUED → UPLOADING → ACKNOWLEDGED in one transaction).
     */
    private Outcome uploadWhole(String id, Sending s, String uploadPath) throws SyncFailure, PacketRefused {
        if (stopping.getAsBoolean()) {
            throw new SyncFailure(SyncFailure.Kind.OFFLINE, "stopping");
        }
        byte[] body = s.body();
        bytesSent.addAndGet(body.length);
        UploadState after;
        try {
            after = api.patch(uploadPath, 0, body, s.sha256());
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
            side.startUpload(id, URI.create(uploadPath));
            checkOffset(id, after.offset(), body.length);
            if (after.completion().isPresent()) {
                return completed(id, s, after);
            }
            return upload(id, s, uploadPath, after.offset());
        }
        String status = after.completion().orElse(null);
        if ("received".equals(status) && believed(id, s, after)) {
            side.acknowledgeUpload(id, URI.create(uploadPath), after.receipt());
            return Outcome.ACKNOWLEDGED;
        }
        // Rejected, or an answer we do not believe: record the upload, then judge it as always.
        side.startUpload(id, URI.create(uploadPath));
        return completed(id, s, after);
    }

    private Outcome upload(String id, Sending s, String uploadPath, long offset) throws SyncFailure, PacketRefused {
        byte[] body = s.body();
        checkOffset(id, offset, body.length);
        side.recordOffset(id, offset);
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
                    return completed(id, s, after);
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
                return completed(id, s, after);
            }
            side.recordOffset(id, offset);
        }
    }

    private void checkOffset(String id, long offset, long length) throws SyncFailure {
        if (offset < 0 || offset > length) {
            throw new SyncFailure(SyncFailure.Kind.PROTOCOL, "server offset " + offset + " outside packet " + id);
        }
    }

    /** A verified receipt for this packet and our bytes; one for another packet is a forgery. */
    private boolean believed(String id, Sending s, UploadState st) throws SyncFailure {
        if (st.receipt() == null) {
            return false;
        }
        if (!id.equals(st.receiptPacketId())) {
            throw new SyncFailure(SyncFailure.Kind.UNTRUSTED, "receipt for packet " + st.receiptPacketId()
                    + " given for " + id);
        }
        return s.sha256Hex().equals(st.sha256());
    }

    /** The body is complete on the server; believe it only on its signed receipt with our own hash. */
    private Outcome completed(String id, Sending s, UploadState st) throws SyncFailure {
        if (st.offset() != s.body().length) {
            throw new SyncFailure(SyncFailure.Kind.PROTOCOL, "completion reported at offset " + st.offset()
                    + " of " + s.body().length);
        }
        String status = st.completion().orElseThrow(() -> new SyncFailure(SyncFailure.Kind.PROTOCOL,
                "upload of " + id + " complete but the server did not say it stored it"));
        boolean ours = believed(id, s, st);
        if ("rejected".equals(status) && ours) {
            // Verification failed on the server (protocol §4.4-4.5): a final rejection with its code.
            side.rejectedAtUpload(id, st.receipt());
            return Outcome.DECIDED;
        }
        if (!ours) {
            // Never call it delivered: the server holds something else (or lies). A human must look.
            side.park(id, "sha256-mismatch", "server acknowledged SHA-256 " + st.sha256()
                    + " but the sealed packet is " + s.sha256Hex());
            return Outcome.PARKED;
        }
        side.markAcknowledged(id, st.receipt());
        return Outcome.ACKNOWLEDGED;
    }

    private Outcome afterDecided(String id, PacketView view) {
        JsonNode receipt = view.receipt();
        if (view.state() == ServerState.RECEIVED) {
            side.markAcknowledged(id, receipt);
            return Outcome.ACKNOWLEDGED;
        }
        side.decided(id, view.state(), view.verdict(), receipt);
        return Outcome.DECIDED;
    }
}
