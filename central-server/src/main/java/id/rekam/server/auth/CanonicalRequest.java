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

    public static byte[] bytes(String method, String pathAndQuery, String stationId, String timestamp,
                               String nonce, byte[] body) {
        return String.join("\n", VERSION_LINE, method, pathAndQuery, stationId, timestamp, nonce,
                sha256Hex(body)).getBytes(StandardCharsets.UTF_8);
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
