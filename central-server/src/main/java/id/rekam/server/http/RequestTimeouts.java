package id.rekam.server.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How long one exchange may hold a worker thread while the client, not the server, is the slow
 * side. The JDK server reads a request's line and headers on the worker thread and its body only
 * when the handler asks, with blocking reads that never time out, so a client that trickles bytes
 * (slowloris) would keep the thread for as long as it likes. {@link GuardedExecutor} enforces these.
 *
 * @param headers      from the moment a worker picks up the connection to the end of the headers
 *                     (TLS handshake included)
 * @param bodyGrace    a body gets this long for its first bytes ...
 * @param bodyMinRate  ... plus one second for every this many bytes (per second) it delivered: a
 *                     slow but steady upload goes on, a trickle does not
 * @param maxRequest   the whole request, headers and body, whatever its rate
 * @param response     writing the answer (and reading away an unread body, which the JDK does
 *                     before it closes the exchange)
 */
public record RequestTimeouts(Duration headers, Duration bodyGrace, long bodyMinRate, Duration maxRequest,
                              Duration response) {

    public RequestTimeouts {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(bodyGrace, "bodyGrace");
        Objects.requireNonNull(maxRequest, "maxRequest");
        Objects.requireNonNull(response, "response");
        if (bodyMinRate < 1 || headers.isNegative() || bodyGrace.isNegative() || maxRequest.isNegative()
                || response.isNegative()) {
            throw new IllegalArgumentException("time limits must not be negative, bodyMinRate must be positive");
        }
    }

    /**
     * A station's own client gives a whole request 60 s; 2 KiB/s is a poor 2G link. A 1 MiB tus
     * chunk at that rate takes over 8 minutes, longer than the client waits anyway.
     */
    public static RequestTimeouts defaults() {
        return new RequestTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(30), 2048, Duration.ofMinutes(5),
                Duration.ofSeconds(30));
    }
}
