package id.rekam.core.cases;

import id.rekam.core.store.StoreTransaction;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL of the case tables, inside the caller's transaction; sealing is the caller's. */
final class CaseRows {

    private CaseRows() {
    }

    /** One {@code cases} row, sealed columns still sealed. */
    record Row(String id, String pairKey, CaseSource source, String reason, String serverCaseId, String villageCode,
               CaseState state, Instant openedAt, Instant stateSince, Instant deadline, byte[] data, byte[] summary,
               Outcome outcome, byte[] prepared, String preparedBy, Instant preparedAt, String closedBy,
               Instant closedAt, String eventId, String serverStatus, String serverCode, Instant serverAt) {
    }

    static final String COLUMNS = "id, pair_key, source, reason, server_case_id, village_code, state, opened_at, "
            + "state_since, deadline, data, summary, outcome, prepared, prepared_by, prepared_at, closed_by, closed_at, "
            + "event_id, server_status, server_code, server_at";

    static String pairKey(String a, String b) {
        return RecordPair.key(a, b);
    }

    static void insert(StoreTransaction tx, Row r, String first, String second) throws SQLException {
        try (PreparedStatement p = tx.connection().prepareStatement("INSERT INTO cases (id, pair_key, source, reason, "
                + "server_case_id, village_code, state, opened_at, state_since, deadline, data, summary) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            p.setString(1, r.id());
            p.setString(2, r.pairKey());
            p.setString(3, r.source().name());
            p.setString(4, r.reason());
            p.setString(5, r.serverCaseId());
            p.setString(6, r.villageCode());
            p.setString(7, r.state().name());
            p.setLong(8, r.openedAt().toEpochMilli());
            p.setLong(9, r.stateSince().toEpochMilli());
            p.setLong(10, r.deadline().toEpochMilli());
            p.setBytes(11, r.data());
            p.setBytes(12, r.summary());
            p.executeUpdate();
        }
        for (String record : List.of(first, second)) {
            update(tx, "INSERT INTO case_records (case_id, record_id) VALUES (?,?)", r.id(), record);
        }
    }

    static Optional<Row> load(StoreTransaction tx, String id) throws SQLException {
        List<Row> rows = select(tx, "WHERE id = ?", id);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    static Row require(StoreTransaction tx, String id) throws SQLException {
        return load(tx, id).orElseThrow(() -> new CaseException("case.unknown", id));
    }

    static Optional<Row> byPair(StoreTransaction tx, String pairKey) throws SQLException {
        List<Row> rows = select(tx, "WHERE pair_key = ?", pairKey);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    static List<Row> select(StoreTransaction tx, String where, Object... args) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement p = tx.connection().prepareStatement("SELECT " + COLUMNS + " FROM cases " + where)) {
            bind(p, args);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
        }
        return out;
    }

    private static Row row(ResultSet rs) throws SQLException {
        String outcome = rs.getString(13);
        return new Row(rs.getString(1), rs.getString(2), CaseSource.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getString(6), CaseState.valueOf(rs.getString(7)), instant(rs, 8), instant(rs, 9),
                instant(rs, 10), rs.getBytes(11), rs.getBytes(12), outcome == null ? null : Outcome.valueOf(outcome),
                rs.getBytes(14), rs.getString(15), instant(rs, 16), rs.getString(17), instant(rs, 18), rs.getString(19),
                rs.getString(20), rs.getString(21), instant(rs, 22));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    /** Moves a case from {@code from} to {@code to}; fails when someone else moved it first. */
    static void move(StoreTransaction tx, Row r, CaseState to, Instant deadline) throws SQLException {
        if (!r.state().canMoveTo(to)) {
            throw new CaseException("case.wrongState", r.id(), r.state());
        }
        int n = update(tx, "UPDATE cases SET state = ?, state_since = ?, deadline = ? WHERE id = ? AND state = ?",
                to.name(), tx.clock().millis(), deadline.toEpochMilli(), r.id(), r.state().name());
        if (n != 1) {
            throw new CaseException("case.wrongState", r.id(), r.state());
        }
    }

    static int update(StoreTransaction tx, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = tx.connection().prepareStatement(sql)) {
            bind(p, args);
            return p.executeUpdate();
        }
    }

    private static void bind(PreparedStatement p, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) {
                p.setNull(i + 1, Types.NULL);
            } else if (args[i] instanceof byte[] b) {
                p.setBytes(i + 1, b);
            } else {
                p.setObject(i + 1, args[i]);
            }
        }
    }

    /** Appends to the case's history and to the audit trail (ids, states and codes only: the detail is sealed). */
    static void history(StoreTransaction tx, String caseId, String actor, CaseAction action, String detail,
                        Map<String, ?> audit) throws SQLException {
        long seq;
        try (PreparedStatement p = tx.connection().prepareStatement("SELECT coalesce(max(seq), 0) + 1 FROM case_history");
             ResultSet rs = p.executeQuery()) {
            rs.next();
            seq = rs.getLong(1);
        }
        update(tx, "INSERT INTO case_history (seq, case_id, at, actor, action, detail) VALUES (?,?,?,?,?,?)", seq,
                caseId, tx.clock().millis(), actor, action.name(),
                CaseSeals.sealText(tx, detail, caseId + "#" + seq, CaseSeals.HISTORY));
        Map<String, Object> details = new LinkedHashMap<>(audit);
        tx.audit(actor, action.auditAction(), caseId, details);
    }

    static List<HistoryEntry> history(StoreTransaction tx, String caseId) throws SQLException {
        List<HistoryEntry> out = new ArrayList<>();
        try (PreparedStatement p = tx.connection().prepareStatement(
                "SELECT seq, at, actor, action, detail FROM case_history WHERE case_id = ? ORDER BY seq")) {
            p.setString(1, caseId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new HistoryEntry(Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                            CaseAction.valueOf(rs.getString(4)),
                            CaseSeals.openText(tx, rs.getBytes(5), caseId + "#" + rs.getLong(1), CaseSeals.HISTORY)));
                }
            }
        }
        return out;
    }

    static boolean sourceKnown(StoreTransaction tx, String sourceKey) throws SQLException {
        try (PreparedStatement p = tx.connection().prepareStatement("SELECT 1 FROM case_sources WHERE source_key = ?")) {
            p.setString(1, sourceKey);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    static Optional<String> caseOfSource(StoreTransaction tx, String sourceKey) throws SQLException {
        try (PreparedStatement p = tx.connection().prepareStatement(
                "SELECT case_id FROM case_sources WHERE source_key = ?")) {
            p.setString(1, sourceKey);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    static void source(StoreTransaction tx, String sourceKey, String caseId) throws SQLException {
        update(tx, "INSERT INTO case_sources (source_key, case_id, at) VALUES (?,?,?)", sourceKey, caseId,
                tx.clock().millis());
    }
}
