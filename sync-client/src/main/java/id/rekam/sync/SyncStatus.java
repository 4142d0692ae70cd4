package id.rekam.sync;

import java.time.Instant;
import java.util.Optional;

/**
 * What the UI shows about delivery, as one immutable snapshot.
 *
 * @param waiting         queued, not yet started
 * @param uploading       upload started, not yet stored by the server
 * @param acknowledged    stored by the server, verdict pending
 * @param confirmed       accepted by the server (print-ready ones included)
 * @param printReady      accepted, and the server reports the card may be printed
 * @param duplicates      the server already holds the person
 * @param rejected        refused by the server
 * @param needsAttention  parked for a technician: packets and events the server refused
 * @param lastContact     last time the server answered as itself
 * @param nextRetry       when the next attempt is due after a failure; null when not waiting
 * @param lastFailure     human-readable reason of the last failure (station language); null when fine
 * @param running         the service loop is running
 */
public record SyncStatus(long waiting, long uploading, long acknowledged, long confirmed, long printReady,
                         long duplicates, long rejected, long needsAttention, Instant lastContact, Instant nextRetry,
                         String lastFailure, boolean running) {

    public Optional<String> failure() {
        return Optional.ofNullable(lastFailure);
    }

    /** Nothing left to send and nothing awaiting the server's verdict. */
    public boolean drained() {
        return waiting == 0 && uploading == 0 && acknowledged == 0;
    }
}
