package id.rekam.sync.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rekam.core.outbox.OutboxEvent;
import id.rekam.core.outbox.SealedPacket;
import id.rekam.core.trust.SignedJson;
import id.rekam.sync.SyncFailure;
import id.rekam.sync.http.BodyDigest;
import id.rekam.sync.http.TusResumableInterceptor;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The station's calls of docs/sync-protocol.md over the pipeline of {@code HttpClients}.
 * Every answer is checked before it is believed: status code, content type, the JSON shape,
 * and for uploads the echoed hash. Anything else becomes a {@link SyncFailure}.
 */
public final class CentralApi {

    static final MediaType JSON = MediaType.get("application/json");
    static final MediaType OFFSET_STREAM = MediaType.get("application/offset+octet-stream");
    /** tus checksum extension: the chunk arrived damaged and was dropped. */
    static final int CHECKSUM_MISMATCH = 460;
    /**
     * Resends of a chunk answered 460 before the pass gives up as on a network fault: a line
     * that damages the same chunk this often will not carry it now.
     */
    static final int MAX_CHECKSUM_RESENDS = 3;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final OkHttpClient http;
    private final URI base;
    private final ObjectMapper mapper = new ObjectMapper();
    private final ServerVerifier verifier;

    /** A client that acts on nothing unsigned: receipts, verdicts, feed entries are checked by {@code verifier}. */
    public CentralApi(OkHttpClient http, URI base, ServerVerifier verifier) {
        this.http = http;
        this.base = base;
        this.verifier = verifier;
    }

    /** For talking tus to a server whose word is never acted on (stock tus servers in interop tests). */
    public CentralApi(OkHttpClient http, URI base) {
        this(http, base, ServerVerifier.none("-"));
    }

    public OkHttpClient http() {
        return http;
    }

    HttpUrl url(String pathAndQuery) {
        HttpUrl u = HttpUrl.get(base.resolve(pathAndQuery).toString());
        return u;
    }

    /** Health probe: the answer must be our server's JSON echoing our fresh nonce. */
    public void health(String nonce) throws SyncFailure {
        try (Response r = call(new Request.Builder().url(url("/v1/health?nonce=" + nonce)).get().build())) {
            JsonNode body = json(r, 200);
            if (!"rekam-central".equals(body.path("service").asText(null))
                    || !nonce.equals(body.path("nonce").asText(null))) {
                throw new SyncFailure(SyncFailure.Kind.CAPTIVE_PORTAL,
                        "health answer is not the central server's (nonce not echoed)");
            }
        }
    }

    /** @param sha256 hex SHA-256 of the sealed bytes */
    public PacketView announce(SealedPacket envelope, String sha256) throws SyncFailure, PacketRefused {
        Request req = new Request.Builder().url(url("/v1/packets"))
                .post(RequestBody.create(bytes(announcement(envelope, sha256)), JSON)).build();
        try (Response r = call(req)) {
            if (r.code() == 200 || r.code() == 201) {
                PacketView v = view(json(r, r.code()));
                if (!v.packetId().equals(envelope.packetId())) {
                    throw new SyncFailure(SyncFailure.Kind.PROTOCOL, "announce answered for packet " + v.packetId());
                }
                return v;
            }
            throw refusedOrProtocol(r);
        }
    }

    /** Where a creation put the upload, and what became of the body it carried. */
    public record Created(String uploadPath, UploadState state) {
    }

    /**
     * Announce, tus creation and the whole body in one request (creation-with-upload, §4.2):
     * {@code POST /v1/uploads} with the announcement in {@code Upload-Metadata}.
     */
    public Created createWithUpload(SealedPacket envelope, byte[] sha256) throws SyncFailure, PacketRefused {
        Base64.Encoder b64 = Base64.getEncoder();
        String metadata = "packetId " + b64.encodeToString(envelope.packetId().getBytes(StandardCharsets.UTF_8))
                + ",announcement " + b64.encodeToString(bytes(announcement(envelope,
                java.util.HexFormat.of().formatHex(sha256))));
        Request req = TusResumableInterceptor.mark(new Request.Builder()).url(url("/v1/uploads"))
                .header("Upload-Length", Integer.toString(envelope.bytes().length))
                .header("Upload-Metadata", metadata)
                .header("Upload-Checksum", "sha256 " + b64.encodeToString(sha256))
                .tag(BodyDigest.class, new BodyDigest(sha256))
                .post(RequestBody.create(envelope.bytes(), OFFSET_STREAM)).build();
        // A 460 left the announcement in place and dropped the body: the same request again is safe.
        try (Response r = callResendingDamaged(req)) {
            if (r.code() == 201) {
                String location = r.header("Location");
                if (location == null || !location.startsWith("/v1/uploads/")) {
                    throw new SyncFailure(SyncFailure.Kind.PROTOCOL, "creation answered without a /v1/uploads/ Location");
                }
                return new Created(location, uploadState(r, false));
            }
            throw refusedOrProtocol(r);
        }
    }

