package id.rekam.server.packets;

import id.rekam.core.crypto.PacketSeal;
import id.rekam.core.domain.Nik;
import id.rekam.core.packet.Packet;
import id.rekam.core.packet.PacketCodec;
import id.rekam.core.packet.PacketFormatException;
import id.rekam.core.packet.PacketManifest;
import id.rekam.server.auth.Ed25519Keys;
import id.rekam.server.dedup.DedupService;
import id.rekam.server.dedup.Verdict;
import id.rekam.server.feed.FeedbackFeed;
import id.rekam.server.http.ApiException;
import id.rekam.server.http.Json;
import id.rekam.server.keys.ServerKeyStore;
import id.rekam.server.stations.Station;
import id.rekam.server.stations.StationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Announce, chunk append and completion of packets. Completion verifies the body against
 * what was announced and signed, stores it durably and records it {@code received} — that is
 * the acknowledgement. The verdict (dedup) is the {@link DecisionWorker}'s job, off the request
 * path; it reaches the station through the feed (protocol §4.5). A crash after the
 * acknowledgement leaves the packet {@code received}, and the worker decides it after the
 * restart.
 */
public final class PacketService {

    private static final Logger LOG = LoggerFactory.getLogger(PacketService.class);
    private static final Pattern PACKET_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int STRIPES = 64;

    private final ServerKeyStore keys;
    private final PacketRepository repo;
    private final UploadFiles files;
    private final DedupService dedup;
    private final Clock clock;
    private final long maxSize;
    private final PacketCodec codec = new PacketCodec();
    private final SecureRandom random = new SecureRandom();
    private final DecisionWorker decisions;
    /**
     * Upload steps of one packet run one at a time (offset check, append, completion); steps
     * of different packets overlap, so one upload's fsync does not hold up the others. The
     * database connection serialises the SQL itself.
     */
    private final Object[] stripes = new Object[STRIPES];

    public PacketService(PacketRepository repo, UploadFiles files, DedupService dedup, StationRegistry stations,
                         ServerKeyStore keys, Clock clock, long maxSize) {
        this.keys = keys;
        this.repo = repo;
        this.files = files;
        this.dedup = dedup;
        this.clock = clock;
        this.maxSize = maxSize;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
        this.decisions = new DecisionWorker(repo, files, dedup, stations, clock, this);
    }

    private Object lockOf(String packetId) {
        return stripes[Math.floorMod(packetId.hashCode(), STRIPES)];
    }

    public DecisionWorker decisions() {
        return decisions;
    }

    public record AnnounceResult(PacketRecord packet, boolean created) {
    }

    public AnnounceResult announce(Station station, Announcement a) {
        validate(a);
        // The station signs the packet inside; what travels is sealed, so only its hash is checked here.
        if (!Ed25519Keys.verify(station.publicKeyBase64(), PacketCodec.signingInput(a.packetId(), a.contentSha256()),
                a.signature())) {
            throw new ApiException(422, "bad-packet-signature",
                    "signature does not verify for rekam-packet-v1:" + a.packetId() + ":" + a.contentSha256());
        }
        synchronized (lockOf(a.packetId())) {
            Optional<PacketRecord> existing = repo.find(a.packetId());
            if (existing.isPresent()) {
                PacketRecord p = existing.get();
                if (!p.stationId().equals(station.stationId()) || !p.sha256().equals(a.sha256())) {
                    throw new PacketConflict(a.packetId(), p.stationId().equals(station.stationId()) ? p.sha256() : null,
                            a.sha256());
                }
                return new AnnounceResult(p, false);
            }
            byte[] id = new byte[18];
            random.nextBytes(id);
            PacketRecord p = new PacketRecord(a.packetId(), station.stationId(), a.kind(), a.size(), a.sha256(),
                    a.signature(), "[]", PacketState.AWAITING_UPLOAD,
                    Base64.getUrlEncoder().withoutPadding().encodeToString(id), 0, null, null, null, null,
                    clock.instant(), null, null, null, a.contentSha256(), null);
            repo.insertAnnounced(p);
            LOG.debug("packet {} announced by {} ({} bytes)", p.packetId(), station.stationId(), p.size());
            return new AnnounceResult(p, true);
        }
    }
    private void validate(Announcement a) {
        if (a.packetId() == null || !PACKET_ID.matcher(a.packetId()).matches()) {
            throw new ApiException(400, "bad-request", "packetId must match " + PACKET_ID.pattern());
        }
        if (a.sha256() == null || !SHA256.matcher(a.sha256()).matches()) {
            throw new ApiException(400, "bad-request", "sha256 must be 64 lowercase hex digits");
        }
        if (a.size() == null || a.size() <= 0 || a.signature() == null) {
            throw new ApiException(400, "bad-request", "size and signature are required");
        }
        if (a.contentSha256() == null) {
            throw new ApiException(422, "packet-not-sealed", "packets are uploaded sealed to the server's packet key "
                    + "(packet-format.md, Sealed packet): announce contentSha256 and upload the sealed bytes");
        }
        if (!SHA256.matcher(a.contentSha256()).matches()) {
            throw new ApiException(400, "bad-request", "contentSha256 must be 64 lowercase hex digits");
        }
        if (!"enrollment".equals(a.kind())) {
            throw new ApiException(422, "unsupported-kind", "this server accepts kind 'enrollment' only");
        }
        if (a.size() > maxSize) {
            throw new ApiException(413, "packet-too-large", "packets may have at most " + maxSize + " bytes");
        }
    }

