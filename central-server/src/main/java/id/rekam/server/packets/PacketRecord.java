package id.rekam.server.packets;

import java.time.Instant;

/**
 * One row of the packets table: what was announced, how far the upload got, what was decided.
 * {@code sha256} is the hash of the uploaded (sealed) bytes; {@code contentSha256} the hash of the
 * packet inside, which the station signed; {@code purgeConfirmedAt} when the station reported
 * that it purged its copy.
 */
public record PacketRecord(
        String packetId,
        String stationId,
        String kind,
        long size,
        String sha256,
        String signature,
        String partsJson,
        PacketState state,
        String uploadId,
        long uploadOffset,
        String reasonCode,
        String reasonMessage,
        String nik,
        String verdictJson,
        Instant announcedAt,
        Instant receivedAt,
        Instant decidedAt,
        Instant printReadyAt,
        String contentSha256,
        Instant purgeConfirmedAt) {

    public String uploadPath() {
        return "/v1/uploads/" + uploadId;
    }

    /** The offset the upload is at; a finished upload is at its full length. */
    public long effectiveOffset() {
        return state == PacketState.AWAITING_UPLOAD ? uploadOffset : size;
    }
}