    /** §4.1 for a sealed packet: no parts (they would tell the path what is inside). */
    private ObjectNode announcement(SealedPacket envelope, String sha256) {
        ObjectNode a = mapper.createObjectNode();
        a.put("packetId", envelope.packetId());
        a.put("kind", envelope.kind());
        a.put("size", envelope.bytes().length);
        a.put("sha256", sha256);
        a.put("contentSha256", envelope.contentSha256());
        a.put("signature", envelope.signatureBase64());
        return a;
    }

    /** {@code GET /v1/packets/{id}}; empty-handed (404) is a {@link PacketRefused} "packet-not-found". */
    public PacketView packet(String packetId) throws SyncFailure, PacketRefused {
        try (Response r = call(new Request.Builder().url(url("/v1/packets/" + packetId)).get().build())) {
            if (r.code() == 200) {
                return view(json(r, 200));
            }
            throw refusedOrProtocol(r);
        }
    }

    /** tus HEAD; {@link PacketRefused} "upload-not-found" when the server forgot the upload. */
    public UploadState head(String uploadPath) throws SyncFailure, PacketRefused {
        try (Response r = call(TusResumableInterceptor.mark(new Request.Builder()).url(url(uploadPath)).head().build())) {
            if (r.code() == 200) {
                return uploadState(r, false);
            }
            throw refusedOrProtocol(r);
        }
    }

    /** One tus PATCH of {@code chunk} at {@code offset}, with its SHA-256 checksum. */
    public UploadState patch(String uploadPath, long offset, byte[] chunk) throws SyncFailure, PacketRefused {
        return patch(uploadPath, offset, chunk, sha256(chunk));
    }

    /**
     * As {@link #patch(String, long, byte[])}, with the chunk's SHA-256 the caller already has.
     * A chunk answered 460 (damaged on the way) is sent again at once, up to
     * {@link #MAX_CHECKSUM_RESENDS} times. An offset conflict (409) comes back as
     * {@link UploadState#offsetMismatch()} with the server's offset; a server whose 409 does not
     * carry {@code Upload-Offset} (a stock tus server) is asked with HEAD.
     */
    public UploadState patch(String uploadPath, long offset, byte[] chunk, byte[] chunkSha256)
            throws SyncFailure, PacketRefused {
        Request req = TusResumableInterceptor.mark(new Request.Builder()).url(url(uploadPath))
                .header("Upload-Offset", Long.toString(offset))
                .header("Upload-Checksum", "sha256 " + Base64.getEncoder().encodeToString(chunkSha256))
                .tag(BodyDigest.class, new BodyDigest(chunkSha256))
                .patch(RequestBody.create(chunk, OFFSET_STREAM)).build();
        try (Response r = callResendingDamaged(req)) {
            if (r.code() == 204) {
                return uploadState(r, false);
            }
            if (r.code() == 409 && isOffsetConflict(r)) {
                if (r.header("Upload-Offset") != null) {
                    return uploadState(r, true);
                }
                UploadState now = head(uploadPath);
                return new UploadState(now.offset(), now.status(), now.reason(), now.sha256(), true);
            }
            throw refusedOrProtocol(r);
        }
    }

    /** tus answers a PATCH at the wrong offset with 409; ours says {@code offset-mismatch}, a stock server says nothing. */
    private boolean isOffsetConflict(Response r) {
        String code = errorCode(r);
        return code == null || "offset-mismatch".equals(code);
    }

    /** Sends a request carrying a checksummed body; a 460 sends the same request (new signature) again. */
    private Response callResendingDamaged(Request request) throws SyncFailure {
        for (int resends = 0; ; resends++) {
            Response r = call(request);
            if (r.code() != CHECKSUM_MISMATCH) {
                return r;
            }
            r.close();
            if (resends == MAX_CHECKSUM_RESENDS) {
                throw new SyncFailure(SyncFailure.Kind.OFFLINE, "upload arrived damaged (checksum mismatch) "
                        + (MAX_CHECKSUM_RESENDS + 1) + " times in a row");
            }
        }
    }

