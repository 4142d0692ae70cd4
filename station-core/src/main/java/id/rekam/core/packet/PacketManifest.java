package id.rekam.core.packet;

import java.util.List;

/** The JSON head of a packet body: what it is and the length and SHA-256 of every part. */
public record PacketManifest(
        int format,
        String packetId,
        String kind,
        String stationId,
        String createdAt,
        List<Entry> parts) {

    public record Entry(String name, String contentType, long length, String sha256) {
    }
}
