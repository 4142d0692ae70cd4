package id.rekam.core.cards;

import java.time.LocalDate;

/** One day of the blank-card ledger: movements and the closing balance. */
public record DayBalance(LocalDate day, long received, long used, long spoiled, long returned, long closing) {
}
