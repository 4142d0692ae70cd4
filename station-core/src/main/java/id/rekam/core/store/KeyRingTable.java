package id.rekam.core.store;

import id.rekam.core.crypto.WrappedKey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The {@code keyring} table: wrapped keys with their KDF parameters. */
final class KeyRingTable {

    private KeyRingTable() {
    }

    static List<WrappedKey> read(Connection c) throws SQLException {
        List<WrappedKey> ring = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name, kdf_salt, kdf_iterations, sealed FROM keyring")) {
            while (rs.next()) {
                ring.add(new WrappedKey(rs.getString(1), rs.getBytes(2), rs.getInt(3), rs.getBytes(4)));
            }
        }
        return ring;
    }

    static void write(Connection c, List<WrappedKey> ring) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO keyring (name, kdf_salt, kdf_iterations, sealed) "
                + "VALUES (?,?,?,?) ON CONFLICT (name) DO UPDATE SET kdf_salt = excluded.kdf_salt, "
                + "kdf_iterations = excluded.kdf_iterations, sealed = excluded.sealed")) {
            for (WrappedKey k : ring) {
                p.setString(1, k.name());
                p.setBytes(2, k.salt());
                p.setInt(3, k.iterations());
                p.setBytes(4, k.sealed());
                p.executeUpdate();
            }
        }
    }
}
