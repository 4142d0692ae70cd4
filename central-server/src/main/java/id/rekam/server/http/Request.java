package id.rekam.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request as the interceptor chain sees it. The body is read at most once from the
 * connection and then kept, because both the signature check and the handler need it; nothing
 * reads it before a link asks, so a request refused on its headers costs no body.
 */
public final class Request {

    private final String method;
    private final String rawPath;
    private final String rawQuery;
    private final Map<String, List<String>> headers;
    private final String remoteAddress;
    private long maxBody;
    private String overLimitCode = "body-too-large";
    private String overLimitMessage;
    private byte[] expectedSha256;
    private InputStream bodyStream;
    private byte[] body;
    private byte[] bodySha256;
    private long bytesRead;
    private final Map<String, Object> attributes = new HashMap<>();

    public Request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                   InputStream bodyStream, long maxBody, String remoteAddress) {
        this.method = method.toUpperCase(Locale.ROOT);
        this.rawPath = rawPath;
        this.rawQuery = rawQuery;
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        this.headers = h;
        this.bodyStream = bodyStream;
        this.maxBody = maxBody;
        this.overLimitMessage = "request body exceeds " + maxBody + " bytes";
        this.remoteAddress = remoteAddress;
    }

    /** The peer's IP address as text: the key of quotas for requests no station signed. */
    public String remoteAddress() {
        return remoteAddress;
    }

    /**
     * Lowers the body limit for this request, before the body is read: a larger body is
     * refused with {@code 413 code}, on its Content-Length alone when it declares one.
     */
    public void limitBody(long limit, String code, String message) {
        if (body == null && limit < maxBody) {
            maxBody = limit;
            overLimitCode = code;
            overLimitMessage = message;
        }
    }

    /**
     * The SHA-256 a verified signature vouches for: the body, when read, must hash to it or
     * nobody signed it ({@code 401 bad-signature}). Lets the signature be checked on the
     * headers alone, before the body is read.
     */
    public void expectBodySha256(byte[] sha256) {
        expectedSha256 = sha256.clone();
    }

    /** Content-Length as sent, or -1 (none, chunked or not a number: the JDK refused the last). */
    public long declaredLength() {
        try {
            return header("Content-Length").map(v -> Long.parseLong(v.trim())).orElse(-1L);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Body bytes taken from the connection so far. */
    public long bytesRead() {
        return bytesRead;
    }

    public String method() {
        return method;
    }

    /** Path as sent, still percent-encoded. */
    public String rawPath() {
        return rawPath;
    }

    public String rawQuery() {
        return rawQuery;
    }

    /** The request target exactly as signed: raw path, plus {@code ?query} when there is one. */
    public String pathAndQuery() {
        return rawQuery == null || rawQuery.isEmpty() ? rawPath : rawPath + "?" + rawQuery;
    }

    public Optional<String> header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    public Optional<String> queryParam(String name) {
        if (rawQuery == null) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            if (k.equals(name)) {
                return Optional.of(java.net.URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    /** Replaces the body stream, e.g. by a fault that cuts it; only before the body is read. */
    public void wrapBody(java.util.function.UnaryOperator<InputStream> wrapper) {
        if (body == null) {
            bodyStream = wrapper.apply(bodyStream);
        }
    }

    /** Reads and throws away up to {@code n} body bytes; @return how many were read. */
    public long consumeUpTo(long n) throws IOException {
        byte[] buf = new byte[8192];
        long total = 0;
        while (total < n) {
            int r = bodyStream.read(buf, 0, (int) Math.min(buf.length, n - total));
            if (r < 0) {
                break;
            }
            total += r;
            bytesRead += r;
        }
        return total;
    }

    /**
     * Reads the whole body. A body larger than the limit is refused with 413 (on its
     * Content-Length, before a byte of it is read, when it has one); a body that is not the one
     * the signature vouched for with 401; an I/O error means the peer went away and is passed on
     * so the connection is closed.
     */
    public byte[] body() throws IOException {
        if (body == null) {
            if (declaredLength() > maxBody) {
                throw new ApiException(413, overLimitCode, overLimitMessage);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[16 * 1024];
            MessageDigest sha = sha256();
            long total = 0;
            int n;
            while ((n = bodyStream.read(buf)) > 0) {
                total += n;
                bytesRead += n;
                if (total > maxBody) {
                    throw new ApiException(413, overLimitCode, overLimitMessage);
                }
                out.write(buf, 0, n);
                sha.update(buf, 0, n);
            }
            byte[] digest = sha.digest();
            if (expectedSha256 != null && !MessageDigest.isEqual(expectedSha256, digest)) {
                throw new ApiException(401, "bad-signature",
                        "request body does not match the X-Rekam-Content-SHA256 the signature covers");
            }
            body = out.toByteArray();
            bodySha256 = digest;
        }
        return body;
    }

    /**
     * SHA-256 of the body, computed while it streamed in: the signature check, the tus
     * {@code Upload-Checksum} and the final body check all need it, and hashing 100 KB four
     * times per request was measurable. A copy, so no caller can change what others see.
     */
    public byte[] bodySha256() throws IOException {
        body();
        return bodySha256.clone();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    @SuppressWarnings("unchecked")
    public <T> T attribute(String name) {
        return (T) attributes.get(name);
    }

    public void attribute(String name, Object value) {
        attributes.put(name, value);
    }
}
