package id.rekam.core.store;

import id.rekam.core.crypto.Aead;
import id.rekam.core.crypto.PacketSeal;

import java.util.Arrays;

/**
 * How a packet body is kept: sealed once, at capture, under a content key of its own
 * ({@code packets.body}); the content key sealed under the data key ({@code body_key}) for the
 * station, and to the central server's packet key ({@code seal_header}, HPKE) for the server.
 * {@code seal_header || body} is the sealed packet the sync service uploads without holding any
 * key (packet-format.md, "Sealed packet"). Bodies stored before schema 10 are sealed directly
 * under the data key ({@code body_key} null) until {@link SealQueue} reseals them.
 */
final class PacketBodies {

    /** AAD purpose of {@code packets.body_key}. */
    static final String BODY_KEY = "body-key";

    private final Aead data;

    PacketBodies(Aead data) {
        this.data = data;
    }

    /** A body as a capture stores it; {@code header} is null while no server key is pinned. */
    record Sealed(byte[] body, byte[] bodyKey, byte[] header) {
    }

    Sealed seal(String packetId, byte[] packet, byte[] serverPacketKey) {
        byte[] contentKey = PacketSeal.newContentKey();
        try {
            byte[] body = PacketSeal.sealBody(contentKey, packetId, packet);
            byte[] bodyKey = data.encrypt(contentKey, packetId, BODY_KEY);
            byte[] header = serverPacketKey == null ? null : PacketSeal.header(packetId, contentKey, serverPacketKey);
            return new Sealed(body, bodyKey, header);
        } finally {
            Arrays.fill(contentKey, (byte) 0);
        }
    }

    /** The packet, from its stored body; {@code bodyKey} null = a body from before schema 10. */
    byte[] open(String packetId, byte[] body, byte[] bodyKey) {
        if (bodyKey == null) {
            return data.decrypt(body, packetId, SqlOutbox.BODY);
        }
        byte[] contentKey = data.decrypt(bodyKey, packetId, BODY_KEY);
        try {
            return PacketSeal.openBody(contentKey, packetId, body);
        } finally {
            Arrays.fill(contentKey, (byte) 0);
        }
    }

    /** The header handing an existing body's content key to the server (a queue sealed late). */
    byte[] header(String packetId, byte[] bodyKey, byte[] serverPacketKey) {
        byte[] contentKey = data.decrypt(bodyKey, packetId, BODY_KEY);
        try {
            return PacketSeal.header(packetId, contentKey, serverPacketKey);
        } finally {
            Arrays.fill(contentKey, (byte) 0);
        }
    }
}
