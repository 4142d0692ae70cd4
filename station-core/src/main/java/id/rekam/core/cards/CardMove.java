package id.rekam.core.cards;

import java.time.Instant;

/** One step of a card's chain of custody. {@code from} is null for the arrival. */
public record CardMove(long seq, String serial, CardState from, CardState to, String holder, String actor,
                       String reason, Instant at, String eventId) {
}
