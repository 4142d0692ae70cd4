package id.rekam.core.cards;

import java.time.LocalDate;

/**
 * How long the blank stock lasts at the recent rate: {@code daysLeft = balance / averageDailyUse}
 * where the average covers used and spoiled blanks over the last {@link BlankLedger#RATE_WINDOW_DAYS}
 * days. {@code daysLeft} is infinite when nothing was used; {@code warn} when it is below the
 * threshold (or the stock is empty).
 */
public record StockForecast(LocalDate asOf, long balance, double averageDailyUse, double daysLeft,
                            int thresholdDays, boolean warn) {
}
