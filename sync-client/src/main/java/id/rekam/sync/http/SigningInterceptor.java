package id.rekam.sync.http;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.UnaryOperator;

/**
 * Signs every request as docs/sync-protocol.md "Signed requests" says: Ed25519 over seven
 * LF-joined lines (version, method, path and query, station, Unix seconds, nonce, SHA-256 of
 * the body). Must run once per attempt, since the server refuses a reused nonce; the client
 * therefore has OkHttp's silent retries switched off. The body's hash also goes in
 * {@code X-Rekam-Content-SHA256}, so the server checks the signature before it reads the body
 * (it refuses a body over 64 KiB without it).
 */
public final class SigningInterceptor implements Interceptor {

    public static final String VERSION_LINE = "rekam-req-v1";
    public static final String CONTENT_SHA256 = "X-Rekam-Content-SHA256";

    private final String stationId;
    private final UnaryOperator<byte[]> signer;
    private final ServerClock clock;
    private final SecureRandom random;

    public SigningInterceptor(String stationId, UnaryOperator<byte[]> signer, ServerClock clock, SecureRandom random) {
        this.stationId = stationId;
        this.signer = signer;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request r = chain.request();
        if (r.method().equals("OPTIONS")) {
            return chain.proceed(r);
        }
        BodyDigest known = r.tag(BodyDigest.class);
        String bodyHash = known != null ? HexFormat.of().formatHex(known.sha256()) : sha256Hex(bodyBytes(r.body()));
        String query = r.url().encodedQuery();
        String pathAndQuery = r.url().encodedPath() + (query == null ? "" : "?" + query);
        String timestamp = Long.toString(clock.nowSeconds());
        String nonce = nonce();
        byte[] canonical = canonical(r.method(), pathAndQuery, stationId, timestamp, nonce, bodyHash);
        String signature = Base64.getEncoder().encodeToString(signer.apply(canonical));
        Request.Builder signed = r.newBuilder()
                .header("X-Rekam-Station", stationId)
                .header("X-Rekam-Timestamp", timestamp)
                .header("X-Rekam-Nonce", nonce)
                .header("X-Rekam-Signature", signature)
                .header(CONTENT_SHA256, bodyHash);
        if (signer instanceof RequestSigner rs && rs.keyHeader() != null) {
            signed.header("X-Rekam-Key", rs.keyHeader());
        }
        return chain.proceed(signed.build());
    }

    public static byte[] canonical(String method, String pathAndQuery, String stationId, String timestamp,
                                   String nonce, byte[] body) {
        return canonical(method, pathAndQuery, stationId, timestamp, nonce, sha256Hex(body));
    }

    static byte[] canonical(String method, String pathAndQuery, String stationId, String timestamp,
                            String nonce, String bodySha256Hex) {
        return String.join("\n", VERSION_LINE, method, pathAndQuery, stationId, timestamp, nonce, bodySha256Hex)
                .getBytes(StandardCharsets.UTF_8);
    }

    private String nonce() {
        byte[] b = new byte[18];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static byte[] bodyBytes(RequestBody body) throws IOException {
        if (body == null) {
            return new byte[0];
        }
        Buffer buffer = new Buffer();
        body.writeTo(buffer);
        return buffer.readByteArray();
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
