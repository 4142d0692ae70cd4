package id.rekam.server.relay;

import id.rekam.core.packet.PacketCodec;
import id.rekam.core.crypto.PacketSeal;
import id.rekam.server.http.ApiException;
import id.rekam.server.packets.Announcement;
import id.rekam.server.packets.PacketRecord;
import id.rekam.server.packets.PacketService;
import id.rekam.server.packets.PacketState;
import id.rekam.server.stations.Station;

import java.util.Arrays;

/**
 * Takes a whole sealed packet that reached the server by another road than the origin's own
 * upload (a bundle import, a team member's relay) through the same acceptance path: announce
 * under the ORIGIN station (its key must have signed the packet; same id + same hash = the same
 * packet), then append from the server's current offset, then the usual completion and dedup.
 * However many roads deliver it, the packet is stored once.
 */
public final class PacketIngest {

    private final PacketService packets;

    public PacketIngest(PacketService packets) {
        this.packets = packets;
    }

    /** @param stored true when this call stored the body; false when the server already held it */
    public record Outcome(PacketRecord packet, boolean stored) {
    }

    /**
     * The announcement a sealed packet makes for itself, as the origin's upload would: its
     * SHA-256 must be the one the origin's signed manifest names. What is inside (and the origin's
     * signature over {@code contentSha256}) only the server can check, when it opens the packet at
     * completion.
     *
     * @throws ApiException 422 {@code packet-mismatch} otherwise, or when the bytes are not a sealed packet
     */
    public Announcement announcement(String packetId, String kind, String sha256, String signature,
                                     String contentSha256, byte[] sealed) {
        String actual = PacketCodec.sha256Hex(sealed);
        if (!actual.equals(sha256)) {
            throw new ApiException(422, "packet-mismatch", "packet " + packetId + " has SHA-256 " + actual
                    + ", its manifest says " + sha256);
        }
        if (!PacketSeal.isSealed(sealed) || contentSha256 == null) {
            throw new ApiException(422, "packet-mismatch", "packet " + packetId + " is not sealed to this server");
        }
        return new Announcement(packetId, kind, (long) sealed.length, sha256, signature, null, contentSha256);
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
