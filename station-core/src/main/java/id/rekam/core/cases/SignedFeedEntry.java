package id.rekam.core.cases;

import id.rekam.core.text.JsonDocs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;

/**
 * A feed entry signed by the central server (docs/sync-protocol.md §6.1): {@code signature} is
 * base64 of the Ed25519 signature of {@code rekam-feed-v1\n<station id>\n<canonical JSON of the
 * entry without cursor and signature>}. The station id binds an entry to the station it was
 * written for, so a case assigned to one desk cannot be replayed to another. Canonical JSON: object
 * keys sorted, no whitespace, numbers and strings as Jackson writes them. The server signs with
 * {@link #sign} and the station verifies with {@link #verify}: one implementation for both sides.
 */
public final class SignedFeedEntry {

    static final String PREFIX = "rekam-feed-v1\n";
    public static final String SIGNATURE = "signature";

    private SignedFeedEntry() {
    }

    public static byte[] signingInput(String stationId, JsonNode entry) {
        ObjectNode copy = entry.deepCopy();
        copy.remove("cursor");
        copy.remove(SIGNATURE);
        return (PREFIX + stationId + "\n" + canonical(copy)).getBytes(StandardCharsets.UTF_8);
    }

    /** @return base64 of the signature, for the entry's {@code signature} field */
    public static String sign(String stationId, JsonNode entry, byte[] privateSeed) {
        Ed25519Signer s = new Ed25519Signer();
        s.init(true, new Ed25519PrivateKeyParameters(privateSeed, 0));
        byte[] input = signingInput(stationId, entry);
        s.update(input, 0, input.length);
        return Base64.getEncoder().encodeToString(s.generateSignature());
    }

    /** True when the entry carries a signature by {@code publicKey} (raw 32 bytes) for this station. */
    public static boolean verify(String stationId, JsonNode entry, byte[] publicKey) {
        JsonNode sig = entry.get(SIGNATURE);
        if (publicKey == null || publicKey.length != 32 || sig == null || !sig.isTextual()) {
            return false;
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(sig.asText());
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (signature.length != 64) {
            return false;
        }
        Ed25519Signer v = new Ed25519Signer();
        v.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
        byte[] input = signingInput(stationId, entry);
        v.update(input, 0, input.length);
        return v.verifySignature(signature);
    }

    /** Keys sorted at every level, no whitespace. */
    public static String canonical(JsonNode node) {
        StringBuilder b = new StringBuilder();
        write(node, b);
        return b.toString();
    }

    private static void write(JsonNode n, StringBuilder b) {
        if (n.isObject()) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            names.sort(null);
            b.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(JsonDocs.write(names.get(i))).append(':');
                write(n.get(names.get(i)), b);
            }
            b.append('}');
        } else if (n.isArray()) {
            b.append('[');
            for (int i = 0; i < n.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                write(n.get(i), b);
            }
            b.append(']');
        } else {
            b.append(n.toString());
        }
    }
}
