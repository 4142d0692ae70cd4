package id.rekam.core.trust;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.erdtman.jcs.JsonCanonicalizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * JSON objects signed by the central server (docs/sync-protocol.md §3.1): feed entries, upload
 * receipts, verdicts, event results, revocation notices, station commands. The signature is the
 * object's member {@code "sig"}: base64 of the Ed25519 signature, with the server's signing key,
 * of the UTF-8 bytes
 * <pre>
 * rekam-signed-v1 LF purpose LF station id LF JCS(object without "sig")
 * </pre>
 * where JCS is the RFC 8785 canonical form. The purpose says what the object is for, so a
 * receipt cannot pass as a verdict; the station id binds it to the one station it was made for,
 * so one station's answers cannot be shown to another.
 */
public final class SignedJson {

    public static final String SIG = "sig";
    static final String VERSION = "rekam-signed-v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a signed object is for. Names travel in the signing input, never on the wire. */
    public enum Purpose {
        FEED_ENTRY("feed-entry"),
        RECEIPT("receipt"),
        VERDICT("verdict"),
        EVENT_RESULTS("event-results"),
        REVOCATION("revocation"),
        STATION_REPORT("station-report"),
        /** The server's receipt for a station's audit head (keyed security state, issue 14 item 3). */
        AUDIT_ANCHOR("audit-anchor"),
        SERVER_KEYS("server-keys");

        private final String wire;

        Purpose(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    private SignedJson() {
    }

    /** The exact bytes signed for {@code object} (its {@code "sig"} member, if any, left out). */
    public static byte[] signingInput(Purpose purpose, String stationId, JsonNode object) {
        Objects.requireNonNull(stationId, "stationId");
        if (!object.isObject()) {
            throw new IllegalArgumentException("only JSON objects are signed");
        }
        ObjectNode copy = ((ObjectNode) object).deepCopy();
        copy.remove(SIG);
        String canonical;
        try {
            canonical = new JsonCanonicalizer(JSON.writeValueAsString(copy)).getEncodedString();
        } catch (IOException e) {
            throw new IllegalArgumentException("object cannot be put in canonical form", e);
        }
        return (VERSION + "\n" + purpose.wire() + "\n" + stationId + "\n" + canonical)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A copy of {@code object} carrying the server's signature. */
    public static ObjectNode sign(byte[] signingSeed, Purpose purpose, String stationId, ObjectNode object) {
        ObjectNode signed = object.deepCopy();
        signed.remove(SIG);
        byte[] sig = Ed25519Raw.sign(signingSeed, signingInput(purpose, stationId, signed));
        signed.put(SIG, Base64.getEncoder().encodeToString(sig));
        return signed;
    }

    /**
     * True only if {@code object} carries a signature that verifies with {@code signingKey} for this
     * purpose and station. Anything malformed is false, never an exception.
     */
    public static boolean verify(byte[] signingKey, Purpose purpose, String stationId, JsonNode object) {
        if (object == null || !object.isObject() || !object.path(SIG).isTextual() || stationId == null) {
            return false;
        }
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(object.get(SIG).asText());
            return Ed25519Raw.verify(signingKey, signingInput(purpose, stationId, object), sig);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Parses signed JSON text (e.g. from a header or a stored row); null when it is not an object. */
    public static ObjectNode parse(String text) {
        try {
            JsonNode n = JSON.readTree(text);
            return n != null && n.isObject() ? (ObjectNode) n : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    public static String text(JsonNode object) {
        try {
            return JSON.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
