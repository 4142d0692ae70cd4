package id.rekam.server.auth;

import id.rekam.server.http.ApiException;
import id.rekam.server.http.Interceptor;
import id.rekam.server.http.Request;
import id.rekam.server.http.Response;
import id.rekam.server.stations.Station;
import id.rekam.server.stations.StationCommands;
import id.rekam.server.stations.StationRegistry;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Authenticates every {@code /v1/} request except enrollment and tus OPTIONS by the
 * station's Ed25519 signature over {@link CanonicalRequest}; refuses stale timestamps and
 * reused nonces. On success the {@link Station} is put on the request as {@link #STATION}.
 *
 * <p>The signature covers the body's SHA-256. A client that declares it in
 * {@link #H_CONTENT_SHA256} (the rekam client always does) is checked on its headers alone, and
 * the body is read only after the signature, the station and its revocation are: a stranger, a
 * forged signature or a revoked station costs the server no body. Without the header the body
 * must be read to be hashed, so it may be at most {@code unverifiedBodyLimit} bytes; the same
 * bound holds for the requests nobody signs (enrollment).
 */
public final class SignatureAuthInterceptor implements Interceptor {

    public static final String STATION = "station";
    public static final String H_STATION = "X-Rekam-Station";
    public static final String H_TIMESTAMP = "X-Rekam-Timestamp";
    public static final String H_NONCE = "X-Rekam-Nonce";
    public static final String H_SIGNATURE = "X-Rekam-Signature";
    /** {@code transport}: signed with the sync service's transport key; absent: with the station key. */
    public static final String H_KEY = "X-Rekam-Key";
    /** Lowercase hex SHA-256 of the body, the value the last canonical line signs. */
    public static final String H_CONTENT_SHA256 = "X-Rekam-Content-SHA256";
    /** Request attribute: true when the request was signed with the transport key. */
    public static final String BY_TRANSPORT_KEY = "byTransportKey";

    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{1,12}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final StationRegistry stations;
    private final NonceStore nonces;
    private final Clock clock;
    private final Duration window;
    private final StationCommands revocations;
    private final long unverifiedBodyLimit;

    public SignatureAuthInterceptor(StationRegistry stations, NonceStore nonces, Clock clock, Duration window,
                                    StationCommands revocations, long unverifiedBodyLimit) {
        this.stations = stations;
        this.nonces = nonces;
        this.clock = clock;
        this.window = window;
        this.revocations = revocations;
        this.unverifiedBodyLimit = unverifiedBodyLimit;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request r = chain.request();
        if (!needsSignature(r)) {
            if (r.rawPath().startsWith("/v1/")) {
                // Enrollment: anyone may send it, so it may not cost much to read.
                r.limitBody(unverifiedBodyLimit, "body-too-large",
                        "an unsigned request body may have at most " + unverifiedBodyLimit + " bytes");
            }
            return chain.proceed(r);
        }
        String stationId = r.header(H_STATION).orElse(null);
        String timestamp = r.header(H_TIMESTAMP).orElse(null);
        String nonce = r.header(H_NONCE).orElse(null);
        String signature = r.header(H_SIGNATURE).orElse(null);
        if (stationId == null || timestamp == null || nonce == null || signature == null) {
            throw unauthorized("missing-auth", "X-Rekam-Station, -Timestamp, -Nonce and -Signature are required");
        }
        if (!TIMESTAMP.matcher(timestamp).matches() || !NONCE.matcher(nonce).matches()) {
            throw unauthorized("bad-auth-header", "timestamp must be Unix seconds, nonce 16-64 base64url characters");
        }
        long ts = Long.parseLong(timestamp);
        long now = clock.millis() / 1000;
        if (Math.abs(now - ts) > window.toSeconds()) {
            throw unauthorized("stale-timestamp", "request timestamp is more than " + window.toSeconds()
                    + " s away from server time " + now);
        }
        Station station = stations.find(stationId)
                .orElseThrow(() -> unauthorized("unknown-station", "no station " + stationId));
        boolean transport = r.header(H_KEY).map("transport"::equals).orElse(false);
        String key = transport ? station.transportKeyBase64() : station.publicKeyBase64();
        if (key == null) {
            throw unauthorized("unknown-transport-key", "no transport key is registered for " + stationId);
        }
        String declared = r.header(H_CONTENT_SHA256).orElse(null);
        if (declared != null && !SHA256_HEX.matcher(declared).matches()) {
            throw unauthorized("bad-auth-header", H_CONTENT_SHA256 + " must be 64 lowercase hex digits");
        }
        if (!verifies(r, key, stationId, timestamp, nonce, declared, signature)) {
            throw unauthorized("bad-signature", "request signature does not verify");
        }
        // A request's timestamp is the station's claim: after revocation nothing it signs counts,
        // whatever time it says. The answer carries the signed notice (and any wipe command).
        if (station.revoked()) {
            throw revocations.refusal(station);
        }
        // Recorded only after the signature verified, so nobody can burn a station's nonces.
        if (!nonces.firstUse(stationId, nonce, ts)) {
            throw unauthorized("replayed-nonce", "this nonce was already used");
        }
        stations.touch(stationId);
        r.attribute(STATION, station);
        r.attribute(BY_TRANSPORT_KEY, transport);
        return chain.proceed(r);
    }

    /**
     * Checks the signature, reading the body only when nothing else tells its hash. Order: the
     * declared hash, then UNSIGNED-PAYLOAD on a tus PATCH (both on headers alone), then the hash
     * of the body itself, bounded.
     */
    private boolean verifies(Request r, String key, String stationId, String timestamp, String nonce,
                             String declared, String signature) throws IOException {
        if (declared != null && Ed25519Keys.verify(key, CanonicalRequest.bytes(r.method(), r.pathAndQuery(),
                stationId, timestamp, nonce, declared), signature)) {
            r.expectBodySha256(java.util.HexFormat.of().parseHex(declared));
            return true;
        }
        if (isTusPatch(r) && Ed25519Keys.verify(key, CanonicalRequest.bytes(r.method(), r.pathAndQuery(),
                stationId, timestamp, nonce, CanonicalRequest.UNSIGNED_PAYLOAD), signature)) {
            return true;
        }
        if (declared != null) {
            return false;
        }
        r.limitBody(unverifiedBodyLimit, "content-sha256-required", "a body over " + unverifiedBodyLimit
                + " bytes must declare its SHA-256 in " + H_CONTENT_SHA256 + " so the signature is checked first");
        return Ed25519Keys.verify(key, CanonicalRequest.bytes(r.method(), r.pathAndQuery(), stationId, timestamp,
                nonce, java.util.HexFormat.of().formatHex(r.bodySha256())), signature);
    }

    private static boolean isTusPatch(Request r) {
        return r.method().equals("PATCH") && r.rawPath().startsWith("/v1/uploads/");
    }

    private static boolean needsSignature(Request r) {
        String p = r.rawPath();
        if (!p.startsWith("/v1/")) {
            return false;
        }
        if (p.equals("/v1/stations") && r.method().equals("POST")) {
            return false;
        }
        return !r.method().equals("OPTIONS");
    }

    private static ApiException unauthorized(String code, String message) {
        return new ApiException(401, code, message);
    }
}
