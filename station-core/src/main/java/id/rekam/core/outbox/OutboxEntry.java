package id.rekam.core.outbox;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * The outbox view of one packet: where it is in its life and, while uploading, where the
 * resumable (tus) upload lives and how far it got. {@code reason} (why it is parked) is opened
 * from its sealed column in full: mask it with {@code Nik.maskIn} where it is shown. The
 * server's verdict, if any, is in {@code Verdicts}.
 */
public record OutboxEntry(
        String packetId,
        String kind,
        OutboxState state,
        Instant stateSince,
        String sha256,
        long bodyLength,
        URI uploadUrl,
        long uploadOffset,
        String reason,
        Instant createdAt) {

    public Optional<URI> upload() {
        return Optional.ofNullable(uploadUrl);
    }
}