    public Optional<PacketRecord> find(String packetId) {
        return repo.find(packetId);
    }

    public Optional<PacketRecord> findUpload(Station station, String uploadId) {
        return repo.findByUpload(uploadId).filter(p -> p.stationId().equals(station.stationId()));
    }

    /**
     * Appends a verified chunk at {@code offset}, durably, and completes the packet when the
     * last byte arrived.
     *
     * @param chunkSha256 SHA-256 of {@code chunk}, computed while it was read
     * @return the packet after this step
     */
    public PacketRecord append(PacketRecord p, long offset, byte[] chunk, byte[] chunkSha256) {
        synchronized (lockOf(p.packetId())) {
            PacketRecord current = repo.find(p.packetId()).orElseThrow();
            if (current.effectiveOffset() != offset) {
                throw new ApiException(409, "offset-mismatch", "upload is at offset " + current.effectiveOffset())
                        .withHeader("Upload-Offset", Long.toString(current.effectiveOffset()));
            }
            if (offset + chunk.length > current.size()) {
                throw new ApiException(413, "upload-overflow", "chunk goes beyond Upload-Length " + current.size());
            }
            if (chunk.length == 0) {
                // All bytes are here but completion failed earlier (e.g. disk trouble): try it again.
                if (current.state() == PacketState.AWAITING_UPLOAD && current.uploadOffset() == current.size()) {
                    complete(current, null, null);
                    return repo.find(p.packetId()).orElseThrow();
                }
                return current;
            }
            files.append(current.uploadId(), offset, chunk);
            long next = offset + chunk.length;
            if (next == current.size()) {
                // A body sent in one chunk is that chunk: no need to read it back or hash it again.
                boolean whole = offset == 0;
                complete(current, whole ? chunk : null, whole ? HexFormat.of().formatHex(chunkSha256) : null);
            } else {
                repo.updateOffset(current.packetId(), next);
            }
            return repo.find(p.packetId()).orElseThrow();
        }
    }

    /**
     * Verifies the complete body and records it received, with the final offset, in one
     * transaction: the acknowledgement. {@code body}/{@code sha} are null when the body must
     * be read back from disk (several chunks, or a retry).
     */
    private void complete(PacketRecord p, byte[] body, String sha) {
        // The body is already in its final place if the server died between promote and commit.
        boolean partial = files.hasPartial(p.uploadId());
        if (body == null) {
            body = partial ? files.readPartial(p.uploadId(), p.size()) : files.readPacket(p.packetId());
            sha = PacketCodec.sha256Hex(body);
        }
        if (!sha.equals(p.sha256())) {
            rejectUnstored(p, "body-sha256-mismatch", "uploaded body has SHA-256 " + sha + ", announced " + p.sha256());
            return;
        }
        Packet packet;
        try {
            packet = opened(p, body);
        } catch (PacketSeal.Unopenable e) {
            rejectUnstored(p, "unopenable-packet", e.getMessage());
            return;
        } catch (ContentMismatch e) {
            rejectUnstored(p, "content-sha256-mismatch", e.getMessage());
            return;
        } catch (PacketFormatException e) {
            rejectUnstored(p, "malformed-packet", e.getMessage());
            return;
        }
        String mismatch = manifestMismatch(p, packet.manifest());
        if (mismatch != null) {
            rejectUnstored(p, "manifest-mismatch", mismatch);
            return;
        }
        if (partial) {
            files.promote(p.uploadId(), p.packetId());
        }
        String nik = dedup.nik(packet).map(Nik::value).orElse(null);
        Instant now = clock.instant();
        repo.db().tx(c -> {
            PacketRepository.markReceived(c, p.packetId(), nik, now);
            return null;
        });
        LOG.debug("packet {} from {} stored", p.packetId(), p.stationId());
        decisions.submit(p.packetId(), packet);
    }
    /** The packet inside a sealed upload, checked against the hash the station signed. */
    Packet opened(PacketRecord p, byte[] sealed) throws PacketSeal.Unopenable, ContentMismatch, PacketFormatException {
        byte[] inner = keys.open(sealed, p.packetId());
        String innerSha = PacketCodec.sha256Hex(inner);
        if (!innerSha.equals(p.contentSha256())) {
            throw new ContentMismatch("the sealed packet holds SHA-256 " + innerSha + ", signed " + p.contentSha256());
        }
        return codec.decode(inner, innerSha);
    }

