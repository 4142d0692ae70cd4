package id.rekam.sync.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongUnaryOperator;

/**
 * Exponential backoff with full jitter: {@code sleep = random(0, min(cap, base·2^attempt))}.
 * Full jitter spreads a fleet of stations that lost the network together, so they do not
 * come back in lockstep. A server's {@code Retry-After} wins when it asks for longer.
 */
public final class Backoff {

    private final Duration base;
    private final Duration cap;
    /** Given a bound n > 0, returns a uniform value in [0, n]; injectable for tests. */
    private final LongUnaryOperator random;

    public Backoff(Duration base, Duration cap, LongUnaryOperator random) {
        this.base = Objects.requireNonNull(base);
        this.cap = Objects.requireNonNull(cap);
        this.random = Objects.requireNonNull(random);
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= cap");
        }
    }

    /** The uniform random source a station uses. */
    public static LongUnaryOperator threadLocalRandom() {
        return n -> java.util.concurrent.ThreadLocalRandom.current().nextLong(n + 1);
    }

    /** The ceiling of the jitter window for this attempt (0-based): min(cap, base·2^attempt). */
    public Duration ceiling(int attempt) {
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must be >= 0");
        }
        long baseMs = base.toMillis();
        long capMs = cap.toMillis();
        // Shift without overflow: once base·2^attempt passes cap the answer is cap.
        int shift = Math.min(attempt, 62);
        long ceiling = baseMs > (capMs >> shift) ? capMs : baseMs << shift;
        return Duration.ofMillis(Math.min(capMs, ceiling));
    }

    /** Delay before retry number {@code attempt} (0-based), honouring a larger Retry-After. */
    public Duration delay(int attempt, Duration retryAfter) {
        long ceiling = ceiling(attempt).toMillis();
        long jittered = ceiling == 0 ? 0 : random.applyAsLong(ceiling);
        if (jittered < 0 || jittered > ceiling) {
            throw new IllegalStateException("random source returned " + jittered + " outside [0, " + ceiling + "]");
        }
        Duration d = Duration.ofMillis(jittered);
        return retryAfter != null && retryAfter.compareTo(d) > 0 ? retryAfter : d;
    }
}
