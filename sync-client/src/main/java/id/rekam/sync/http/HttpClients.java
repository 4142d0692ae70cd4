package id.rekam.sync.http;

import id.rekam.sync.SyncConfig;
import okhttp3.OkHttpClient;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** The one OkHttp client of the sync client: the interceptor pipeline plus TLS pinning. */
public final class HttpClients {

    private HttpClients() {
    }

    public static OkHttpClient.Builder builder(SyncConfig config, String stationId, UnaryOperator<byte[]> signer,
                                               Clock clock) {
        return builder(config, stationId, RequestSigner.stationKey(signer), clock);
    }

    /** With the signer's key named for the server ({@link RequestSigner#keyHeader()}: the transport key). */
    public static OkHttpClient.Builder builder(SyncConfig config, String stationId, RequestSigner signer,
                                               Clock clock) {
        ServerClock serverClock = new ServerClock(clock);
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                // Our own loop retries with backoff and a fresh nonce; OkHttp's silent retry would
                // replay a signed request and earn a 401.
                .retryOnConnectionFailure(false)
                .socketFactory(new NoDelaySocketFactory())
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(30))
                .callTimeout(config.requestTimeout())
                // Outermost first. Answers are validated (portal page, 5xx, server time) before the
                // tus check sees them, so a portal's 200 on an upload reads as a portal.
                .addInterceptor(new TusResumableInterceptor())
                .addInterceptor(new ResponseValidationInterceptor(clock, serverClock))
                .addInterceptor(new SigningInterceptor(stationId, signer, serverClock, new SecureRandom()));
        if (config.tlsPin() != null) {
            PinnedTrustManager trust = new PinnedTrustManager(config.tlsPin());
            // The trust manager does the pinning during the handshake. OkHttp's CertificatePinner
            // cannot be added: it pins on the chain cleaned against trusted CAs, which is empty here.
            b.sslSocketFactory(trust.sslContext().getSocketFactory(), trust);
        }
        return b;
    }
}
