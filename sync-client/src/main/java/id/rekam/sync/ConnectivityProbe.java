package id.rekam.sync;

import id.rekam.sync.api.CentralApi;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * "Are we really talking to our server?" — {@code GET /v1/health} with a fresh random nonce
 * that the answer must echo in the server's JSON. A captive portal, a transparent proxy or a
 * DNS hijack answers 200 too, but cannot echo a nonce it never saw in a JSON shape it does not
 * know, so any of them counts as offline.
 */
public final class ConnectivityProbe {

    private final CentralApi api;
    private final SecureRandom random = new SecureRandom();

    public ConnectivityProbe(CentralApi api) {
        this.api = api;
    }

    /** @throws SyncFailure when the server is not reachable as itself */
    public void check() throws SyncFailure {
        byte[] b = new byte[18];
        random.nextBytes(b);
        api.health(Base64.getUrlEncoder().withoutPadding().encodeToString(b));
    }
}
