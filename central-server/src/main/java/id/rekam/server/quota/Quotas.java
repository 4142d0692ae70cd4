package id.rekam.server.quota;

/**
 * What one caller may send before the server answers {@code 429}: token buckets of requests and
 * of body bytes per station, and of requests per remote address for what no station signs
 * (enrollment). Each bucket holds {@code burst} and refills at {@code perSecond}.
 */
public record Quotas(Rate stationRequests, Rate stationBytes, Rate addressRequests) {

    public record Rate(double burst, double perSecond) {
        public Rate {
            if (!(burst > 0) || !(perSecond > 0)) {
                throw new IllegalArgumentException("burst and perSecond must be positive");
            }
        }
    }

    /** No limits: tests and demos that push hundreds of packets through one station at once. */
    public static Quotas unlimited() {
        return new Quotas(null, null, null);
    }

    /**
     * A station that was offline for a week drains its backlog at the refill rate without a 429
     * on most passes (a packet is one request, the client sends two at a time); one that floods
     * the server is held to about ten requests and 2 MiB a second. Enrollment is rare: twenty
     * attempts from one address, then one every three seconds, which also slows guessing of codes.
     */
    public static Quotas defaults() {
        return new Quotas(new Rate(600, 10), new Rate(64 * 1024 * 1024, 2 * 1024 * 1024), new Rate(20, 1.0 / 3));
    }

    public boolean limited() {
        return stationRequests != null || stationBytes != null || addressRequests != null;
    }
}
