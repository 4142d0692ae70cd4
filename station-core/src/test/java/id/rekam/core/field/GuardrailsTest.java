package id.rekam.core.field;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GuardrailsTest {

    private static final long MB = 1024L * 1024;
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    /** 10:00 WIB: before the end-of-day prompt. */
    private static final Instant MORNING = Instant.parse("2026-11-25T03:00:00Z");

    private final FieldLimits limits = new FieldLimits(2, 4, 300, 500, 2, 4, 5_000 * MB, 1_000 * MB, 3, 16);
    private final Guardrails guardrails = new Guardrails(limits, WIB);

    private static FieldFacts facts(Instant now, Instant lastDelivery, long pending, Instant oldest, long bytesToday,
                                    long usable) {
        return new FieldFacts(now, lastDelivery, pending, oldest, 0, bytesToday / (228 * 1024), bytesToday, 0, usable);
    }

    @Test
    void quietStationHasNoWarnings() {
        FieldReport r = guardrails.evaluate(facts(MORNING, MORNING.minusSeconds(600), 12, MORNING.minusSeconds(3600),
                50 * MB, 40_000 * MB));
        assertThat(r.worst()).isEqualTo(Guardrail.Level.OK);
        assertThat(r.warnings()).isEmpty();
        assertThat(r.capturesAllowed()).isTrue();
    }

    @Test
    void warnsBeforeEachLimitAndPassesItWithoutStoppingCaptures() {
        Instant twoDaysAgo = MORNING.minus(Duration.ofDays(2)).minusSeconds(60);
        FieldReport warned = guardrails.evaluate(facts(MORNING, twoDaysAgo, 300, twoDaysAgo, 0, 40_000 * MB));
        assertThat(warned.get(Guardrail.Kind.DAYS_SINCE_DELIVERY).orElseThrow().level()).isEqualTo(Guardrail.Level.WARNING);
        assertThat(warned.get(Guardrail.Kind.PENDING).orElseThrow().level()).isEqualTo(Guardrail.Level.WARNING);
        assertThat(warned.get(Guardrail.Kind.OLDEST_PENDING_DAYS).orElseThrow().level()).isEqualTo(Guardrail.Level.WARNING);
        assertThat(warned.capturesAllowed()).isTrue();

        Instant fiveDaysAgo = MORNING.minus(Duration.ofDays(5));
        FieldReport over = guardrails.evaluate(facts(MORNING, fiveDaysAgo, 800, fiveDaysAgo, 0, 40_000 * MB));
        assertThat(over.warnings()).extracting(Guardrail::kind).containsExactlyInAnyOrder(
                Guardrail.Kind.DAYS_SINCE_DELIVERY, Guardrail.Kind.PENDING, Guardrail.Kind.OLDEST_PENDING_DAYS);
        assertThat(over.worst()).isEqualTo(Guardrail.Level.OVER_LIMIT);
        assertThat(over.capturesAllowed()).as("only the disk reserve stops captures").isTrue();
        assertThat(over.get(Guardrail.Kind.DAYS_SINCE_DELIVERY).orElseThrow().value()).isEqualTo(5);
    }

    @Test
    void nothingPendingIsNeverLateHoweverLongSinceTheLastDelivery() {
        FieldReport r = guardrails.evaluate(facts(MORNING, MORNING.minus(Duration.ofDays(30)), 0, null, 0,
                40_000 * MB));
        assertThat(r.get(Guardrail.Kind.DAYS_SINCE_DELIVERY).orElseThrow().level()).isEqualTo(Guardrail.Level.OK);
    }

    @Test
    void neverDeliveredCountsFromTheOldestPendingRecord() {
        Instant threeDaysAgo = MORNING.minus(Duration.ofDays(3));
        FieldReport r = guardrails.evaluate(facts(MORNING, null, 5, threeDaysAgo, 0, 40_000 * MB));
        assertThat(r.get(Guardrail.Kind.DAYS_SINCE_DELIVERY).orElseThrow().value()).isEqualTo(3);
    }

    @Test
    void forecastsDiskFullAtTodaysPaceAndWarnsWhenClose() {
        // 6,000 MB free, 1,000 MB reserve, 1,250 MB written today: 4 days to go.
        FieldReport r = guardrails.evaluate(facts(MORNING, MORNING, 10, MORNING, 1_250 * MB, 6_000 * MB));
        assertThat(r.daysToFull()).hasValue(4);
        assertThat(r.get(Guardrail.Kind.DISK_FORECAST_DAYS).orElseThrow().level()).isEqualTo(Guardrail.Level.OK);

        FieldReport close = guardrails.evaluate(facts(MORNING, MORNING, 10, MORNING, 2_000 * MB, 6_000 * MB));
        assertThat(close.daysToFull()).hasValue(2);
        assertThat(close.get(Guardrail.Kind.DISK_FORECAST_DAYS).orElseThrow().level())
                .isEqualTo(Guardrail.Level.WARNING);
        assertThat(close.capturesAllowed()).isTrue();
    }

    @Test
    void withoutCapturesTodayTheForecastUsesTheLastActiveDays() {
        FieldFacts f = new FieldFacts(MORNING, MORNING, 10, MORNING, 0, 0, 0, 500 * MB, 6_000 * MB);
        assertThat(guardrails.evaluate(f).daysToFull()).hasValue(10);
        FieldFacts none = new FieldFacts(MORNING, MORNING, 10, MORNING, 0, 0, 0, 0, 6_000 * MB);
        assertThat(guardrails.evaluate(none).daysToFull()).isEmpty();
    }

    @Test
    void diskWarnsThenBlocksAtTheReserve() {
        FieldReport low = guardrails.evaluate(facts(MORNING, MORNING, 1, MORNING, 0, 4_000 * MB));
        assertThat(low.get(Guardrail.Kind.DISK_FREE).orElseThrow().level()).isEqualTo(Guardrail.Level.WARNING);
        assertThat(low.capturesAllowed()).isTrue();
        FieldReport full = guardrails.evaluate(facts(MORNING, MORNING, 1, MORNING, 0, 999 * MB));
        assertThat(full.get(Guardrail.Kind.DISK_FREE).orElseThrow().level()).isEqualTo(Guardrail.Level.BLOCKED);
        assertThat(full.capturesAllowed()).isFalse();
        assertThat(full.worst()).isEqualTo(Guardrail.Level.BLOCKED);
        assertThat(limits.capturesAllowed(1_000 * MB + 300_000, 300_000)).isTrue();
        assertThat(limits.capturesAllowed(1_000 * MB + 299_999, 300_000)).isFalse();
    }

    @Test
    void promptsForASafetyCopyAtTheEndOfTheDayOnly() {
        Instant evening = Instant.parse("2026-11-25T10:30:00Z"); // 17:30 WIB
        FieldFacts morning = new FieldFacts(MORNING, MORNING, 40, MORNING, 40, 40, 0, 0, 40_000 * MB);
        FieldFacts late = new FieldFacts(evening, evening, 40, MORNING, 40, 40, 0, 0, 40_000 * MB);
        assertThat(guardrails.evaluate(morning).get(Guardrail.Kind.NO_SAFETY_COPY).orElseThrow().level())
                .isEqualTo(Guardrail.Level.OK);
        assertThat(guardrails.evaluate(late).get(Guardrail.Kind.NO_SAFETY_COPY).orElseThrow().level())
                .isEqualTo(Guardrail.Level.WARNING);
    }

    @Test
    void limitsComeFromTheSettingsFileWithDefaultsForWhatIsMissing() {
        Properties p = new Properties();
        p.setProperty("rekam.field.pendingWarn", "50");
        p.setProperty("rekam.field.pendingLimit", "80");
        p.setProperty("rekam.field.diskReserveBytes", "2147483648");
        FieldLimits l = FieldLimits.from(p);
        assertThat(l.pendingWarn()).isEqualTo(50);
        assertThat(l.pendingLimit()).isEqualTo(80);
        assertThat(l.diskReserveBytes()).isEqualTo(2L * 1024 * 1024 * 1024);
        assertThat(l.deliveryLimitDays()).isEqualTo(FieldLimits.defaults().deliveryLimitDays());

        p.setProperty("rekam.field.pendingWarn", "900");
        assertThatThrownBy(() -> FieldLimits.from(p)).hasMessageContaining("pending");
        p.setProperty("rekam.field.pendingWarn", "lima");
        assertThatThrownBy(() -> FieldLimits.from(p)).hasMessageContaining("rekam.field.pendingWarn");
    }
}
