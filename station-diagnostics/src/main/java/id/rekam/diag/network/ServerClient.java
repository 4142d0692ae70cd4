package id.rekam.diag.network;

import id.rekam.sync.SyncConfig;
import id.rekam.sync.http.HttpClients;
import id.rekam.sync.http.PinnedTrustManager;
import id.rekam.sync.http.ResponseValidationInterceptor;
import id.rekam.sync.http.ServerClock;
import okhttp3.OkHttpClient;
import okhttp3.Response;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The HTTP client of the network checks: the sync client's own pipeline (pinned TLS, request
 * signing, the same test for "this answer is not our server" — a captive portal means the same
 * here as in delivery), plus a network interceptor that keeps the raw answer's status, type and
 * server time, which the sync pipeline turns into failures before anyone sees them.
 */
final class ServerClient {

    /** What came over the wire last, before the pipeline judged it. */
    record Wire(int code, String contentType, String serverTime, long sentAtMillis, long receivedAtMillis) {
    }

    private final OkHttpClient http;
    private final AtomicReference<Wire> last = new AtomicReference<>();

    ServerClient(NetworkTarget target, Clock clock, Duration timeout) {
        OkHttpClient.Builder b;
        SyncConfig config = SyncConfig.defaults(target.server()).withRequestTimeout(timeout);
        if (target.pin() != null && !target.pin().isBlank()) {
            config = config.withTlsPin(target.pin());
        }
        if (target.signer() != null) {
            b = HttpClients.builder(config, target.stationId(), target.signer(), clock);
        } else {
            // The same pipeline without signing: the server answers 401, which still shows it is itself.
            b = new OkHttpClient.Builder().retryOnConnectionFailure(false).callTimeout(timeout)
                    .addInterceptor(new ResponseValidationInterceptor(clock, new ServerClock(clock)));
            if (config.tlsPin() != null) {
                PinnedTrustManager trust = new PinnedTrustManager(config.tlsPin());
                b.sslSocketFactory(trust.sslContext().getSocketFactory(), trust);
            }
        }
        this.http = b.addNetworkInterceptor(chain -> {
            long sent = clock.millis();
            Response r = chain.proceed(chain.request());
            last.set(new Wire(r.code(), r.header("Content-Type"), r.header(ServerClock.HEADER), sent, clock.millis()));
            return r;
        }).build();
    }

    OkHttpClient http() {
        return http;
    }

    Wire last() {
        return last.get();
    }

    void forget() {
        last.set(null);
    }

    void close() {
        http.dispatcher().executorService().shutdownNow();
        http.connectionPool().evictAll();
    }
}
