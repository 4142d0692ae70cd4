package id.rekam.core.trust;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything a station trusts about its central server, kept in the store (table
 * {@code server_trust}) rather than in the group-writable settings file: where it is, the TLS key
 * pinned for it, and its signing and packet keys ({@code null} only for a station registered
 * before keys existed, until it learns them over the pinned channel).
 */
public record ServerTrust(URI server, String tlsPin, ServerKeys keys, Instant pinnedAt) {

    public ServerTrust {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(pinnedAt, "pinnedAt");
        // Re-checked here so that nothing can store an address the policy refuses.
        ServerAddress checked = ServerAddress.check(server.toString(), tlsPin);
        server = checked.base();
        tlsPin = checked.pin();
    }

    public ServerTrust withKeys(ServerKeys k, Instant at) {
        return new ServerTrust(server, tlsPin, k, at);
    }
}
