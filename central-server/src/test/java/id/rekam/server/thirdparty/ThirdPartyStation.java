package id.rekam.server.thirdparty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.bouncycastle.crypto.hpke.HPKE;
import org.erdtman.jcs.JsonCanonicalizer;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A station written by someone else, from docs/packet-format.md, docs/sync-protocol.md and
 * docs/schemas alone: the JDK's HTTP client, Ed25519 and AES-GCM, Bouncy Castle's HPKE (RFC 9180)
 * to seal packets to the server, an RFC 8785 canonicaliser to check the server's signatures,
 * Jackson for JSON, and no rekam class (an ArchUnit rule in {@code ThirdPartyPacketTest} keeps it
 * so). If the docs leave out something a station must do, this class cannot do it either.
 */
public final class ThirdPartyStation {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI base;
    private final KeyPair keys;
    private String stationId;
    /** §2: the server's keys from the enrollment answer, raw 32 bytes each. */
    private byte[] serverSigningKey;
    private byte[] serverPacketKey;

    private ThirdPartyStation(URI base, KeyPair keys) {
        this.base = base;
        this.keys = keys;
    }

    /** sync-protocol.md §2: a fresh Ed25519 key, its raw 32 bytes in base64, and the one-time code. */
    public static ThirdPartyStation enroll(URI base, String code) throws Exception {
        ThirdPartyStation s = new ThirdPartyStation(base, KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        byte[] x509 = s.keys.getPublic().getEncoded();
        byte[] raw = Arrays.copyOfRange(x509, x509.length - 32, x509.length);
        ObjectNode request = JSON.createObjectNode().put("enrollmentCode", code)
                .put("publicKey", Base64.getEncoder().encodeToString(raw)).put("name", "third-party desk");
        HttpResponse<String> r = s.http.send(HttpRequest.newBuilder(base.resolve("/v1/stations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(request))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("enrollment: " + r.statusCode() + " " + r.body());
        }
        JsonNode answer = JSON.readTree(r.body());
        s.stationId = answer.get("stationId").asText();
        s.serverSigningKey = Base64.getDecoder().decode(answer.get("serverKeys").get("signing").asText());
        s.serverPacketKey = Base64.getDecoder().decode(answer.get("serverKeys").get("packet").asText());
        return s;
    }

    public String stationId() {
        return stationId;
    }

    /**
     * A packet as packet-format.md lays it out, sealed to the server: {@code body} and {@code sha256}
     * are the sealed bytes (what is uploaded), {@code contentSha256} the packet's inside, signed.
     */
    public record Built(String packetId, byte[] body, String sha256, String contentSha256, ArrayNode parts) {
    }

    /**
     * "RKPKT" 0x01, the manifest's length (4 bytes, big-endian), the manifest (UTF-8 JSON), then
     * the parts in manifest order. {@code parts}: name -> {contentType, bytes}, in order.
     */
    public Built build(String packetId, String createdAt, Map<String, Object[]> parts) throws Exception {
        ObjectNode manifest = JSON.createObjectNode().put("format", 1).put("packetId", packetId)
                .put("kind", "enrollment").put("stationId", stationId).put("createdAt", createdAt);
        ArrayNode list = manifest.putArray("parts");
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        for (Map.Entry<String, Object[]> p : parts.entrySet()) {
            byte[] bytes = (byte[]) p.getValue()[1];
            list.addObject().put("name", p.getKey()).put("contentType", (String) p.getValue()[0])
                    .put("length", bytes.length).put("sha256", sha256(bytes));
            tail.write(bytes);
        }
        byte[] head = JSON.writeValueAsBytes(manifest);
        ByteBuffer body = ByteBuffer.allocate(6 + 4 + head.length + tail.size());
        body.put(new byte[] {'R', 'K', 'P', 'K', 'T', 0x01}).putInt(head.length).put(head).put(tail.toByteArray());
        byte[] sealed = seal(packetId, body.array());
        return new Built(packetId, sealed, sha256(sealed), sha256(body.array()), list);
    }

    /**
     * packet-format.md, "Sealed packet": a fresh 32-byte content key, sealed to the server's packet key
     * with HPKE (base mode, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM, info
     * "rekam-packet-seal-v1", aad = packet id); the packet under AES-256-GCM with that key, aad = packet
     * id, a zero byte, "body".
     */
    private byte[] seal(String packetId, byte[] packet) throws Exception {
        byte[] contentKey = new byte[32];
        RANDOM.nextBytes(contentKey);
        HPKE hpke = new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
        byte[][] ctEnc = hpke.seal(hpke.deserializePublicKey(serverPacketKey),
                "rekam-packet-seal-v1".getBytes(StandardCharsets.US_ASCII), packetId.getBytes(StandardCharsets.UTF_8),
                contentKey, null, null, null);
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(contentKey, "AES"), new GCMParameterSpec(128, nonce));
        gcm.updateAAD((packetId + "\u0000body").getBytes(StandardCharsets.UTF_8));
        byte[] ct = gcm.doFinal(packet);
        byte[] keyId = Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(serverPacketKey), 8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {'R', 'K', 'S', 'L', 'D', 0x01});
        out.write(keyId);
        out.write(ctEnc[1]);
        out.write(ctEnc[0]);
        out.write(1);
        out.write(nonce);
        out.write(ct);
        return out.toByteArray();
    }

    /**
     * §3.1: the server's signature over rekam-signed-v1, the purpose, this station's id and the
     * RFC 8785 form of the object without "sig", verified with the signing key from enrollment.
     */
    public boolean signedByServer(String purpose, JsonNode object) throws Exception {
        ObjectNode copy = ((ObjectNode) object).deepCopy();
        String sig = copy.remove("sig").asText();
        String canonical = new JsonCanonicalizer(JSON.writeValueAsString(copy)).getEncodedString();
        byte[] x509 = new byte[44];
        System.arraycopy(HexFormat.of().parseHex("302a300506032b6570032100"), 0, x509, 0, 12);
        System.arraycopy(serverSigningKey, 0, x509, 12, 32);
        Signature v = Signature.getInstance("Ed25519");
        v.initVerify(java.security.KeyFactory.getInstance("Ed25519")
                .generatePublic(new java.security.spec.X509EncodedKeySpec(x509)));
        v.update(("rekam-signed-v1\n" + purpose + "\n" + stationId + "\n" + canonical).getBytes(StandardCharsets.UTF_8));
        return v.verify(Base64.getDecoder().decode(sig));
    }

    /** §4.1: the announcement of the sealed packet, signed over {@code rekam-packet-v1:<packetId>:<contentSha256>}. */
    public ObjectNode announcement(Built p) throws GeneralSecurityException {
        return JSON.createObjectNode().put("packetId", p.packetId()).put("kind", "enrollment")
                .put("size", p.body().length).put("sha256", p.sha256()).put("contentSha256", p.contentSha256())
                .put("signature", sign(("rekam-packet-v1:" + p.packetId() + ":" + p.contentSha256())
                        .getBytes(StandardCharsets.UTF_8)));
    }

    /** §4.1 then §4.2: announce, then PATCH the body in chunks; returns the last answer. */
    public HttpResponse<String> announceAndPatch(Built p, int chunk) throws Exception {
        HttpResponse<String> a = send("POST", "/v1/packets", JSON.writeValueAsBytes(announcement(p)),
                "Content-Type", "application/json");
        if (a.statusCode() != 201) {
            throw new IllegalStateException("announce: " + a.statusCode() + " " + a.body());
        }
        JsonNode view = JSON.readTree(a.body());
        String upload = view.get("uploadUrl").asText();
        HttpResponse<String> last = a;
        for (int offset = 0; offset < p.body().length; offset += chunk) {
            byte[] part = Arrays.copyOfRange(p.body(), offset, Math.min(p.body().length, offset + chunk));
            last = send("PATCH", upload, part, "Tus-Resumable", "1.0.0",
                    "Content-Type", "application/offset+octet-stream", "Upload-Offset", Integer.toString(offset),
                    "Upload-Checksum", "sha256 " + Base64.getEncoder().encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(part)));
            if (last.statusCode() != 204) {
                throw new IllegalStateException("PATCH: " + last.statusCode() + " " + last.body());
            }
        }
        return last;
    }

