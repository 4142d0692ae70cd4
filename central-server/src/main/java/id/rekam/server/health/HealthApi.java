package id.rekam.server.health;

import id.rekam.server.http.ApiException;
import id.rekam.server.http.Request;
import id.rekam.server.http.Response;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET /v1/health?nonce=...}: the connectivity probe of the sync client. The answer
 * echoes the caller's fresh nonce, so a captive portal's or proxy's canned 200 page can never
 * pass for the server. Like every /v1 call it is signed, so a pass also proves the station is
 * known and its clock within the allowed skew.
 */
public final class HealthApi {

    public static final String SERVICE = "rekam-central";
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    private final Clock clock;

    public HealthApi(Clock clock) {
        this.clock = clock;
    }

    public Response health(Request r) {
        String nonce = r.queryParam("nonce").orElse("");
        if (!NONCE.matcher(nonce).matches()) {
            throw new ApiException(400, "bad-nonce", "nonce must be 16-64 base64url characters");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", SERVICE);
        body.put("protocol", 1);
        body.put("nonce", nonce);
        body.put("serverTime", clock.instant().toString());
        return Response.json(200, body);
    }
}
