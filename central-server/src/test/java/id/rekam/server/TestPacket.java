package id.rekam.server;

import id.rekam.core.crypto.PacketSeal;
import id.rekam.core.packet.Packet;
import id.rekam.core.packet.PacketCodec;
import id.rekam.core.packet.PacketManifest;
import id.rekam.core.trust.ServerKeys;

/**
 * A packet as a station uploads it: sealed to the server's packet key (packet-format.md, "Sealed
 * packet"). {@code body} and {@code sha256} are the sealed bytes and their hash (what tus moves and
 * the server acknowledges); {@code inner} is the packet the station signed.
 */
record TestPacket(Packet inner, byte[] body, String sha256) {

    static TestPacket seal(Packet p, ServerKeys server) {
        byte[] k = PacketSeal.newContentKey();
        byte[] sealed = PacketSeal.join(PacketSeal.header(p.id(), k, server.packetKey()),
                PacketSeal.sealBody(k, p.id(), p.body()));
        return new TestPacket(p, sealed, PacketCodec.sha256Hex(sealed));
    }

    String id() {
        return inner.id();
    }

    PacketManifest manifest() {
        return inner.manifest();
    }

    String contentSha256() {
        return inner.sha256();
    }
}
