package id.rekam.reports;

import java.time.Instant;
import java.util.List;

/**
 * What the central server knows about a station reported stolen or lost, as the Pasal 46
 * notification needs it (UU 27/2022: which data, when and how exposed, what is being done).
 *
 * @param reason           {@code stolen} or {@code lost}
 * @param reportedAt       when the administrator reported the loss (revocation); the 3×24 hours start here
 * @param deadline         {@code reportedAt} + 72 hours
 * @param lastContactAt    last request from the station the server verified; null if never
 * @param reportedPending  records the station last said it still held undelivered; null if it never reported
 * @param unpurged         delivered records whose local copy the station never reported purged (NIK masked)
 * @param eraseIssuedAt    when a crypto-erase command was issued; null if none
 */
public record LossNotice(String stationId, String stationName, String office, String reason, String note,
                         Instant reportedAt, Instant deadline, Instant lastContactAt, Integer reportedPending,
                         Instant reportedPendingAt, List<Row> unpurged, int deliveredTotal, boolean eraseCommanded,
                         Instant eraseIssuedAt, Instant generatedAt) {

    public record Row(String packetId, Instant receivedAt, String nikMasked) {
    }

    public int mostPeopleExposed() {
        return unpurged.size() + (reportedPending == null ? 0 : reportedPending);
    }
}
