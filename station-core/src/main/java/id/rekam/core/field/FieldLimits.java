package id.rekam.core.field;

import java.util.Properties;

/**
 * The limits a station works within while it cannot deliver: how long without a delivery, how
 * many records waiting, how old the oldest may get, how much disk must stay free. Each has a
 * warning threshold before it. Only the disk reserve stops captures ({@link #capturesAllowed}):
 * passing the other limits is told loudly but never silently stops a mobile team's work.
 * Set in the station settings file or by {@code -D} ({@code rekam.field.*}).
 *
 * @param endOfDayHour from this local hour on, pending records without a safety copy prompt
 *                     the operator to write a safety bundle
 */
public record FieldLimits(int deliveryWarnDays, int deliveryLimitDays,
                          long pendingWarn, long pendingLimit,
                          int oldestWarnDays, int oldestLimitDays,
                          long diskWarnBytes, long diskReserveBytes,
                          int forecastWarnDays, int endOfDayHour) {

    public static final String PREFIX = "rekam.field.";
    private static final long GIB = 1024L * 1024 * 1024;

    public FieldLimits {
        requireOrdered("deliveryDays", deliveryWarnDays, deliveryLimitDays);
        requireOrdered("pending", pendingWarn, pendingLimit);
        requireOrdered("oldestDays", oldestWarnDays, oldestLimitDays);
        if (diskReserveBytes < 0 || diskWarnBytes < diskReserveBytes) {
            throw new IllegalArgumentException("disk warning (" + diskWarnBytes + ") must be at least the reserve ("
                    + diskReserveBytes + ")");
        }
        if (endOfDayHour < 0 || endOfDayHour > 23 || forecastWarnDays < 0) {
            throw new IllegalArgumentException("endOfDayHour 0-23, forecastWarnDays >= 0");
        }
    }

    /**
     * Two days without delivery is a weekend drive; four is a laptop forgotten in a car. 500
     * pending records is a school hall's two days; 1 GiB of reserve keeps room for SQLite's WAL,
     * a rolling backup's growth and the operating system.
     */
    public static FieldLimits defaults() {
        return new FieldLimits(2, 4, 300, 500, 2, 4, 5 * GIB, GIB, 3, 16);
    }

    /** Reads {@code rekam.field.*}; a key missing keeps its default. */
    public static FieldLimits from(Properties p) {
        FieldLimits d = defaults();
        return new FieldLimits(
                intOf(p, "deliveryWarnDays", d.deliveryWarnDays), intOf(p, "deliveryLimitDays", d.deliveryLimitDays),
                longOf(p, "pendingWarn", d.pendingWarn), longOf(p, "pendingLimit", d.pendingLimit),
                intOf(p, "oldestWarnDays", d.oldestWarnDays), intOf(p, "oldestLimitDays", d.oldestLimitDays),
                longOf(p, "diskWarnBytes", d.diskWarnBytes), longOf(p, "diskReserveBytes", d.diskReserveBytes),
                intOf(p, "forecastWarnDays", d.forecastWarnDays), intOf(p, "endOfDayHour", d.endOfDayHour));
    }

    /**
     * The one rule that refuses a capture: after writing {@code incomingBytes} the disk must
     * still have the reserve free.
     */
    public boolean capturesAllowed(long usableBytes, long incomingBytes) {
        return usableBytes - incomingBytes >= diskReserveBytes;
    }

    private static void requireOrdered(String name, long warn, long limit) {
        if (warn < 0 || limit < warn) {
            throw new IllegalArgumentException(name + ": warning " + warn + " must be >= 0 and <= limit " + limit);
        }
    }

    private static int intOf(Properties p, String key, int fallback) {
        return (int) longOf(p, key, fallback);
    }

    private static long longOf(Properties p, String key, long fallback) {
        String v = p.getProperty(PREFIX + key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PREFIX + key + " must be a whole number, not '" + v + "'", e);
        }
    }
}
