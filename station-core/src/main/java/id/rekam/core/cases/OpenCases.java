package id.rekam.core.cases;

import java.util.Map;

/**
 * The open cases at a glance, for the home screen: how many, how old, where. Counted from clear
 * columns (state, time, kelurahan code), so the home screen opens no seal.
 *
 * @param byAge     count per age band
 * @param byVillage count per kelurahan code, most cases first
 * @param overdue   past their deadline
 */
public record OpenCases(int total, Map<AgeBand, Integer> byAge, Map<String, Integer> byVillage, int overdue,
                        int awaitingConfirmation) {

    public enum AgeBand {
        /** Up to a week. */
        WEEK(0, 7),
        /** Eight days to a month. */
        MONTH(8, 30),
        /** Older than a month. */
        OLDER(31, Integer.MAX_VALUE);

        private final int fromDays;
        private final int toDays;

        AgeBand(int fromDays, int toDays) {
            this.fromDays = fromDays;
            this.toDays = toDays;
        }

        public static AgeBand of(long days) {
            for (AgeBand b : values()) {
                if (days >= b.fromDays && days <= b.toDays) {
                    return b;
                }
            }
            return OLDER;
        }
    }
}
