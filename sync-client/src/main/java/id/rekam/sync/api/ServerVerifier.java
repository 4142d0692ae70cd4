package id.rekam.sync.api;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.core.trust.SignedJson;
import id.rekam.sync.SyncFailure;

import java.util.function.Supplier;

/**
 * Checks that what the station is about to act on was signed by the server key it pinned
 * (docs/sync-protocol.md §3.1): receipts, verdicts, feed entries, event results, revocation
 * notices. Anything else is a {@link SyncFailure.Kind#UNTRUSTED} failure: nothing changes locally,
 * whoever is on the path and whatever they say ({@code accepted} included).
 */
public final class ServerVerifier {

    private final String stationId;
    private final Supplier<byte[]> signingKey;

    /** @param signingKey the pinned key, read when needed (null while none is pinned: everything fails) */
    public ServerVerifier(String stationId, Supplier<byte[]> signingKey) {
        this.stationId = stationId;
        this.signingKey = signingKey;
    }

    /** A verifier that believes nothing: for clients that must never act on a server's word. */
    public static ServerVerifier none(String stationId) {
        return new ServerVerifier(stationId, () -> null);
    }

    public JsonNode require(SignedJson.Purpose purpose, JsonNode object, String what) throws SyncFailure {
        byte[] key = signingKey.get();
        if (key == null) {
            throw new SyncFailure(SyncFailure.Kind.UNTRUSTED, "no server key pinned to check " + what);
        }
        if (!SignedJson.verify(key, purpose, stationId, object)) {
            throw new SyncFailure(SyncFailure.Kind.UNTRUSTED, what + " is not signed by the pinned server key");
        }
        return object;
    }

    public boolean verifies(SignedJson.Purpose purpose, JsonNode object) {
        byte[] key = signingKey.get();
        return key != null && SignedJson.verify(key, purpose, stationId, object);
    }
}
