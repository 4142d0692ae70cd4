package id.rekam.sync;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Why a sync step could not go on. Every kind but {@link Kind#STORE} is about the network or
 * the server and is retried with backoff; none of them changes a packet's state.
 */
public class SyncFailure extends IOException {

    public enum Kind {
        /** No route, refused, reset, timed out. */
        OFFLINE,
        /** A 200 that is not our server (hotel/café Wi-Fi login page). */
        CAPTIVE_PORTAL,
        /** 5xx or an answer the server itself marks as temporary. */
        SERVER_ERROR,
        /** 429: the server asks us to slow down. */
        RATE_LIMITED,
        /** The server refused our signature (unknown station, clock skew, ...). */
        AUTH,
        /** The server's certificate is not the pinned one. */
        TLS,
        /** The answer breaks docs/sync-protocol.md (malformed JSON, unknown state, missing header). */
        PROTOCOL,
        /** The local store failed. */
        STORE,
        /**
         * An answer the station must act on (receipt, verdict, feed entry, event result, command)
         * does not carry the signature of the server key it pinned: someone else answered.
         */
        UNTRUSTED,
        /** The central administrator revoked this station: every request is refused (its notice is {@link #notice()}). */
        REVOKED
    }

    private final Kind kind;
    private final Duration retryAfter;
    private transient com.fasterxml.jackson.databind.JsonNode notice;

    public SyncFailure(Kind kind, String detail) {
        this(kind, detail, null, null);
    }

    public SyncFailure(Kind kind, String detail, Duration retryAfter, Throwable cause) {
        super(kind + ": " + detail, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    public String detail() {
        String m = getMessage();
        return m.substring(m.indexOf(": ") + 2);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** A revocation, with the server's signed notice (already verified). */
    public static SyncFailure revoked(com.fasterxml.jackson.databind.JsonNode notice) {
        SyncFailure f = new SyncFailure(Kind.REVOKED, "station revoked (" + notice.path("reason").asText() + ") at "
                + notice.path("revokedAt").asText());
        f.notice = notice;
        return f;
    }

    public Optional<com.fasterxml.jackson.databind.JsonNode> notice() {
        return Optional.ofNullable(notice);
    }
}
