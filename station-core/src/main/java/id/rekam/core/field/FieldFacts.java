package id.rekam.core.field;

import java.time.Instant;
import java.util.Optional;

/**
 * What the store knows about a station's delivery backlog at one moment, nothing personal.
 *
 * @param lastDelivery      latest time the server took or decided one of this station's
 *                          packets; null when it never did
 * @param pending           records the server does not hold yet (captured, approved, queued,
 *                          uploading, exported, parked)
 * @param oldestPending     capture time of the oldest of them; null when none
 * @param withoutSafetyCopy pending records on no safety bundle yet
 * @param bytesToday        packet bytes committed today (office time zone): today's pace
 * @param bytesPerActiveDay mean packet bytes of the last seven days that had captures; 0 when none
 * @param usableBytes       free disk space for the data directory
 */
public record FieldFacts(Instant now, Instant lastDelivery, long pending, Instant oldestPending,
                         long withoutSafetyCopy, long recordsToday, long bytesToday, long bytesPerActiveDay,
                         long usableBytes) {

    public Optional<Instant> lastDeliveryAt() {
        return Optional.ofNullable(lastDelivery);
    }

    public Optional<Instant> oldestPendingAt() {
        return Optional.ofNullable(oldestPending);
    }
}
