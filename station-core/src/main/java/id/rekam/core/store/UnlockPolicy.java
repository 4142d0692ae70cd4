package id.rekam.core.store;

import java.time.Duration;

/**
 * What wrong passphrases cost (issue 14, item 4), decided here once. The first
 * {@link #FREE_ATTEMPTS} in a row are free; after that each failure makes the next attempt wait,
 * doubling from {@link #FIRST_DELAY} up to {@link #MAX_DELAY} (an offline attacker with a copy of
 * the file is slowed by PBKDF2 instead; this slows someone at the station's own unlock screen).
 * If the supervisor chose so at provisioning, the {@code eraseAfterFailures}-th failure in a row
 * destroys the wrapped keys — but never while records are still waiting for delivery, unless
 * {@code eraseEvenIfPending} was chosen as well.
 *
 * @param eraseAfterFailures 0 = never
 */
public record UnlockPolicy(int eraseAfterFailures, boolean eraseEvenIfPending) {

    public static final int FREE_ATTEMPTS = 3;
    public static final Duration FIRST_DELAY = Duration.ofSeconds(5);
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);
    /** Fewer would let a fumbling supervisor erase the station by mistake. */
    public static final int MIN_ERASE_AFTER = 5;

    public static final UnlockPolicy NEVER_ERASE = new UnlockPolicy(0, false);

    public UnlockPolicy {
        if (eraseAfterFailures != 0 && eraseAfterFailures < MIN_ERASE_AFTER) {
            throw new IllegalArgumentException("crypto-erase after at least " + MIN_ERASE_AFTER + " failures, or never");
        }
    }

    /** How long the next attempt must wait after {@code failures} wrong passphrases in a row. */
    public static Duration delayAfter(int failures) {
        if (failures < FREE_ATTEMPTS) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_ATTEMPTS, 20);
        Duration d = FIRST_DELAY.multipliedBy(1L << doublings);
        return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
    }

    /** Whether the {@code failures}-th wrong passphrase erases the keys, with {@code pending} records undelivered. */
    public boolean erases(int failures, long pending) {
        return eraseAfterFailures > 0 && failures >= eraseAfterFailures && (pending == 0 || eraseEvenIfPending);
    }
}
