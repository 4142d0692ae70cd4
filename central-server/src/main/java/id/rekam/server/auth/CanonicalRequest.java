package id.rekam.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The string a station signs for every request (docs/sync-protocol.md, "Signed requests"):
 * seven lines joined by LF, UTF-8, no trailing LF.
 */
public final class CanonicalRequest {

    public static final String VERSION_LINE = "rekam-req-v1";

    private CanonicalRequest() {
    }

    /**
     * Stands in for the body hash on tus PATCH requests only, for standard tus clients whose
     * request hooks cannot see the chunk. The content is then protected by the final check
     * of the whole body against the SHA-256 the station signed at announce.
     */
    public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    public static byte[] bytes(String method, String pathAndQuery, String stationId, String timestamp,
                               String nonce, byte[] body) {
        return bytes(method, pathAndQuery, stationId, timestamp, nonce, sha256Hex(body));
    }

    public static byte[] bytes(String method, String pathAndQuery, String stationId, String timestamp,
                               String nonce, String bodyHashLine) {
        return String.join("\n", VERSION_LINE, method, pathAndQuery, stationId, timestamp, nonce,
                bodyHashLine).getBytes(StandardCharsets.UTF_8);
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