    public FeedPage feedback(String after, int limit) throws SyncFailure {
        try (Response r = call(new Request.Builder()
                .url(url("/v1/feedback?after=" + after + "&limit=" + limit)).get().build())) {
            JsonNode body = json(r, 200);
            JsonNode items = body.get("items");
            JsonNode next = body.get("nextCursor");
            JsonNode more = body.get("hasMore");
            if (items == null || !items.isArray() || next == null || !next.isTextual() || more == null
                    || !more.isBoolean()) {
                throw new SyncFailure(SyncFailure.Kind.PROTOCOL, "feedback page lacks items/nextCursor/hasMore");
            }
            List<FeedItem> out = new ArrayList<>();
            for (JsonNode i : items) {
                String cursor = i.path("cursor").asText(null);
                String type = i.path("type").asText(null);
                if (cursor == null || type == null) {
                    throw new SyncFailure(SyncFailure.Kind.PROTOCOL, "feedback item lacks cursor/type");
                }
                // Every entry, of a known type or not, must be the server's before it moves anything.
                verifier.require(SignedJson.Purpose.FEED_ENTRY, i, "feed entry " + cursor);
                // Some entry types (station-command) concern no packet.
                out.add(new FeedItem(cursor, type, i.path("packetId").isTextual() ? i.get("packetId").asText() : null, i));
            }
            return new FeedPage(out, next.asText(), more.asBoolean());
        }
    }

    /** Sends a batch of events; returns per event id the server's status ("stored", "conflict", ...). */
    public Map<String, String> events(List<OutboxEvent> batch) throws SyncFailure {
        ArrayNode arr = mapper.createArrayNode();
        for (OutboxEvent e : batch) {
            ObjectNode o = arr.addObject();
            o.put("eventId", e.id());
            o.put("type", e.type());
            o.put("occurredAt", e.createdAt().toString());
            try {
                o.set("payload", mapper.readTree(e.jsonPayload()));
            } catch (JsonProcessingException ex) {
                o.put("payload", e.jsonPayload());
            }
        }
        try (Response r = call(new Request.Builder().url(url("/v1/events"))
                .post(RequestBody.create(bytes(arr), JSON)).build())) {
            JsonNode answer = verifier.require(SignedJson.Purpose.EVENT_RESULTS, json(r, 200), "events answer");
            JsonNode results = answer.get("results");
            if (results == null || !results.isArray() || results.size() != batch.size()) {
                throw new SyncFailure(SyncFailure.Kind.PROTOCOL, "events answer has no result per event");
            }
            Map<String, String> out = new java.util.LinkedHashMap<>();
            for (JsonNode n : results) {
                out.put(n.path("eventId").asText(), n.path("status").asText("?"));
            }
            return out;
        }
    }

    /**
     * {@code POST /v1/station-report} (§7.1): what the station still holds and which packets it
     * purged. @return the server's signed receipt (verified)
     */
    public JsonNode stationReport(int pending, List<String> purged) throws SyncFailure {
        ObjectNode body = mapper.createObjectNode();
        body.put("pending", pending);
        ArrayNode ids = body.putArray("purged");
        purged.forEach(ids::add);
        try (Response r = call(new Request.Builder().url(url("/v1/station-report"))
                .post(RequestBody.create(bytes(body), JSON)).build())) {
            return verifier.require(SignedJson.Purpose.STATION_REPORT, json(r, 200), "station report receipt");
        }
    }

    /**
     * {@code POST /v1/audit-anchors} (§8a): anchors the station's audit head at the server.
     *
     * @return the server's signed receipt (verified): for this head, or, when the server refused
     *         it as lower than one it anchored before ({@code 409 audit-rollback}), for that one
     */
    public JsonNode auditAnchor(long seq, byte[] hash) throws SyncFailure {
        ObjectNode body = mapper.createObjectNode().put("seq", seq)
                .put("hash", java.util.Base64.getEncoder().encodeToString(hash));
        try (Response r = call(new Request.Builder().url(url("/v1/audit-anchors"))
                .post(RequestBody.create(bytes(body), JSON)).build())) {
            if (r.code() == 409 && "audit-rollback".equals(errorCode(r))) {
                return verifier.require(SignedJson.Purpose.AUDIT_ANCHOR, json(r, 409).path("anchor"),
                        "audit anchor of an earlier pass");
            }
            return verifier.require(SignedJson.Purpose.AUDIT_ANCHOR, json(r, r.code() == 200 ? 200 : 201),
                    "audit anchor receipt");
        }
    }

