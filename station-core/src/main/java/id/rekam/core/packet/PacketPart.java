package id.rekam.core.packet;

import java.util.Objects;

/** One named part of a packet body (demographics JSON, photo, a finger template...). */
public record PacketPart(String name, String contentType, byte[] bytes) {

    public PacketPart {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(bytes, "bytes");
        if (name.isEmpty() || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("bad part name: " + name);
        }
    }
}