    /** §4.2 creation-with-upload: announcement and whole body in one POST /v1/uploads. */
    public HttpResponse<String> createWithUpload(Built p) throws Exception {
        Base64.Encoder b64 = Base64.getEncoder();
        String metadata = "packetId " + b64.encodeToString(p.packetId().getBytes(StandardCharsets.UTF_8))
                + ",announcement " + b64.encodeToString(JSON.writeValueAsBytes(announcement(p)));
        return send("POST", "/v1/uploads", p.body(), "Tus-Resumable", "1.0.0",
                "Content-Type", "application/offset+octet-stream", "Upload-Length", Integer.toString(p.body().length),
                "Upload-Metadata", metadata);
    }

    /**
     * §3: every request but POST /v1/stations is signed over the canonical request, and declares
     * the body's hash in X-Rekam-Content-SHA256 (required for a body over 64 KiB).
     */
    public HttpResponse<String> send(String method, String pathAndQuery, byte[] body, String... headers)
            throws Exception {
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        byte[] n = new byte[16];
        RANDOM.nextBytes(n);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(n);
        String canonical = String.join("\n", "rekam-req-v1", method, pathAndQuery, stationId, timestamp, nonce,
                sha256(body));
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .header("X-Rekam-Station", stationId).header("X-Rekam-Timestamp", timestamp)
                .header("X-Rekam-Nonce", nonce).header("X-Rekam-Signature", sign(canonical.getBytes(StandardCharsets.UTF_8)))
                .header("X-Rekam-Content-SHA256", sha256(body))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** §6: every feed entry from the beginning. */
    public Map<String, JsonNode> feedByPacket() throws Exception {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        String cursor = "0";
        while (true) {
            JsonNode page = JSON.readTree(send("GET", "/v1/feedback?after=" + cursor, new byte[0]).body());
            for (JsonNode i : page.get("items")) {
                if (!signedByServer("feed-entry", i)) {
                    throw new IllegalStateException("feed entry not signed by the server: " + i);
                }
                out.put(i.get("packetId").asText(), i);
            }
            cursor = page.get("nextCursor").asText();
            if (!page.get("hasMore").asBoolean()) {
                return out;
            }
        }
    }

    private String sign(byte[] data) throws GeneralSecurityException {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(keys.getPrivate());
        s.update(data);
        return Base64.getEncoder().encodeToString(s.sign());
    }

    static String sha256(byte[] b) throws GeneralSecurityException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