    /** {@code GET /v1/server-keys} (§2.2): the server's keys, as it signs them itself; checked by the caller. */
    public JsonNode serverKeys() throws SyncFailure {
        try (Response r = call(new Request.Builder().url(url("/v1/server-keys")).get().build())) {
            return json(r, 200);
        }
    }

    /** {@code POST /v1/stations/transport-key} (§2.1), signed with the station key. */
    public void registerTransportKey(String transportKey, String issuedAt, String signature)
            throws SyncFailure, PacketRefused {
        ObjectNode body = mapper.createObjectNode().put("transportKey", transportKey).put("issuedAt", issuedAt)
                .put("signature", signature);
        try (Response r = call(new Request.Builder().url(url("/v1/stations/transport-key"))
                .post(RequestBody.create(bytes(body), JSON)).build())) {
            if (r.code() != 200) {
                throw refusedOrProtocol(r);
            }
        }
    }

    // ------------------------------------------------------------------ plumbing

    Response call(Request request) throws SyncFailure {
        Response r = execute(request);
        if (r.code() == 403 && "station-revoked".equals(errorCode(r))) {
            try (r) {
                JsonNode notice = mapper.readTree(r.peekBody(64 * 1024).bytes()).get("revocation");
                if (notice == null || !verifier.verifies(SignedJson.Purpose.REVOCATION, notice)) {
                    throw new SyncFailure(SyncFailure.Kind.UNTRUSTED, "revocation notice not signed by the pinned server");
                }
                throw SyncFailure.revoked(notice);
            } catch (IOException e) {
                if (e instanceof SyncFailure f) {
                    throw f;
                }
                throw new SyncFailure(SyncFailure.Kind.PROTOCOL, "unreadable revocation notice", null, e);
            }
        }
        return r;
    }

    private Response execute(Request request) throws SyncFailure {
        try {
            return http.newCall(request).execute();
        } catch (SyncFailure f) {
            throw f;
        } catch (SSLException e) {
            throw new SyncFailure(SyncFailure.Kind.TLS, String.valueOf(e.getMessage()), null, e);
        } catch (IOException e) {
            if (e.getCause() instanceof java.security.cert.CertificateException) {
                throw new SyncFailure(SyncFailure.Kind.TLS, String.valueOf(e.getMessage()), null, e);
            }
            throw new SyncFailure(SyncFailure.Kind.OFFLINE, e.getClass().getSimpleName() + ": " + e.getMessage(),
                    null, e);
        }
    }

    JsonNode json(Response r, int expected) throws SyncFailure {
        if (r.code() != expected) {
            throw new SyncFailure(SyncFailure.Kind.PROTOCOL, "expected HTTP " + expected + ", got " + r.code()
                    + " " + errorText(r));
        }
        MediaType type = r.body() == null ? null : r.body().contentType();
        if (type == null || !type.subtype().equalsIgnoreCase("json")) {
            throw new SyncFailure(SyncFailure.Kind.PROTOCOL, "answer is " + type + ", not JSON");
        }
        try {
            JsonNode n = mapper.readTree(r.body().bytes());
            if (n == null || !n.isObject()) {
                throw new SyncFailure(SyncFailure.Kind.PROTOCOL, "answer is not a JSON object");
            }
            return n;
        } catch (SyncFailure f) {
            throw f;
        } catch (JsonProcessingException e) {
            throw new SyncFailure(SyncFailure.Kind.PROTOCOL, "malformed JSON: " + e.getOriginalMessage(), null, e);
        } catch (IOException e) {
            throw new SyncFailure(SyncFailure.Kind.OFFLINE, "answer cut off: " + e.getMessage(), null, e);
        }
    }