    static final class ContentMismatch extends Exception {
        ContentMismatch(String message) {
            super(message);
        }
    }

    private String manifestMismatch(PacketRecord p, PacketManifest m) {
        if (!p.packetId().equals(m.packetId())) {
            return "body is packet " + m.packetId() + ", announced " + p.packetId();
        }
        if (!p.stationId().equals(m.stationId())) {
            return "body was made by station " + m.stationId() + ", uploaded by " + p.stationId();
        }
        if (!p.kind().equals(m.kind())) {
            return "body is kind " + m.kind() + ", announced " + p.kind();
        }
        return null;
    }

    private void rejectUnstored(PacketRecord p, String code, String message) {
        files.discard(p.uploadId());
        Verdict v = Verdict.rejected(code, message);
        repo.db().tx(c -> {
            PacketRepository.decide(c, p.packetId(), PacketState.REJECTED, code, message,
                    Json.writeString(v.feedFields()), clock.instant());
            FeedbackFeed.append(c, p.stationId(), p.packetId(), "rejected", v.feedFields(), clock.instant());
            return null;
        });
        LOG.warn("packet {} from {} rejected: {}", p.packetId(), p.stationId(), code);
    }

    /**
     * After a start: completes uploads whose last chunk was stored but not recorded, and
     * hands every packet still {@code received} (acknowledged, not yet decided) to the
     * decision worker.
     */
    public void recover() {
        for (PacketRecord p : repo.inState(PacketState.AWAITING_UPLOAD)) {
            if (p.uploadOffset() == p.size()) {
                synchronized (lockOf(p.packetId())) {
                    complete(p, null, null);
                }
            }
        }
        for (PacketRecord p : repo.list()) {
            if (p.receivedAt() != null) {
                files.finishPromote(p.uploadId(), p.packetId());
            }
        }
        for (PacketRecord p : repo.inState(PacketState.RECEIVED)) {
            decisions.submit(p.packetId(), null);
        }
    }

    /** Accepted → print-ready, with a feed entry. @return false if the packet is not accepted */
    public boolean markPrintReady(String packetId) {
        synchronized (lockOf(packetId)) {
            Optional<PacketRecord> p = repo.find(packetId);
            if (p.isEmpty() || p.get().state() != PacketState.ACCEPTED) {
                return false;
            }
            Instant now = clock.instant();
            repo.db().tx(c -> {
                PacketRepository.markPrintReady(c, packetId, now);
                FeedbackFeed.append(c, p.get().stationId(), packetId, PacketState.PRINT_READY.wire(), Map.of(), now);
                return null;
            });
            return true;
        }
    }

    /** Makes every record accepted at least {@code delay} ago print-ready (demo flow). */
    public int promoteAcceptedOlderThan(java.time.Duration delay) {
        Instant cutoff = clock.instant().minus(delay);
        int n = 0;
        for (PacketRecord p : repo.inState(PacketState.ACCEPTED)) {
            if (p.decidedAt() != null && !p.decidedAt().isAfter(cutoff) && markPrintReady(p.packetId())) {
                n++;
            }
        }
        return n;
    }

    /** Same packet id, different content (or another station): needs a human, never a retry. */
    public static final class PacketConflict extends ApiException {
        private final String packetId;
        private final String storedSha256;
        private final String announcedSha256;

        PacketConflict(String packetId, String storedSha256, String announcedSha256) {
            super(409, "packet-conflict", "packet " + packetId + " was already announced with different content");
            this.packetId = packetId;
            this.storedSha256 = storedSha256;
            this.announcedSha256 = Objects.requireNonNull(announcedSha256);
        }

        @Override
        public id.rekam.server.http.Response toResponse() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", code());
            body.put("message", getMessage());
            body.put("packetId", packetId);
            if (storedSha256 != null) {
                body.put("storedSha256", storedSha256);
            }
            body.put("announcedSha256", announcedSha256);
            body.put("retryable", false);
            return id.rekam.server.http.Response.json(409, body);
        }
    }
}
