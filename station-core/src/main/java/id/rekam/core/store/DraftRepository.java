package id.rekam.core.store;

import id.rekam.core.audit.AuditActions;
import id.rekam.core.audit.AuditLog;
import id.rekam.core.crypto.Aead;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Autosaved, unfinished forms: sealed JSON under the data key, AAD = draft id + "draft". */
final class DraftRepository {

    static final String DRAFT = "draft";

    private final Database db;
    private final Aead data;
    private final AuditLog audit;
    private final Clock clock;

    DraftRepository(Database db, Aead data, AuditLog audit, Clock clock) {
        this.db = db;
        this.data = data;
        this.audit = audit;
        this.clock = clock;
    }

    void save(String draftId, String json) {
        byte[] sealed = data.encrypt(json.getBytes(StandardCharsets.UTF_8), draftId, DRAFT);
        long now = clock.millis();
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO drafts (id, sealed, updated_at) VALUES (?,?,?) "
                    + "ON CONFLICT (id) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at")) {
                p.setString(1, draftId);
                p.setBytes(2, sealed);
                p.setLong(3, now);
                return p.executeUpdate();
            }
        });
    }

    Optional<String> load(String draftId) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT sealed FROM drafts WHERE id = ?")) {
                p.setString(1, draftId);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(new String(data.decrypt(rs.getBytes(1), draftId, DRAFT),
                            StandardCharsets.UTF_8)) : Optional.empty();
                }
            }
        });
    }

    List<DraftInfo> list() {
        return db.read(c -> {
            List<DraftInfo> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, updated_at FROM drafts ORDER BY updated_at DESC")) {
                while (rs.next()) {
                    out.add(new DraftInfo(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))));
                }
            }
            return out;
        });
    }

    boolean delete(String draftId, String actor) {
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM drafts WHERE id = ?")) {
                p.setString(1, draftId);
                if (p.executeUpdate() == 0) {
                    return false;
                }
            }
            audit.append(c, actor, AuditActions.DRAFT_DELETED, draftId, Map.of());
            return true;
        });
    }
}