    private PacketView view(JsonNode n) throws SyncFailure {
        String id = n.path("packetId").asText(null);
        String sha = n.path("sha256").asText(null);
        if (id == null || sha == null || !SHA256.matcher(sha).matches() || !n.path("size").canConvertToLong()
                || !n.path("state").isTextual()) {
            throw new SyncFailure(SyncFailure.Kind.PROTOCOL, "packet view lacks packetId/sha256/size/state");
        }
        ServerState state = ServerState.fromWire(n.get("state").asText());
        String upload = n.path("uploadUrl").asText(null);
        if (state == ServerState.AWAITING_UPLOAD && (upload == null || !upload.startsWith("/v1/uploads/"))) {
            throw new SyncFailure(SyncFailure.Kind.PROTOCOL, "packet awaiting upload without a /v1/uploads/ URL");
        }
        JsonNode verdict = n.get("verdict");
        JsonNode receipt = n.get("receipt");
        if (state != ServerState.AWAITING_UPLOAD) {
            // Stored or decided: believed only on the server's signed receipt naming this packet and hash.
            if (receipt == null) {
                throw new SyncFailure(SyncFailure.Kind.UNTRUSTED, "packet view of " + id + " without a signed receipt");
            }
            verifier.require(SignedJson.Purpose.RECEIPT, receipt, "receipt of " + id);
            if (!id.equals(receipt.path("packetId").asText()) || !sha.equals(receipt.path("sha256").asText())) {
                throw new SyncFailure(SyncFailure.Kind.UNTRUSTED, "receipt does not match the view of " + id);
            }
        }
        if (state.isVerdict()) {
            if (verdict == null) {
                throw new SyncFailure(SyncFailure.Kind.UNTRUSTED, "packet " + id + " decided without a signed verdict");
            }
            verifier.require(SignedJson.Purpose.VERDICT, verdict, "verdict on " + id);
            if (!id.equals(verdict.path("packetId").asText()) || !state.wire().equals(verdict.path("state").asText())) {
                throw new SyncFailure(SyncFailure.Kind.UNTRUSTED, "verdict does not match the view of " + id);
            }
        }
        return new PacketView(id, state, sha, n.get("size").asLong(), upload, n.path("uploadOffset").asLong(0),
                verdict, receipt, n.path("contentSha256").asText(null));
    }

    private UploadState uploadState(Response r, boolean mismatch) throws SyncFailure {
        String offset = r.header("Upload-Offset");
        long o;
        try {
            o = Long.parseLong(offset == null ? "" : offset.trim());
        } catch (NumberFormatException e) {
            throw new SyncFailure(SyncFailure.Kind.PROTOCOL, "upload answer without a valid Upload-Offset");
        }
        if (o < 0) {
            throw new SyncFailure(SyncFailure.Kind.PROTOCOL, "negative Upload-Offset");
        }
        String status = r.header("X-Rekam-Packet-Status");
        if (status != null && !status.equals("received") && !status.equals("rejected")) {
            throw new SyncFailure(SyncFailure.Kind.PROTOCOL, "unknown upload status '" + status + "'");
        }
        if (status == null) {
            return new UploadState(o, null, null, null, mismatch, null);
        }
        // The headers say it; only the signed receipt is believed (protocol §4.5).
        JsonNode receipt = receipt(r.header(RECEIPT));
        verifier.require(SignedJson.Purpose.RECEIPT, receipt, "upload receipt");
        String said = receipt.path("status").asText();
        if (!said.equals(status)) {
            throw new SyncFailure(SyncFailure.Kind.UNTRUSTED, "receipt says " + said + ", the header " + status);
        }
        return new UploadState(o, said, receipt.path("reason").asText(null), receipt.path("sha256").asText(null),
                mismatch, receipt);
    }

    static final String RECEIPT = "X-Rekam-Receipt";

    private JsonNode receipt(String header) throws SyncFailure {
        if (header == null) {
            throw new SyncFailure(SyncFailure.Kind.UNTRUSTED, "upload complete without a signed receipt");
        }
        try {
            JsonNode n = mapper.readTree(Base64.getDecoder().decode(header.trim()));
            if (n == null || !n.isObject()) {
                throw new SyncFailure(SyncFailure.Kind.UNTRUSTED, "receipt is not a JSON object");
            }
            return n;
        } catch (IllegalArgumentException | IOException e) {
            throw new SyncFailure(SyncFailure.Kind.UNTRUSTED, "receipt is not base64 JSON", null, e);
        }
    }

    /** 4xx: final refusals become {@link PacketRefused}; anything unexpected a protocol failure. */
    private PacketRefused refusedOrProtocol(Response r) throws SyncFailure {
        String code = errorCode(r);
        if (r.code() == 404 || r.code() == 409 || r.code() == 400 || r.code() == 413 || r.code() == 422
                || r.code() == 403) {
            return new PacketRefused(code == null ? "http-" + r.code() : code, errorText(r));
        }
        throw new SyncFailure(SyncFailure.Kind.PROTOCOL, "unexpected HTTP " + r.code() + " " + errorText(r));
    }

    String errorCode(Response r) {
        try {
            JsonNode n = mapper.readTree(r.peekBody(16 * 1024).bytes());
            return n == null ? null : n.path("code").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    static String errorText(Response r) {
        try {
            String s = r.peekBody(512).string();
            return s.length() > 300 ? s.substring(0, 300) : s;
        } catch (IOException e) {
            return "";
        }
    }

    private byte[] bytes(JsonNode n) {
        try {
            return mapper.writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
