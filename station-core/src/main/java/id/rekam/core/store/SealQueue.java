package id.rekam.core.store;

import id.rekam.core.audit.AuditLog;
import id.rekam.core.crypto.PacketSeal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Seals to the server's packet key every packet still to be delivered that is not sealed yet: a
 * station that recorded before it knew its server (or before schema 10) seals its queue when it
 * learns the key. Needs the unlocked store (the content keys are sealed under the data key);
 * a body from before schema 10, sealed directly under the data key, is moved under a content key
 * of its own first. One transaction per packet, audited once per run.
 */
final class SealQueue {

    /** Packets whose local copy is still the one to deliver (no final verdict, body kept). */
    private static final String UNSEALED = "SELECT p.id, p.body, p.body_key FROM packets p JOIN outbox o "
            + "ON o.packet_id = p.id WHERE p.seal_header IS NULL AND p.body IS NOT NULL "
            + "AND o.state NOT IN ('CONFIRMED', 'PRINT_READY', 'DUPLICATE', 'REJECTED') ORDER BY o.seq";

    private SealQueue() {
    }

    static int run(Database db, PacketBodies bodies, AuditLog audit, byte[] serverPacketKey) {
        if (serverPacketKey == null) {
            return 0;
        }
        List<String> ids = db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(UNSEALED); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
        int resealed = 0;
        for (String id : ids) {
            resealed += db.inTransaction(c -> {
                byte[] body;
                byte[] bodyKey;
                try (PreparedStatement p = c.prepareStatement(
                        "SELECT body, body_key FROM packets WHERE id = ? AND seal_header IS NULL")) {
                    p.setString(1, id);
                    try (ResultSet rs = p.executeQuery()) {
                        if (!rs.next() || rs.getBytes(1) == null) {
                            return 0;
                        }
                        body = rs.getBytes(1);
                        bodyKey = rs.getBytes(2);
                    }
                }
                int moved = 0;
                if (bodyKey == null) {
                    PacketBodies.Sealed s = bodies.seal(id, bodies.open(id, body, null), serverPacketKey);
                    update(c, id, s.body(), s.bodyKey(), s.header());
                    moved = 1;
                } else {
                    update(c, id, body, bodyKey, bodies.header(id, bodyKey, serverPacketKey));
                }
                return moved;
            });
        }
        if (!ids.isEmpty()) {
            int n = resealed;
            db.inTransaction(c -> audit.append(c, "-", id.rekam.core.audit.AuditActions.QUEUE_SEALED, null,
                    Map.of("packets", ids.size(), "reencrypted", n,
                            "serverKeyId", id.rekam.core.trust.ServerKeys.grouped(PacketSeal.keyId(serverPacketKey)))));
        }
        return ids.size();
    }

    private static void update(java.sql.Connection c, String id, byte[] body, byte[] bodyKey, byte[] header)
            throws java.sql.SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE packets SET body = ?, body_key = ?, seal_header = ? WHERE id = ?")) {
            p.setBytes(1, body);
            p.setBytes(2, bodyKey);
            p.setBytes(3, header);
            p.setString(4, id);
            p.executeUpdate();
        }
    }
}
