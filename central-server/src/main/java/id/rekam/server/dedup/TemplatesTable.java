package id.rekam.server.dedup;

import id.rekam.core.domain.FingerPosition;
import id.rekam.core.identification.KeysetPages;
import id.rekam.identification.TemplateSource;
import id.rekam.server.store.Database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.AbstractMap;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The {@code templates} table (accepted records' templates by ISO finger position) as the
 * identification engine reads it: one short-listed packet's templates, every accepted packet
 * page by page at start, and the rows added since a point (its rowid), whichever process wrote
 * them (the server or {@code import-bundle}).
 */
final class TemplatesTable implements TemplateSource {

    private final Database db;

    TemplatesTable(Database db) {
        this.db = db;
    }

    @Override
    public Map<FingerPosition, byte[]> templates(String packetId) {
        Map<FingerPosition, byte[]> out = new EnumMap<>(FingerPosition.class);
        db.query("SELECT position, template FROM templates WHERE packet_id=?",
                        rs -> Map.entry(rs.getInt(1), rs.getBytes(2)), packetId)
                .forEach(e -> FingerPosition.ofIsoCode(e.getKey()).ifPresent(p -> out.put(p, e.getValue())));
        return out;
    }

    /** The newest row's id: everything up to it is what an index fed from here has seen. */
    long watermark() {
        return db.queryOne("SELECT coalesce(max(rowid), 0) FROM templates", rs -> rs.getLong(1)).orElse(0L);
    }

    static long watermark(Connection c) throws SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery("SELECT coalesce(max(rowid), 0) FROM templates")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Packets with rows after {@code from} up to {@code to} (rowids), each once. */
    List<String> packetsAddedBetween(long from, long to) {
        return db.query("SELECT DISTINCT packet_id FROM templates WHERE rowid > ? AND rowid <= ?",
                rs -> rs.getString(1), from, to);
    }

    /** Every accepted (or print-ready) packet with its templates, {@code page} packets at a time. */
    Iterator<Map.Entry<String, Map<FingerPosition, byte[]>>> accepted(int page) {
        return new KeysetPages<String, Map.Entry<String, Map<FingerPosition, byte[]>>>(
                (after, limit) -> db.query("SELECT packet_id FROM packets WHERE state IN ('accepted','print-ready') "
                        + "AND packet_id > ? ORDER BY packet_id LIMIT ?", rs -> rs.getString(1), after, limit),
                id -> id, id -> new AbstractMap.SimpleImmutableEntry<>(id, templates(id)), page);
    }

    /** Adds an accepted record's templates (inside the caller's transaction). */
    static void store(Connection c, String packetId, Map<Integer, byte[]> templates) throws SQLException {
        for (Map.Entry<Integer, byte[]> t : templates.entrySet()) {
            Database.update(c, "INSERT OR REPLACE INTO templates(packet_id, position, template) VALUES (?,?,?)",
                    packetId, t.getKey(), t.getValue());
        }
    }
}
