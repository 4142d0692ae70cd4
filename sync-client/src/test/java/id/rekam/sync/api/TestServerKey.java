package id.rekam.sync.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rekam.core.trust.Ed25519Raw;
import id.rekam.core.trust.SignedJson;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A server signing key for scripted answers (mockwebserver): what a real server signs, made by
 * hand, so tests can give the station genuine receipts and verdicts — and forged ones.
 */
public final class TestServerKey {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final byte[] seed = Ed25519Raw.newSeed();

    public byte[] publicKey() {
        return Ed25519Raw.publicKey(seed);
    }

    public ServerVerifier verifier(String stationId) {
        return new ServerVerifier(stationId, this::publicKey);
    }

    public ObjectNode sign(SignedJson.Purpose purpose, String stationId, ObjectNode o) {
        return SignedJson.sign(seed, purpose, stationId, o);
    }

    /** A signed receipt, as the {@code X-Rekam-Receipt} header carries it. */
    public String receiptHeader(String stationId, String packetId, String sha256, String status) {
        ObjectNode r = JSON.createObjectNode().put("type", "receipt").put("packetId", packetId).put("sha256", sha256)
                .put("status", status).put("at", "2026-11-25T08:00:00Z");
        return Base64.getEncoder().encodeToString(SignedJson.text(sign(SignedJson.Purpose.RECEIPT, stationId, r))
                .getBytes(StandardCharsets.UTF_8));
    }
}
