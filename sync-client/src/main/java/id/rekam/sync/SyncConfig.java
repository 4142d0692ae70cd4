package id.rekam.sync;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the sync client. {@link #defaults(URI)} is what a station runs with.
 *
 * @param server          base URI of the central server, e.g. {@code https://pusat.example/}
 * @param tlsPin          {@code sha256/<base64>} of the server's public key; null = trust the system CAs only
 * @param concurrency     packets uploaded at the same time
 * @param chunkSize       bytes per tus PATCH (the server caps a request body)
 * @param backoffBase     first retry delay cap (full jitter picks below it)
 * @param backoffCap      longest retry delay
 * @param pollInterval    pause between passes when everything went through
 * @param retention       confirmed payloads are purged this long after confirmation
 * @param requestTimeout  whole-call timeout of one HTTP request
 * @param tallyExchange   a pass ends by exchanging coverage tallies with the office (issue 16);
 *                        the station turns it on, scripted-server tests leave it off
 */
public record SyncConfig(URI server, String tlsPin, int concurrency, int chunkSize, Duration backoffBase,
                         Duration backoffCap, Duration pollInterval, Duration retention, Duration requestTimeout,
                         boolean tallyExchange) {

    public SyncConfig {
        Objects.requireNonNull(server, "server");
        if (concurrency < 1 || chunkSize < 1) {
            throw new IllegalArgumentException("concurrency and chunkSize must be positive");
        }
        Objects.requireNonNull(backoffBase, "backoffBase");
        Objects.requireNonNull(backoffCap, "backoffCap");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /** Where the store says its server is, with the pin it keeps (docs/sync-protocol.md §3, transport security). */
    public static SyncConfig of(id.rekam.core.trust.ServerTrust trust) {
        return defaults(trust.server()).withTlsPin(trust.tlsPin());
    }

    public static SyncConfig defaults(URI server) {
        return new SyncConfig(server, null, 2, 1024 * 1024, Duration.ofSeconds(1), Duration.ofMinutes(5),
                Duration.ofSeconds(30), Duration.ofDays(30), Duration.ofSeconds(60), false);
    }

    public SyncConfig withTlsPin(String pin) {
        return new SyncConfig(server, pin, concurrency, chunkSize, backoffBase, backoffCap, pollInterval, retention,
                requestTimeout, tallyExchange);
    }

    public SyncConfig withConcurrency(int n) {
        return new SyncConfig(server, tlsPin, n, chunkSize, backoffBase, backoffCap, pollInterval, retention,
                requestTimeout, tallyExchange);
    }

    public SyncConfig withChunkSize(int n) {
        return new SyncConfig(server, tlsPin, concurrency, n, backoffBase, backoffCap, pollInterval, retention,
                requestTimeout, tallyExchange);
    }

    public SyncConfig withBackoff(Duration base, Duration cap) {
        return new SyncConfig(server, tlsPin, concurrency, chunkSize, base, cap, pollInterval, retention,
                requestTimeout, tallyExchange);
    }

    public SyncConfig withPollInterval(Duration d) {
        return new SyncConfig(server, tlsPin, concurrency, chunkSize, backoffBase, backoffCap, d, retention,
                requestTimeout, tallyExchange);
    }

    public SyncConfig withRetention(Duration d) {
        return new SyncConfig(server, tlsPin, concurrency, chunkSize, backoffBase, backoffCap, pollInterval, d,
                requestTimeout, tallyExchange);
    }

    public SyncConfig withRequestTimeout(Duration d) {
        return new SyncConfig(server, tlsPin, concurrency, chunkSize, backoffBase, backoffCap, pollInterval, retention,
                d, tallyExchange);
    }

    public SyncConfig withTallyExchange(boolean on) {
        return new SyncConfig(server, tlsPin, concurrency, chunkSize, backoffBase, backoffCap, pollInterval, retention,
                requestTimeout, on);
    }
}
