package id.rekam.core.text;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Moments as the station shows and prints them: {@code 25-11-2026 14:35}, the day first as dates
 * are typed at the desk. One format for the records list, record detail, receipt and sync panel.
 */
public final class DeskTimes {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private DeskTimes() {
    }

    public static String format(Instant moment, ZoneId zone) {
        return WHEN.format(moment.atZone(zone));
    }
}
