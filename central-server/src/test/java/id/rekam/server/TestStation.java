package id.rekam.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekam.core.packet.Packet;
import id.rekam.core.packet.PacketCodec;
import id.rekam.core.trust.ServerKeys;
import id.rekam.server.auth.CanonicalRequest;
import id.rekam.server.auth.Ed25519Keys;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A station as the tests see it: an Ed25519 key, the station id the server gave it, and a
 * plain JDK HttpClient that signs every request as docs/sync-protocol.md says.
 */
final class TestStation {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    final KeyPair keys;
    URI base;
    String stationId;
    /** The server this station talks to: reads of verdicts wait for its background decisions. */
    CentralServer server;
    /** The keys the enrollment answer gave: packets are sealed to one, answers verified with the other. */
    ServerKeys serverKeys;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    TestStation(URI base) {
        this.base = base;
        try {
            this.keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static TestStation enrolled(CentralServer server, String office) throws Exception {
        TestStation s = new TestStation(server.baseUri());
        s.server = server;
        String code = server.admin().createEnrollmentCode(office).code();
        HttpResponse<String> r = s.enroll(code);
        if (r.statusCode() != 201) {
            throw new IllegalStateException("enrollment failed: " + r.statusCode() + " " + r.body());
        }
        JsonNode answer = JSON.readTree(r.body());
        SchemaAssert.valid("api/station-enrollment", answer);
        s.stationId = answer.get("stationId").asText();
        s.serverKeys = ServerKeys.fromJson(answer.get("serverKeys"));
        return s;
    }

    String publicKey() {
        return Ed25519Keys.encode(keys.getPublic());
    }

    HttpResponse<String> enroll(String code) throws IOException, InterruptedException {
        return enroll(Map.of("enrollmentCode", code, "publicKey", publicKey(), "name", "test station"));
    }

    /** Enrols asking for the station id its store already carries. */
    HttpResponse<String> enrollAs(String code, String stationId) throws IOException, InterruptedException {
        return enroll(Map.of("enrollmentCode", code, "publicKey", publicKey(), "name", "test station",
                "stationId", stationId));
    }

    private HttpResponse<String> enroll(Map<String, String> request) throws IOException, InterruptedException {
        byte[] body = JSON.writeValueAsBytes(request);
        return http.send(HttpRequest.newBuilder(base.resolve("/v1/stations"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String sign(PrivateKey key, byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(message);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String nonce() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** When set, requests are signed with this transport key seed (header {@code X-Rekam-Key: transport}). */
    byte[] transportSeed;
    /**
     * Sends {@code X-Rekam-Content-SHA256} as the rekam client does (the signature is then checked
     * before the body is read); false for a client that leaves it out (bodies up to 64 KiB).
     */
    boolean declareBodyHash = true;

    /** A signed request builder; {@code extraHeaders} are name/value pairs. */
    HttpRequest signed(String method, String pathAndQuery, byte[] body, long timestamp, String nonce,
                       String... extraHeaders) {
        String ts = Long.toString(timestamp);
        byte[] canonical = CanonicalRequest.bytes(method, pathAndQuery, stationId, ts, nonce, body);
        String sig = transportSeed != null
                ? Base64.getEncoder().encodeToString(id.rekam.core.trust.Ed25519Raw.sign(transportSeed, canonical))
                : sign(keys.getPrivate(), canonical);
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(20))
                .header("X-Rekam-Station", stationId)
                .header("X-Rekam-Timestamp", ts)
                .header("X-Rekam-Nonce", nonce)
                .header("X-Rekam-Signature", sig)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (transportSeed != null) {
            b.header("X-Rekam-Key", "transport");
        }
        if (declareBodyHash) {
            b.header("X-Rekam-Content-SHA256", CanonicalRequest.sha256Hex(body));
        }
        for (int i = 0; i < extraHeaders.length; i += 2) {
            b.header(extraHeaders[i], extraHeaders[i + 1]);
        }
        return b.build();
    }

    HttpRequest signed(String method, String pathAndQuery, byte[] body, String... extraHeaders) {
        return signed(method, pathAndQuery, body, System.currentTimeMillis() / 1000, nonce(), extraHeaders);
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String pathAndQuery, byte[] body, String... extraHeaders)
            throws IOException, InterruptedException {
        return send(signed(method, pathAndQuery, body, extraHeaders));
    }

    /** Points this station at a (restarted) server. */
    void attach(CentralServer restarted) {
        base = restarted.baseUri();
        server = restarted;
    }

    /** Verdicts are decided in the background (protocol §4.5): wait for them before reading. */
    void awaitVerdicts() throws InterruptedException {
        if (server != null && !server.awaitDecisions(Duration.ofSeconds(20))) {
            throw new IllegalStateException("server still deciding after 20 s");
        }
    }

    HttpResponse<String> getJson(String pathAndQuery) throws IOException, InterruptedException {
        if (pathAndQuery.startsWith("/v1/packets/") || pathAndQuery.startsWith("/v1/feedback")) {
            awaitVerdicts();
        }
        return send("GET", pathAndQuery, new byte[0]);
    }

    /** A packet sealed to this station's server, as a station uploads it. */
    TestPacket seal(Packet p) {
        return TestPacket.seal(p, serverKeys != null ? serverKeys : server.serverKeys());
    }

    /** The announce body for a sealed packet, signed by this station. */
    byte[] announcement(TestPacket p) throws IOException {
        return announcement(p.id(), p.manifest().kind(), p.body().length, p.sha256(), p);
    }

    /** The station signs the packet inside ({@code contentOf}); size and hash are those of what is uploaded. */
    byte[] announcement(String packetId, String kind, long size, String sha256, TestPacket contentOf) throws IOException {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("packetId", packetId);
        a.put("kind", kind);
        a.put("size", size);
        a.put("sha256", sha256);
        a.put("contentSha256", contentOf.contentSha256());
        a.put("signature", sign(keys.getPrivate(), PacketCodec.signingInput(packetId, contentOf.contentSha256())));
        return JSON.writeValueAsBytes(a);
    }

    HttpResponse<String> announce(TestPacket p) throws IOException, InterruptedException {
        byte[] announcement = announcement(p);
        SchemaAssert.valid("api/announcement", JSON.readTree(announcement));
        HttpResponse<String> r = send("POST", "/v1/packets", announcement, "Content-Type", "application/json");
        SchemaAssert.valid(r.statusCode() < 300 ? "api/packet-view" : "api/error", JSON.readTree(r.body()));
        return r;
    }

    HttpResponse<String> patch(String uploadPath, long offset, byte[] chunk, String... extra)
            throws IOException, InterruptedException {
        List<String> h = new ArrayList<>(List.of("Tus-Resumable", "1.0.0",
                "Content-Type", "application/offset+octet-stream", "Upload-Offset", Long.toString(offset)));
        h.addAll(List.of(extra));
        return send("PATCH", uploadPath, chunk, h.toArray(String[]::new));
    }

    HttpResponse<String> head(String uploadPath) throws IOException, InterruptedException {
        return send("HEAD", uploadPath, new byte[0], "Tus-Resumable", "1.0.0");
    }

    /** Announce and upload a packet in chunks; returns the final PATCH response. */
    HttpResponse<String> deliver(TestPacket p, int chunkSize) throws Exception {
        HttpResponse<String> a = announce(p);
        if (a.statusCode() != 201 && a.statusCode() != 200) {
            throw new IllegalStateException("announce: " + a.statusCode() + " " + a.body());
        }
        JsonNode view = JSON.readTree(a.body());
        String upload = view.get("uploadUrl").asText();
        long offset = view.get("uploadOffset").asLong();
        HttpResponse<String> last = null;
        byte[] body = p.body();
        while (offset < body.length) {
            int n = (int) Math.min(chunkSize, body.length - offset);
            byte[] chunk = java.util.Arrays.copyOfRange(body, (int) offset, (int) offset + n);
            last = patch(upload, offset, chunk, "Upload-Checksum", "sha256 " + Base64.getEncoder()
                    .encodeToString(java.security.MessageDigest.getInstance("SHA-256").digest(chunk)));
            if (last.statusCode() != 204) {
                throw new IllegalStateException("patch: " + last.statusCode() + " " + last.body());
            }
            offset = Long.parseLong(last.headers().firstValue("Upload-Offset").orElseThrow());
        }
        return last;
    }

    /** All feed items so far. */
    List<JsonNode> feed() throws Exception {
        List<JsonNode> items = new ArrayList<>();
        String cursor = "0";
        while (true) {
            HttpResponse<String> r = getJson("/v1/feedback?after=" + cursor + "&limit=2");
            if (r.statusCode() != 200) {
                throw new IllegalStateException("feed: " + r.statusCode() + " " + r.body());
            }
            JsonNode page = JSON.readTree(r.body());
            // Every feed page any test reads is checked against the documented schema.
            SchemaAssert.valid("api/feed-page", page);
            page.get("items").forEach(items::add);
            cursor = page.get("nextCursor").asText();
            if (!page.get("hasMore").asBoolean()) {
                return items;
            }
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
