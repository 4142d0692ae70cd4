package id.rekam.server.packets;

import java.util.List;

/**
 * Body of {@code POST /v1/packets}: what the station is about to upload, signed. The upload is
 * the sealed packet: {@code size} and {@code sha256} are those of the sealed bytes,
 * {@code contentSha256} the SHA-256 of the packet inside, which {@code signature} covers.
 * {@code parts} is not sent for a sealed packet (it would tell who is on the wire what is inside).
 */
public record Announcement(String packetId, String kind, Long size, String sha256, String signature,
                           List<PartEntry> parts, String contentSha256) {

    /** One entry of the packet manifest as the station announces it. */
    public record PartEntry(String name, String contentType, long length, String sha256) {
    }
}
