package id.rekam.server.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A complete response: status, headers and a (possibly empty) body. */
public final class Response {

    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final byte[] body;

    public Response(int status, byte[] body) {
        this.status = status;
        this.body = body == null ? new byte[0] : body;
    }

    public static Response empty(int status) {
        return new Response(status, null);
    }

    public static Response json(int status, Object value) {
        return new Response(status, Json.write(value)).header("Content-Type", "application/json");
    }

    public static Response error(int status, String code, String message) {
        return json(status, new ApiError(code, message));
    }

    public static Response html(int status, String html) {
        return new Response(status, html.getBytes(StandardCharsets.UTF_8))
                .header("Content-Type", "text/html; charset=utf-8");
    }

    public Response header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    public byte[] body() {
        return body;
    }
}
