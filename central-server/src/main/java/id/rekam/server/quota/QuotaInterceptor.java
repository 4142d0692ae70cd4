package id.rekam.server.quota;

import id.rekam.server.auth.SignatureAuthInterceptor;
import id.rekam.server.http.ApiException;
import id.rekam.server.http.Interceptor;
import id.rekam.server.http.Request;
import id.rekam.server.http.Response;
import id.rekam.server.stations.Station;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The server's quota policy ({@link Quotas}), one link after the signature check: a signed
 * request counts against its station (known only once the signature verified, so nobody can
 * spend another station's quota), an unsigned {@code /v1/} request against its remote address.
 * Over quota: {@code 429 rate-limited} with {@code Retry-After}, before the body is read. Body
 * bytes count by Content-Length up front, and by what was really read once it was (a chunked
 * body), so a station that overdraws waits for the debt to refill.
 */
public final class QuotaInterceptor implements Interceptor {

    /** Forgetting full buckets this often keeps the map to the callers of the last minutes. */
    private static final int SWEEP_EVERY = 1024;
    private static final long SECOND = 1_000_000_000L;

    private final Quotas quotas;
    private final LongSupplier nanoTime;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private int calls;

    public QuotaInterceptor(Quotas quotas) {
        this(quotas, System::nanoTime);
    }

    QuotaInterceptor(Quotas quotas, LongSupplier nanoTime) {
        this.quotas = quotas;
        this.nanoTime = nanoTime;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request r = chain.request();
        Station station = r.attribute(SignatureAuthInterceptor.STATION);
        if (station != null) {
            return forStation(chain, r, station.stationId());
        }
        if (r.rawPath().startsWith("/v1/") && quotas.addressRequests() != null) {
            take("address:" + r.remoteAddress(), quotas.addressRequests(), 1, "requests from " + r.remoteAddress());
        }
        return chain.proceed(r);
    }

    private Response forStation(Chain chain, Request r, String stationId) throws IOException {
        if (quotas.stationRequests() != null) {
            take("requests:" + stationId, quotas.stationRequests(), 1, "requests of station " + stationId);
        }
        if (quotas.stationBytes() == null) {
            return chain.proceed(r);
        }
        long upFront = Math.max(r.declaredLength(), 0);
        String key = "bytes:" + stationId;
        take(key, quotas.stationBytes(), upFront, "upload bytes of station " + stationId);
        try {
            return chain.proceed(r);
        } finally {
            long extra = r.bytesRead() - upFront;
            if (extra > 0) {
                bucket(key, quotas.stationBytes()).charge(extra, nanoTime.getAsLong());
            }
        }
    }

    private void take(String key, Quotas.Rate rate, long n, String what) {
        long now = nanoTime.getAsLong();
        long waitNanos = bucket(key, rate).tryTake(n, now);
        sweepNowAndThen(now);
        if (waitNanos > 0) {
            long seconds = Math.max(1, (waitNanos + SECOND - 1) / SECOND);
            throw new ApiException(429, "rate-limited", "quota exceeded (" + what + "); retry after "
                    + seconds + " s").withHeader("Retry-After", Long.toString(seconds));
        }
    }

    private TokenBucket bucket(String key, Quotas.Rate rate) {
        return buckets.computeIfAbsent(key, k -> new TokenBucket(rate.burst(), rate.perSecond(), nanoTime.getAsLong()));
    }

    private void sweepNowAndThen(long now) {
        boolean sweep;
        synchronized (this) {
            sweep = ++calls % SWEEP_EVERY == 0;
        }
        if (sweep) {
            buckets.values().removeIf(b -> b.full(now));
        }
    }

    /** Buckets held now (for tests: forgotten once full). */
    int buckets() {
        return buckets.size();
    }
}
