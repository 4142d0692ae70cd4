package id.rekam.server.packets;

import java.util.List;

/** Body of {@code POST /v1/packets}: what the station is about to upload, signed. */
public record Announcement(String packetId, String kind, Long size, String sha256, String signature,
                           List<PartEntry> parts) {

    /** One entry of the packet manifest as the station announces it. */
    public record PartEntry(String name, String contentType, long length, String sha256) {
    }
}
