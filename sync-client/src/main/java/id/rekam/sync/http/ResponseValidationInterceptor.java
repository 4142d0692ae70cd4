package id.rekam.sync.http;

import id.rekam.sync.SyncFailure;
import id.rekam.sync.retry.RetryAfter;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/**
 * Turns answers that are not the server speaking the protocol into {@link SyncFailure}s
 * before any step looks at them: an HTML page (captive portal, proxy error page), 5xx and 429
 * (with their Retry-After), and any other answer without the server's {@code X-Rekam-Server-Time}
 * (docs/sync-protocol.md §1: such a 200 means "no usable network", never success); 408 (the server
 * gave up on a slow body) is the network's failure too. 4xx other than 408 and 429 pass through; the calling step knows which of
 * them are final for its packet.
 */
public final class ResponseValidationInterceptor implements Interceptor {

    private final Clock clock;
    private final ServerClock serverClock;

    public ResponseValidationInterceptor(Clock clock, ServerClock serverClock) {
        this.clock = clock;
        this.serverClock = serverClock;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        MediaType type = response.body() == null ? null : response.body().contentType();
        int code = response.code();
        Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), clock).orElse(null);
        if (type != null && type.subtype().equalsIgnoreCase("html")) {
            response.close();
            throw new SyncFailure(SyncFailure.Kind.CAPTIVE_PORTAL,
                    "HTTP " + code + " with an HTML page instead of the server's answer", null, null);
        }
        if (code == 429) {
            response.close();
            throw new SyncFailure(SyncFailure.Kind.RATE_LIMITED, "HTTP 429", retryAfter, null);
        }
        if (code == 408) {
            // The server stopped waiting for a body that came too slowly: a slow link, not a refusal.
            response.close();
            throw new SyncFailure(SyncFailure.Kind.OFFLINE, "HTTP 408: the request did not reach the server in time",
                    retryAfter, null);
        }
        if (code >= 500) {
            response.close();
            throw new SyncFailure(SyncFailure.Kind.SERVER_ERROR, "HTTP " + code, retryAfter, null);
        }
        if (response.header(ServerClock.HEADER) == null) {
            // Every answer of the protocol carries it; a 2xx/4xx without it is someone else.
            response.close();
            throw new SyncFailure(SyncFailure.Kind.CAPTIVE_PORTAL,
                    "HTTP " + code + " without " + ServerClock.HEADER + ": not the central server", null, null);
        }
        serverClock.observe(response.header(ServerClock.HEADER));
        if (code == 401) {
            String body = response.body() == null ? "" : response.peekBody(2048).string();
            response.close();
            throw new SyncFailure(SyncFailure.Kind.AUTH, "HTTP 401 " + body, null, null);
        }
        return response;
    }
}
