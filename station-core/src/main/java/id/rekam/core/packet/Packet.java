package id.rekam.core.packet;

import java.util.List;
import java.util.Optional;

/**
 * An immutable, self-describing unit of delivery. {@link #body()} is the exact byte
 * sequence that is hashed, signed, uploaded and stored by the server (see
 * {@code docs/packet-format.md}).
 */
public record Packet(PacketManifest manifest, List<PacketPart> parts, byte[] body, String sha256) {

    public String id() {
        return manifest.packetId();
    }

    public Optional<PacketPart> part(String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
