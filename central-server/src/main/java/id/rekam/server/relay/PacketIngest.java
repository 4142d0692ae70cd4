package id.rekam.server.relay;

import id.rekam.core.packet.PacketCodec;
import id.rekam.core.packet.PacketFormatException;
import id.rekam.core.packet.PacketManifest;
import id.rekam.server.http.ApiException;
import id.rekam.server.packets.Announcement;
import id.rekam.server.packets.PacketRecord;
import id.rekam.server.packets.PacketService;
import id.rekam.server.packets.PacketState;
import id.rekam.server.stations.Station;

import java.util.Arrays;

/**
 * Takes a whole packet body that reached the server by another road than the origin's own
 * upload (a bundle import, a team member's relay) through the same acceptance path: announce
 * under the ORIGIN station (its key must have signed the packet; same id + same hash = the same
 * packet), then append from the server's current offset, then the usual completion and dedup.
 * However many roads deliver it, the packet is stored once.
 */
public final class PacketIngest {

    private final PacketService packets;
    private final PacketCodec codec = new PacketCodec();

    public PacketIngest(PacketService packets) {
        this.packets = packets;
    }

    /** @param stored true when this call stored the body; false when the server already held it */
    public record Outcome(PacketRecord packet, boolean stored) {
    }

    /**
     * The announcement a packet body makes for itself, after checking the body is what the
     * station signed: its SHA-256 equals {@code sha256} and it decodes to the same packet id.
     *
     * @throws ApiException 422 {@code packet-mismatch} otherwise
     */
    public Announcement announcement(String packetId, String kind, String sha256, String signature, byte[] body) {
        String actual = PacketCodec.sha256Hex(body);
        if (!actual.equals(sha256)) {
            throw new ApiException(422, "packet-mismatch", "packet " + packetId + " has SHA-256 " + actual
                    + ", its signature is over " + sha256);
        }
        PacketManifest pm;
        try {
            pm = codec.decode(body).manifest();
        } catch (PacketFormatException e) {
            throw new ApiException(422, "packet-mismatch", "packet " + packetId + " does not decode: "
                    + e.getMessage());
        }
        if (!pm.packetId().equals(packetId)) {
            throw new ApiException(422, "packet-mismatch", "body of " + packetId + " holds packet " + pm.packetId());
        }
        return new Announcement(packetId, kind, (long) body.length, sha256, signature,
                pm.parts().stream().map(e -> new Announcement.PartEntry(e.name(), e.contentType(), e.length(),
                        e.sha256())).toList());
    }

    /** Announces under {@code origin} (signature checked with its key) and stores what the server lacks. */
    public Outcome ingest(Station origin, Announcement a, byte[] body) {
        PacketRecord p = packets.announce(origin, a).packet();
        if (p.state() != PacketState.AWAITING_UPLOAD) {
            return new Outcome(p, false);
        }
        long from = p.effectiveOffset();
        byte[] rest = Arrays.copyOfRange(body, (int) from, body.length);
        return new Outcome(packets.append(p, from, rest, PacketCodec.sha256(rest)), true);
    }
}
