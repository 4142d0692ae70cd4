package id.rekam.sync;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.core.trust.ServerKeys;
import id.rekam.core.trust.ServerTrust;
import id.rekam.core.trust.SignedJson;
import id.rekam.sync.api.CentralApi;

/**
 * A station registered before the server had keys (or before it pinned them) learns them once,
 * from {@code GET /v1/server-keys} over its pinned TLS channel (docs/sync-protocol.md §2.2) — the
 * same trust its provisioning placed in that channel — and pins them in the store. Only an
 * unlocked store can pin (it is audited); a locked pass without keys stops here, since it could
 * verify nothing the server says.
 */
final class ServerKeysStep {

    private final StationSide side;
    private final CentralApi api;

    ServerKeysStep(StationSide side, CentralApi api) {
        this.side = side;
        this.api = api;
    }

    void ensure() throws SyncFailure {
        ServerTrust t = side.serverTrust().orElseThrow(() ->
                new SyncFailure(SyncFailure.Kind.UNTRUSTED, "no central server pinned in the store"));
        if (t.keys() != null) {
            return;
        }
        JsonNode answer = api.serverKeys();
        ServerKeys keys;
        try {
            keys = ServerKeys.fromJson(answer);
        } catch (IllegalArgumentException e) {
            throw new SyncFailure(SyncFailure.Kind.PROTOCOL, "server keys answer: " + e.getMessage());
        }
        // Proof that whoever answers holds the signing key it names.
        if (!SignedJson.verify(keys.signingKey(), SignedJson.Purpose.SERVER_KEYS, side.stationId(), answer)) {
            throw new SyncFailure(SyncFailure.Kind.UNTRUSTED, "server keys not signed by the key they name");
        }
        if (!side.pinKeys(keys)) {
            throw new SyncFailure(SyncFailure.Kind.UNTRUSTED,
                    "the server's keys are not pinned yet: unlock the station once with the passphrase");
        }
    }
}
