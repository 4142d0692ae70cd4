package id.rekam.server.quota;

/**
 * A token bucket: holds up to {@code capacity} tokens, refilled at {@code perSecond}. Time comes
 * from the caller (nanoseconds of {@link System#nanoTime}), so tests need not sleep.
 */
final class TokenBucket {

    private static final double NANOS = 1e9;

    private final double capacity;
    private final double perSecond;
    private double tokens;
    private long lastNanos;

    TokenBucket(double capacity, double perSecond, long nowNanos) {
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.tokens = capacity;
        this.lastNanos = nowNanos;
    }

    /**
     * Takes {@code n} tokens if there are that many (a request larger than the whole bucket
     * needs a full one). @return 0 when taken, else the nanoseconds until it would be
     */
    synchronized long tryTake(double n, long nowNanos) {
        refill(nowNanos);
        double need = Math.min(n, capacity);
        if (tokens >= need) {
            tokens -= n;
            return 0;
        }
        return (long) Math.ceil((need - tokens) / perSecond * NANOS);
    }

    /** Takes tokens the bucket may not have (bytes only counted once read): the debt delays what comes next. */
    synchronized void charge(double n, long nowNanos) {
        refill(nowNanos);
        tokens -= n;
    }

    /** A full bucket is the same as none: it may be forgotten. */
    synchronized boolean full(long nowNanos) {
        refill(nowNanos);
        return tokens >= capacity;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - lastNanos;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed / NANOS * perSecond);
            lastNanos = nowNanos;
        }
    }
}
