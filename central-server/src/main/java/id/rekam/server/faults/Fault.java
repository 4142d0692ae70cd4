package id.rekam.server.faults;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/**
 * A network misbehaviour to play on matching requests ({@code method} and {@code pathPrefix}
 * null = any), {@code times} times ({@code -1} = until cleared).
 *
 * @param afterBytes        {@link Type#DROP_REQUEST}: request body bytes read before the drop
 * @param stallMillis       {@link Type#STALL}: delay before the request is handled normally
 * @param status            {@link Type#STATUS}: e.g. 503 or 429
 * @param retryAfterSeconds {@link Type#STATUS}: value of Retry-After
 */
public record Fault(Type type, String method, String pathPrefix, long afterBytes, long stallMillis, int status,
                    int retryAfterSeconds, int times) {

    public enum Type {
        /** Read {@code afterBytes} of the request body, then close the connection; nothing takes effect. */
        DROP_REQUEST,
        /** Handle the request fully, then close the connection instead of answering. */
        DROP_RESPONSE,
        /** Wait {@code stallMillis}, then handle normally. */
        STALL,
        /** Answer {@code status} with {@code Retry-After} without handling. */
        STATUS,
        /** Answer 200 with an HTML login page, as a hotel/café Wi-Fi portal does. */
        CAPTIVE_PORTAL;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        @JsonCreator
        public static Type fromWire(String s) {
            return Arrays.stream(values()).filter(t -> t.wire().equals(s)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown fault type " + s));
        }
    }

    public static Fault dropRequestAfter(long bytes) {
        return new Fault(Type.DROP_REQUEST, null, null, bytes, 0, 0, 0, 1);
    }

    public static Fault dropResponse() {
        return new Fault(Type.DROP_RESPONSE, null, null, 0, 0, 0, 0, 1);
    }

    public static Fault stall(long millis) {
        return new Fault(Type.STALL, null, null, 0, millis, 0, 0, 1);
    }

    public static Fault status(int status, int retryAfterSeconds) {
        return new Fault(Type.STATUS, null, null, 0, 0, status, retryAfterSeconds, 1);
    }

    public static Fault captivePortal() {
        return new Fault(Type.CAPTIVE_PORTAL, null, null, 0, 0, 0, 0, 1);
    }

    /** Only requests with this method and a path starting with this prefix. */
    public Fault on(String method, String pathPrefix) {
        return new Fault(type, method, pathPrefix, afterBytes, stallMillis, status, retryAfterSeconds, times);
    }

    public Fault times(int n) {
        return new Fault(type, method, pathPrefix, afterBytes, stallMillis, status, retryAfterSeconds, n);
    }

    public boolean matches(String requestMethod, String path) {
        return (method == null || method.equalsIgnoreCase(requestMethod))
                && (pathPrefix == null || path.startsWith(pathPrefix));
    }
}
