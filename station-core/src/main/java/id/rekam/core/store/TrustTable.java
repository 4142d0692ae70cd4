package id.rekam.core.store;

import id.rekam.core.trust.ServerKeys;
import id.rekam.core.trust.ServerTrust;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code server_trust} row: the central server's address, TLS pin and keys as provisioning
 * pinned them. Public values, readable without the passphrase (the locked sync service needs
 * them); written only by an unlocked store, audited.
 */
final class TrustTable {

    private TrustTable() {
    }

    static Optional<ServerTrust> read(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT server_url, tls_pin, signing_key, packet_key, pinned_at FROM server_trust WHERE id = 1");
             ResultSet rs = p.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            byte[] signing = rs.getBytes(3);
            byte[] packet = rs.getBytes(4);
            ServerKeys keys = signing == null || packet == null ? null : new ServerKeys(signing, packet);
            return Optional.of(new ServerTrust(URI.create(rs.getString(1)), rs.getString(2), keys,
                    Instant.ofEpochMilli(rs.getLong(5))));
        }
    }

    static void write(Connection c, ServerTrust t) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO server_trust "
                + "(id, server_url, tls_pin, signing_key, packet_key, pinned_at) VALUES (1,?,?,?,?,?) "
                + "ON CONFLICT (id) DO UPDATE SET server_url = excluded.server_url, tls_pin = excluded.tls_pin, "
                + "signing_key = excluded.signing_key, packet_key = excluded.packet_key, pinned_at = excluded.pinned_at")) {
            p.setString(1, t.server().toString());
            p.setString(2, t.tlsPin());
            p.setBytes(3, t.keys() == null ? null : t.keys().signingKey());
            p.setBytes(4, t.keys() == null ? null : t.keys().packetKey());
            p.setLong(5, t.pinnedAt().toEpochMilli());
            p.executeUpdate();
        }
    }
}
