package id.rekam.server.health;

import id.rekam.server.http.ApiException;
import id.rekam.server.http.Request;
import id.rekam.server.http.Response;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /v1/throughput}: the technician's upload-speed probe (docs/sync-protocol.md §1).
 * The station sends up to {@link #MAX_BYTES} of random bytes and times the answer; the server
 * reads them, keeps nothing and says how many arrived. Signed like every /v1 call, so only an
 * enrolled station can make the server read anything.
 */
public final class ThroughputApi {

    public static final int MAX_BYTES = 1024 * 1024;

    private final Clock clock;

    public ThroughputApi(Clock clock) {
        this.clock = clock;
    }

    public Response probe(Request r) throws IOException {
        // The signature check has read (and hashed) the body already.
        long received = r.body().length;
        if (received > MAX_BYTES) {
            throw new ApiException(413, "body-too-large", "a throughput probe is at most " + MAX_BYTES + " bytes");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("received", received);
        body.put("serverTime", clock.instant().toString());
        return Response.json(200, body);
    }
}
