package id.rekam.core.field;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Evaluates a station's {@link FieldFacts} against its {@link FieldLimits}: the policy every
 * screen and tool shows, written once. Nothing here stops work except the disk reserve, which
 * the store enforces at commit with the same {@link FieldLimits#capturesAllowed} rule.
 */
public final class Guardrails {

    private final FieldLimits limits;
    private final ZoneId zone;

    public Guardrails(FieldLimits limits, ZoneId zone) {
        this.limits = limits;
        this.zone = zone;
    }

    public FieldLimits limits() {
        return limits;
    }

    public FieldReport evaluate(FieldFacts f) {
        List<Guardrail> out = new ArrayList<>();
        // Nothing waiting means nothing at risk, however long since the last delivery.
        long sinceDelivery = f.pending() == 0 ? 0
                : daysBetween(f.lastDelivery() != null ? f.lastDelivery() : f.oldestPending(), f.now());
        out.add(rising(Guardrail.Kind.DAYS_SINCE_DELIVERY, sinceDelivery, limits.deliveryWarnDays(),
                limits.deliveryLimitDays()));
        out.add(rising(Guardrail.Kind.PENDING, f.pending(), limits.pendingWarn(), limits.pendingLimit()));
        long oldest = f.oldestPending() == null ? 0 : daysBetween(f.oldestPending(), f.now());
        out.add(rising(Guardrail.Kind.OLDEST_PENDING_DAYS, oldest, limits.oldestWarnDays(), limits.oldestLimitDays()));

        boolean allowed = limits.capturesAllowed(f.usableBytes(), 0);
        Guardrail.Level disk = !allowed ? Guardrail.Level.BLOCKED
                : f.usableBytes() <= limits.diskWarnBytes() ? Guardrail.Level.WARNING : Guardrail.Level.OK;
        out.add(new Guardrail(Guardrail.Kind.DISK_FREE, disk, f.usableBytes(), limits.diskWarnBytes(),
                limits.diskReserveBytes()));

        OptionalLong daysToFull = forecast(f);
        if (daysToFull.isPresent()) {
            long d = daysToFull.getAsLong();
            out.add(new Guardrail(Guardrail.Kind.DISK_FORECAST_DAYS,
                    allowed && d > limits.forecastWarnDays() ? Guardrail.Level.OK
                            : allowed ? Guardrail.Level.WARNING : Guardrail.Level.BLOCKED,
                    d, limits.forecastWarnDays(), 0));
        }
        boolean endOfDay = f.now().atZone(zone).getHour() >= limits.endOfDayHour();
        out.add(new Guardrail(Guardrail.Kind.NO_SAFETY_COPY,
                f.withoutSafetyCopy() > 0 && endOfDay ? Guardrail.Level.WARNING : Guardrail.Level.OK,
                f.withoutSafetyCopy(), 1, 0));
        return new FieldReport(f, List.copyOf(out), daysToFull, allowed);
    }

    /**
     * Whole days until the reserve is reached at today's pace (or, before the first capture of
     * the day, the mean of the last active days); empty when there is no pace to go by.
     */
    OptionalLong forecast(FieldFacts f) {
        long pace = Math.max(f.bytesToday(), f.bytesPerActiveDay());
        if (pace <= 0) {
            return OptionalLong.empty();
        }
        long room = Math.max(0, f.usableBytes() - limits.diskReserveBytes());
        return OptionalLong.of(room / pace);
    }

    private static Guardrail rising(Guardrail.Kind kind, long value, long warn, long limit) {
        Guardrail.Level level = value >= limit && limit > 0 ? Guardrail.Level.OVER_LIMIT
                : value >= warn && value > 0 ? Guardrail.Level.WARNING : Guardrail.Level.OK;
        return new Guardrail(kind, level, value, warn, limit);
    }

    private static long daysBetween(Instant from, Instant to) {
        return from == null ? 0 : Math.max(0, Duration.between(from, to).toDays());
    }
}
