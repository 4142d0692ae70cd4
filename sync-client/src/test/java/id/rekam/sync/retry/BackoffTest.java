package id.rekam.sync.retry;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T03:00:00Z"), ZoneOffset.UTC);

    @Test
    void ceilingDoublesFromBaseUntilCap() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), n -> n);
        assertThat(List.of(0, 1, 2, 3, 4, 5, 60).stream().map(a -> b.ceiling(a).toMillis()).toList())
                .containsExactly(100L, 200L, 400L, 800L, 1600L, 2000L, 2000L);
    }

    @Test
    void fullJitterDrawsBetweenZeroAndCeiling() {
        List<Long> bounds = new ArrayList<>();
        Backoff lowest = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), n -> {
            bounds.add(n);
            return 0;
        });
        assertThat(lowest.delay(3, null)).isEqualTo(Duration.ZERO);
        assertThat(bounds).containsExactly(800L);
        Backoff highest = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), n -> n);
        assertThat(highest.delay(3, null)).isEqualTo(Duration.ofMillis(800));
        Backoff half = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), n -> n / 2);
        assertThat(half.delay(10, null)).isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void retryAfterWinsOnlyWhenLonger() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), n -> n);
        assertThat(b.delay(0, Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
        assertThat(b.delay(4, Duration.ofMillis(10))).isEqualTo(Duration.ofMillis(1600));
    }

    @Test
    void randomSourceOutsideWindowIsRefused() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), n -> n + 1);
        assertThatThrownBy(() -> b.delay(0, null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(3), Duration.ofSeconds(2), n -> n))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 300)
    void delayNeverExceedsCapWithoutRetryAfter(@ForAll @IntRange(min = 0, max = 200) int attempt,
                                               @ForAll @LongRange(min = 1, max = 10_000) long baseMs) {
        Backoff b = new Backoff(Duration.ofMillis(baseMs), Duration.ofMillis(baseMs * 50), Backoff.threadLocalRandom());
        Duration d = b.delay(attempt, null);
        assertThat(d).isBetween(Duration.ZERO, Duration.ofMillis(Math.min(baseMs * 50,
                attempt >= 62 ? Long.MAX_VALUE : baseMs << Math.min(attempt, 20))));
    }

    @Test
    void retryAfterParsesSecondsAndHttpDate() {
        assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("Wed, 25 Nov 2026 03:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Wed, 25 Nov 2026 02:00:00 GMT", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
    }
}
