package id.rekam.core.field;

/**
 * One watched quantity and where it stands against its limit.
 *
 * @param value  the measured value (days, records or bytes)
 * @param warnAt the value from which the operator is warned
 * @param limit  the limit; for {@link Kind#DISK_FREE} the reserve, below which captures stop
 */
public record Guardrail(Kind kind, Level level, long value, long warnAt, long limit) {

    public enum Kind {
        DAYS_SINCE_DELIVERY,
        PENDING,
        OLDEST_PENDING_DAYS,
        DISK_FREE,
        DISK_FORECAST_DAYS,
        NO_SAFETY_COPY
    }

    /** OK; WARNING before a limit; OVER_LIMIT past it (still recording); BLOCKED: captures refused. */
    public enum Level {
        OK, WARNING, OVER_LIMIT, BLOCKED;

        public boolean atLeast(Level other) {
            return compareTo(other) >= 0;
        }
    }
}
