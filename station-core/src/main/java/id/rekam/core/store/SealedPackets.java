package id.rekam.core.store;

import id.rekam.core.crypto.PacketSeal;
import id.rekam.core.outbox.SealedPacket;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads a sealed packet from clear columns: works on a locked store as on an unlocked one. */
final class SealedPackets {

    private SealedPackets() {
    }

    /**
     * @throws StoreException          no such packet, or not sealed yet (the station has not learned the server's key)
     * @throws PayloadPurgedException  the body was purged after confirmation
     */
    static SealedPacket read(Connection c, String packetId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT kind, sha256, signature, body, seal_header FROM packets WHERE id = ?")) {
            p.setString(1, packetId);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException("store.notFound", packetId);
                }
                byte[] body = rs.getBytes(4);
                if (body == null) {
                    throw new PayloadPurgedException(packetId);
                }
                byte[] header = rs.getBytes(5);
                if (header == null) {
                    throw new StoreException("store.notSealed", packetId);
                }
                return new SealedPacket(packetId, rs.getString(1), PacketSeal.join(header, body), rs.getString(2),
                        rs.getBytes(3));
            }
        }
    }
}
