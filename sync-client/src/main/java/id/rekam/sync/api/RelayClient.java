package id.rekam.sync.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rekam.sync.SyncFailure;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The team calls of the protocol (docs/sync-protocol.md §10–11) over the same signed client as
 * {@link CentralApi}: a team member's key, relaying its packets and tally, and exchanging
 * coverage tallies.
 */
public final class RelayClient {

    private static final byte[] SPKI_PREFIX = java.util.HexFormat.of().parseHex("302a300506032b6570032100");

    private final CentralApi api;
    private final ObjectMapper mapper = new ObjectMapper();

    public RelayClient(CentralApi api) {
        this.api = api;
    }

    /** The server said no to the whole request: unknown or foreign station, bad signature. */
    public static final class Refused extends Exception {
        private final String code;

        Refused(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public record Relayed(String state, boolean stored) {
    }

    /** A team member's registered key. */
    public PublicKey stationKey(String stationId) throws SyncFailure, Refused {
        try (Response r = api.call(new Request.Builder().url(api.url("/v1/stations/" + stationId + "/key")).get()
                .build())) {
            JsonNode n = ok(r);
            try {
                byte[] raw = Base64.getDecoder().decode(n.path("publicKey").asText());
                if (raw.length != 32) {
                    throw new IllegalArgumentException("not 32 bytes");
                }
                // Keys travel raw (RFC 8032, 32 bytes); the JDK wants them as X.509 SubjectPublicKeyInfo.
                byte[] spki = java.util.Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + 32);
                System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, 32);
                return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
            } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
                throw new SyncFailure(SyncFailure.Kind.PROTOCOL, "station key answer is not an Ed25519 key");
            }
        }
    }

    public Relayed relayPacket(String origin, String packetId, String kind, String sha256, String contentSha256,
                               String signature, byte[] body) throws SyncFailure, Refused {
        ObjectNode o = mapper.createObjectNode();
        o.put("originStationId", origin);
        o.put("packetId", packetId);
        o.put("kind", kind);
        o.put("sha256", sha256);
        o.put("contentSha256", contentSha256);
        o.put("signature", signature);
        o.put("body", Base64.getEncoder().encodeToString(body));
        JsonNode n = post("/v1/relay/packets", o);
        if (!packetId.equals(n.path("packetId").asText()) || !n.path("stored").isBoolean()) {
            throw new SyncFailure(SyncFailure.Kind.PROTOCOL, "relay answer is not about packet " + packetId);
        }
        return new Relayed(n.path("state").asText(), n.get("stored").asBoolean());
    }

    public boolean relayTally(String origin, byte[] manifest, byte[] signature, byte[] tally)
            throws SyncFailure, Refused {
        ObjectNode o = mapper.createObjectNode();
        o.put("originStationId", origin);
        o.put("manifest", Base64.getEncoder().encodeToString(manifest));
        o.put("manifestSignature", Base64.getEncoder().encodeToString(signature));
        o.put("tally", Base64.getEncoder().encodeToString(tally));
        return post("/v1/relay/tallies", o).path("stored").asBoolean();
    }

    /** This station's own tally. */
    public boolean postTally(byte[] tallyJson) throws SyncFailure, Refused {
        try (Response r = api.call(new Request.Builder().url(api.url("/v1/coverage/tally"))
                .post(RequestBody.create(tallyJson, CentralApi.JSON)).build())) {
            return ok(r).path("stored").asBoolean();
        }
    }

    /** The latest tally of every other station of this office, as JSON. */
    public List<byte[]> officeTallies() throws SyncFailure, Refused {
        try (Response r = api.call(new Request.Builder().url(api.url("/v1/coverage/tallies")).get().build())) {
            JsonNode n = ok(r).path("tallies");
            if (!n.isArray()) {
                throw new SyncFailure(SyncFailure.Kind.PROTOCOL, "tallies answer without a tallies array");
            }
            List<byte[]> out = new ArrayList<>();
            for (JsonNode t : n) {
                out.add(bytes(t));
            }
            return out;
        }
    }

    private JsonNode post(String path, JsonNode body) throws SyncFailure, Refused {
        try (Response r = api.call(new Request.Builder().url(api.url(path))
                .post(RequestBody.create(bytes(body), CentralApi.JSON)).build())) {
            return ok(r);
        }
    }

    private JsonNode ok(Response r) throws SyncFailure, Refused {
        if (r.code() >= 400 && r.code() < 500 && r.code() != 401 && r.code() != 408 && r.code() != 429) {
            String code = api.errorCode(r);
            throw new Refused(code == null ? "http-" + r.code() : code, CentralApi.errorText(r));
        }
        return api.json(r, 200);
    }

    private byte[] bytes(JsonNode n) {
        try {
            return mapper.writeValueAsBytes(n);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
