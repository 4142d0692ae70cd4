package id.rekam.core.store;

import id.rekam.core.audit.AuditActions;
import id.rekam.core.crypto.Hmac;
import org.sqlite.Function;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Seals the station's security state ({@link SealedTable}) under the state key, so that an
 * edit made to {@code station.db} without the passphrase is found and named.
 *
 * <ul>
 *   <li><b>Row seal</b> ({@code seal}): HMAC-SHA256 over the table, the row's key, its seal
 *   version and every sealed column, then a 4-byte tag per column. The MAC decides; the tags only
 *   tell which columns changed.</li>
 *   <li><b>Table sums</b> ({@code state_tables}): how many sealed rows each table has and the sum
 *   of their versions. A deleted row lowers the count; a row put back to an older sealed copy of
 *   itself lowers the sum (versions only grow, so no mix of old copies reaches the current sum).</li>
 *   <li><b>Head</b> ({@code state_head}): HMAC over the sums and the audit head (seq, hash),
 *   rewritten with every commit. Cutting the audit trail's tail therefore breaks the head too; a
 *   whole consistent older copy (a backup put back) is caught by the server's anchor instead.</li>
 * </ul>
 *
 * <p>Sealing cannot be forgotten: TEMP triggers, which exist only on the unlocked store's own
 * connection and never in the file, report every insert, update and delete of a sealed table to
 * this object, and {@link #beforeCommit} seals those rows in the same transaction. A tool that
 * writes the file directly (sqlite3, a script) has no such triggers and no key: its rows stay
 * unsealed or wrongly sealed, which is what {@link #verify} reports.
 */
final class StateSeal implements Database.CommitHook {

    static final int TAG = 4;
    private static final int MAC = 32;
    private static final byte[] ROW = ascii("rekam-state-row-v1");
    private static final byte[] FIELD = ascii("rekam-state-field-v1");
    private static final byte[] HEAD = ascii("rekam-state-head-v1");
    private static final String TOUCH = "rekam_seal_row";
    /** Rows named per table in a report; more are counted in one finding. */
    static final int NAMED_PER_TABLE = 20;

    /** What a row contributed to its table's sums before this transaction touched it. */
    private record Before(boolean counted, long version) {
        static final Before NEW = new Before(false, 0);
    }

    private record Touch(SealedTable table, String key) {
    }

    private final Hmac key;
    private final Database db;
    private final Supplier<Optional<Path>> lastBackup;
    private final Map<Touch, Before> pending = new LinkedHashMap<>();
    /** Off until the store's state is sealed (a store older than schema 10 is sealed at its first unlock). */
    private boolean active;

    StateSeal(Hmac key, Database db, Supplier<Optional<Path>> lastBackup) {
        this.key = key;
        this.db = db;
        this.lastBackup = lastBackup;
    }

    // ---------------------------------------------------------------- wiring

    /** Registers the trigger function and the TEMP triggers on the store's connection, then the commit hook. */
    void install(Connection c) throws SQLException {
        Function.create(c, TOUCH, new Function() {
            @Override
            protected void xFunc() throws SQLException {
                SealedTable t = SealedTable.named(value_text(0));
                String newKey = value_type(1) == 5 ? null : value_text(1);
                String oldKey = value_type(2) == 5 ? null : value_text(2);
                Before old = value_type(3) == 5 ? Before.NEW : new Before(true, value_long(3));
                if (oldKey != null) {
                    pending.putIfAbsent(new Touch(t, oldKey), old);
                }
                if (newKey != null) {
                    pending.putIfAbsent(new Touch(t, newKey), newKey.equals(oldKey) ? old : Before.NEW);
                }
                result();
            }
        }, 4, 0);
        try (Statement s = c.createStatement()) {
            for (SealedTable t : SealedTable.values()) {
                String name = t.table();
                String k = t.key();
                StringBuilder watched = new StringBuilder(k);
                t.columns().forEach(col -> watched.append(", ").append(col.name()));
                s.execute("CREATE TEMP TRIGGER IF NOT EXISTS rekam_seal_" + name + "_i AFTER INSERT ON main." + name
                        + " BEGIN SELECT " + TOUCH + "('" + name + "', NEW." + k + ", NULL, NULL); END");
                s.execute("CREATE TEMP TRIGGER IF NOT EXISTS rekam_seal_" + name + "_u AFTER UPDATE OF " + watched
                        + " ON main." + name + " BEGIN SELECT " + TOUCH + "('" + name + "', NEW." + k + ", OLD." + k
                        + ", OLD.seal_version); END");
                s.execute("CREATE TEMP TRIGGER IF NOT EXISTS rekam_seal_" + name + "_d AFTER DELETE ON main." + name
                        + " BEGIN SELECT " + TOUCH + "('" + name + "', NULL, OLD." + k + ", OLD.seal_version); END");
            }
        }
        db.commitHook(this);
    }

    /** Whether this store's state is sealed (always from schema 10 on, after the first unlock). */
    boolean isSealed(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1 FROM state_head")) {
            return rs.next();
        }
    }

    /** Once the state is known to be sealed (and was verified), commits keep it sealed. */
    void activate() {
        active = true;
    }

    /**
     * Seals every row as it stands, in the caller's transaction: at creation, and at the first
     * unlock after the upgrade to schema 10 (whatever was changed before then cannot be told
     * apart any more; the audit trail says when sealing began).
     *
     * @return rows sealed
     */
    int sealAll(Connection c) throws SQLException {
        int total = sealTables(c, List.of(SealedTable.values()));
        active = true;
        return total;
    }

    /**
     * Tables this store has not sealed yet although {@link SealedTable} lists them: keyed by a later
     * release than the one that sealed the store. They have no sums, and the head does not cover
     * them (it covers exactly the tables with sums), so removing a keyed table's sums to pass it
     * off as new breaks the head.
     */
    List<SealedTable> unkeyed(Connection c) throws SQLException {
        Map<String, long[]> sums = sums(c);
        return Arrays.stream(SealedTable.values()).filter(t -> !sums.containsKey(t.table())).toList();
    }

    /**
     * Seals {@code tables} as they stand and rewrites the head over them, in the caller's
     * transaction: every table at creation and at the first unlock of a store from before schema 12;
     * a table keyed by a later release ({@link #unkeyed}) at the first unlock that knows it.
     *
     * @return rows sealed
     */
    int sealTables(Connection c, List<SealedTable> tables) throws SQLException {
        int total = 0;
        for (SealedTable t : tables) {
            long rows = 0;
            List<Object[]> all = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(t.selectSql()); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    all.add(values(rs, t));
                }
            }
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE " + t.table() + " SET seal_version = 1, seal = ? WHERE " + t.key() + " = ?")) {
                for (Object[] row : all) {
                    String k = String.valueOf(row[0]);
                    p.setBytes(1, seal(t, k, 1, row));
                    p.setString(2, k);
                    p.executeUpdate();
                    rows++;
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO state_tables (name, rows, versions) VALUES (?,?,?) "
                    + "ON CONFLICT (name) DO UPDATE SET rows = excluded.rows, versions = excluded.versions")) {
                p.setString(1, t.table());
                p.setLong(2, rows);
                p.setLong(3, rows);
                p.executeUpdate();
            }
            total += (int) rows;
        }
        pending.clear();
        writeHead(c);
        return total;
    }

    // ---------------------------------------------------------------- every commit

    @Override
    public void beforeCommit(Connection c) throws SQLException {
        if (!active) {
            pending.clear();
            return;
        }
        Map<SealedTable, long[]> sums = new EnumMap<>(SealedTable.class);
        for (Map.Entry<Touch, Before> e : pending.entrySet()) {
            SealedTable t = e.getKey().table();
            String k = e.getKey().key();
            Before before = e.getValue();
            long[] d = sums.computeIfAbsent(t, x -> new long[2]);
            Object[] row = read(c, t, k);
            if (before.counted()) {
                d[0]--;
                d[1] -= before.version();
            }
            if (row != null) {
                long version = before.version() + 1;
                PreparedStatement p = db.cached("UPDATE " + t.table() + " SET seal_version = ?, seal = ? WHERE "
                        + t.key() + " = ?");
                p.setLong(1, version);
                p.setBytes(2, seal(t, k, version, row));
                p.setString(3, k);
                p.executeUpdate();
                d[0]++;
                d[1] += version;
            }
        }
        pending.clear();
        for (Map.Entry<SealedTable, long[]> e : sums.entrySet()) {
            PreparedStatement p = db.cached("UPDATE state_tables SET rows = rows + ?, versions = versions + ? WHERE name = ?");
            p.setLong(1, e.getValue()[0]);
            p.setLong(2, e.getValue()[1]);
            p.setString(3, e.getKey().table());
            p.executeUpdate();
        }
        writeHead(c);
    }

    @Override
    public void afterRollback() {
        pending.clear();
    }

    private Object[] read(Connection c, SealedTable t, String k) throws SQLException {
        PreparedStatement p = db.cached(t.selectSql() + " WHERE " + t.key() + " = ?");
        p.setString(1, k);
        try (ResultSet rs = p.executeQuery()) {
            return rs.next() ? values(rs, t) : null;
        }
    }

    /** Key, then each sealed column's value (seal_version and seal are skipped). */
    private static Object[] values(ResultSet rs, SealedTable t) throws SQLException {
        Object[] out = new Object[1 + t.columns().size()];
        out[0] = rs.getString(1);
        for (int i = 0; i < t.columns().size(); i++) {
            out[1 + i] = rs.getObject(4 + i);
        }
        return out;
    }

    private void writeHead(Connection c) throws SQLException {
        long seq = 0;
        byte[] hash = new byte[32];
        try (ResultSet rs = db.cached("SELECT seq, hash FROM audit_head WHERE id = 1").executeQuery()) {
            if (rs.next()) {
                seq = rs.getLong(1);
                hash = rs.getBytes(2);
            }
        }
        PreparedStatement p = db.cached("INSERT INTO state_head (id, audit_seq, mac) VALUES (1, ?, ?) "
                + "ON CONFLICT (id) DO UPDATE SET audit_seq = excluded.audit_seq, mac = excluded.mac");
        p.setLong(1, seq);
        p.setBytes(2, headMac(seq, hash, sums(c)));
        p.executeUpdate();
    }

    private Map<String, long[]> sums(Connection c) throws SQLException {
        Map<String, long[]> out = new LinkedHashMap<>();
        try (ResultSet rs = db.cached("SELECT name, rows, versions FROM state_tables").executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
            }
        }
        return out;
    }

    private byte[] headMac(long auditSeq, byte[] auditHash, Map<String, long[]> sums) {
        List<byte[]> parts = new ArrayList<>();
        parts.add(HEAD);
        parts.add(longBytes(auditSeq));
        parts.add(field(auditHash));
        for (SealedTable t : SealedTable.values()) {
            // Only tables this store has sealed: one keyed by a later release joins at its first unlock.
            long[] s = sums.get(t.table());
            if (s == null) {
                continue;
            }
            parts.add(field(ascii(t.table())));
            parts.add(longBytes(s[0]));
            parts.add(longBytes(s[1]));
        }
        return key.mac(parts.toArray(new byte[0][]));
    }

    // ---------------------------------------------------------------- seals

    /** {@code MAC(32) ‖ tag(4) per column}. */
    private byte[] seal(SealedTable t, String k, long version, Object[] row) {
        byte[] tableName = field(ascii(t.table()));
        byte[] rowKey = field(k.getBytes(StandardCharsets.UTF_8));
        ByteBuffer out = ByteBuffer.allocate(MAC + TAG * t.columns().size());
        out.put(rowMac(tableName, rowKey, version, row));
        for (int i = 0; i < t.columns().size(); i++) {
            out.put(tag(tableName, rowKey, t.columns().get(i).name(), row[1 + i]));
        }
        return out.array();
    }

    private byte[] rowMac(byte[] tableName, byte[] rowKey, long version, Object[] row) {
        byte[][] parts = new byte[4 + row.length - 1][];
        parts[0] = ROW;
        parts[1] = tableName;
        parts[2] = rowKey;
        parts[3] = longBytes(version);
        for (int i = 1; i < row.length; i++) {
            parts[3 + i] = encode(row[i]);
        }
        return key.mac(parts);
    }

    private byte[] tag(byte[] tableName, byte[] rowKey, String column, Object value) {
        return Arrays.copyOf(key.mac(FIELD, tableName, rowKey, field(ascii(column)), encode(value)), TAG);
    }

    // ---------------------------------------------------------------- checks

    /**
     * Every finding in the sealed tables, their sums and the head; empty when the state is as the
     * station sealed it. Reads every sealed row once (one HMAC each).
     */
    List<StateFinding> verify(Connection c) throws SQLException {
        List<StateFinding> out = new ArrayList<>();
        if (!isSealed(c)) {
            if (auditSays(c, AuditActions.STATE_SEALED)) {
                out.add(new StateFinding(StateFinding.Kind.SEAL_REMOVED, "state_head", null, null, ""));
            }
            return out;
        }
        Map<String, long[]> sealedSums = sums(c);
        for (SealedTable t : SealedTable.values()) {
            // A table without sums is not sealed yet (keyed by a later release, see unkeyed): the
            // head, which covers exactly the tables with sums, tells whether its sums were removed.
            if (sealedSums.containsKey(t.table())) {
                verifyTable(c, t, sealedSums.get(t.table()), out);
            }
        }
        long headSeq;
        byte[] headMac;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT audit_seq, mac FROM state_head")) {
            rs.next();
            headSeq = rs.getLong(1);
            headMac = rs.getBytes(2);
        }
        long auditSeq = 0;
        byte[] auditHash = new byte[32];
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT seq, hash FROM audit_head")) {
            if (rs.next()) {
                auditSeq = rs.getLong(1);
                auditHash = rs.getBytes(2);
            }
        }
        if (!MessageDigest.isEqual(headMac, headMac(auditSeq, auditHash, sealedSums))) {
            out.add(headSeq > auditSeq
                    ? new StateFinding(StateFinding.Kind.AUDIT_CUT, "audit_log", Long.toString(auditSeq), null,
                            Long.toString(headSeq))
                    : new StateFinding(StateFinding.Kind.SUMMARY_EDITED, "state_head", null, null, ""));
        }
        return out;
    }

    private void verifyTable(Connection c, SealedTable t, long[] sealed, List<StateFinding> out) throws SQLException {
        long rows = 0;
        long versions = 0;
        int named = 0;
        int unnamed = 0;
        byte[] tableName = field(ascii(t.table()));
        try (PreparedStatement p = c.prepareStatement(t.selectSql()); ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                Object[] row = values(rs, t);
                long version = rs.getLong(2);
                boolean hasVersion = !rs.wasNull();
                byte[] seal = rs.getBytes(3);
                StateFinding f = null;
                if (!hasVersion || seal == null || seal.length != MAC + TAG * t.columns().size()) {
                    f = new StateFinding(StateFinding.Kind.UNSEALED_ROW, t.table(), (String) row[0], null, "");
                } else {
                    byte[] rowKey = field(((String) row[0]).getBytes(StandardCharsets.UTF_8));
                    if (!MessageDigest.isEqual(Arrays.copyOf(seal, MAC), rowMac(tableName, rowKey, version, row))) {
                        f = new StateFinding(StateFinding.Kind.EDITED_ROW, t.table(), (String) row[0],
                                changedColumns(t, tableName, rowKey, row, seal), "");
                    }
                }
                if (hasVersion) {
                    rows++;
                    versions += version;
                }
                if (f != null) {
                    if (named++ < NAMED_PER_TABLE) {
                        out.add(f);
                    } else {
                        unnamed++;
                    }
                }
            }
        }
        if (unnamed > 0) {
            out.add(new StateFinding(StateFinding.Kind.EDITED_ROW, t.table(), null, null, "+" + unnamed));
        }
        if (sealed == null) {
            out.add(new StateFinding(StateFinding.Kind.SUMMARY_EDITED, "state_tables", t.table(), null, ""));
        } else if (rows < sealed[0]) {
            out.add(new StateFinding(StateFinding.Kind.ROWS_MISSING, t.table(), null, null,
                    Long.toString(sealed[0] - rows)));
        } else if (rows > sealed[0]) {
            out.add(new StateFinding(StateFinding.Kind.EXTRA_ROWS, t.table(), null, null,
                    Long.toString(rows - sealed[0])));
        } else if (versions < sealed[1]) {
            out.add(new StateFinding(StateFinding.Kind.ROLLED_BACK, t.table(), null, null,
                    Long.toString(sealed[1] - versions)));
        } else if (versions > sealed[1] && named == 0) {
            out.add(new StateFinding(StateFinding.Kind.SUMMARY_EDITED, "state_tables", t.table(), null, ""));
        }
    }

    /** Columns whose tag no longer matches; every column when the row was copied under another key. */
    private List<String> changedColumns(SealedTable t, byte[] tableName, byte[] rowKey, Object[] row, byte[] seal) {
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < t.columns().size(); i++) {
            byte[] stored = Arrays.copyOfRange(seal, MAC + TAG * i, MAC + TAG * (i + 1));
            if (!MessageDigest.isEqual(stored, tag(tableName, rowKey, t.columns().get(i).name(), row[1 + i]))) {
                changed.add(t.columns().get(i).name());
            }
        }
        if (changed.isEmpty()) {
            changed.add("seal_version");
        }
        return changed;
    }

    /**
     * Before acting on a row (logging an account in, approving or delivering a packet, moving a
     * card): refuses one that was changed without the passphrase while the store was open. Rows
     * this transaction wrote itself are sealed at its commit and pass.
     *
     * @throws TamperedStoreException naming the row
     */
    void requireIntact(Connection c, SealedTable t, String k) throws SQLException {
        if (!active || pending.containsKey(new Touch(t, k))) {
            return;
        }
        PreparedStatement p = db.cached(t.selectSql() + " WHERE " + t.key() + " = ?");
        p.setString(1, k);
        Object[] row;
        long version;
        boolean hasVersion;
        byte[] seal;
        try (ResultSet rs = p.executeQuery()) {
            if (!rs.next()) {
                return;
            }
            row = values(rs, t);
            version = rs.getLong(2);
            hasVersion = !rs.wasNull();
            seal = rs.getBytes(3);
        }
        byte[] tableName = field(ascii(t.table()));
        byte[] rowKey = field(k.getBytes(StandardCharsets.UTF_8));
        StateFinding f;
        if (!hasVersion || seal == null || seal.length != MAC + TAG * t.columns().size()) {
            f = new StateFinding(StateFinding.Kind.UNSEALED_ROW, t.table(), k, null, "");
        } else if (!MessageDigest.isEqual(Arrays.copyOf(seal, MAC), rowMac(tableName, rowKey, version, row))) {
            f = new StateFinding(StateFinding.Kind.EDITED_ROW, t.table(), k,
                    changedColumns(t, tableName, rowKey, row, seal), "");
        } else {
            return;
        }
        throw new TamperedStoreException(db.file(), lastBackup.get(), List.of(f));
    }

    /**
     * The whole of one small table against its seal (every row, its count and version sum, and
     * the head over the sums): for decisions that depend on what is absent, such as "no supervisor
     * exists yet", which deleting rows would otherwise fake. Call it before the transaction writes
     * to that table.
     *
     * @throws TamperedStoreException naming what was found
     */
    void requireTableIntact(Connection c, SealedTable t) throws SQLException {
        if (!active) {
            return;
        }
        List<StateFinding> found = new ArrayList<>();
        Map<String, long[]> sums = sums(c);
        verifyTable(c, t, sums.get(t.table()), found);
        // The head as last committed: over the sums and the audit entry it was made at, which
        // later appends of this transaction leave in place (a cut trail does not).
        long headSeq = -1;
        byte[] headMac = null;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT audit_seq, mac FROM state_head")) {
            if (rs.next()) {
                headSeq = rs.getLong(1);
                headMac = rs.getBytes(2);
            }
        }
        byte[] hash = headSeq == 0 ? new byte[32] : null;
        try (PreparedStatement p = c.prepareStatement("SELECT hash FROM audit_log WHERE seq = ?")) {
            p.setLong(1, headSeq);
            try (ResultSet rs = p.executeQuery()) {
                if (rs.next()) {
                    hash = rs.getBytes(1);
                }
            }
        }
        if (headMac == null || hash == null || !MessageDigest.isEqual(headMac, headMac(headSeq, hash, sums))) {
            found.add(new StateFinding(StateFinding.Kind.SUMMARY_EDITED, "state_head", null, null, ""));
        }
        if (!found.isEmpty()) {
            throw new TamperedStoreException(db.file(), lastBackup.get(), found);
        }
    }

    private static boolean auditSays(Connection c, String action) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM audit_log WHERE action = ? LIMIT 1")) {
            p.setString(1, action);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    // ---------------------------------------------------------------- encoding

    /** Type-tagged, length-prefixed: a value stored as another SQLite type never encodes the same. */
    static byte[] encode(Object v) {
        if (v == null) {
            return new byte[] {0};
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ByteBuffer.allocate(9).put((byte) 1).putLong(((Number) v).longValue()).array();
        }
        if (v instanceof Boolean b) {
            return ByteBuffer.allocate(9).put((byte) 1).putLong(b ? 1 : 0).array();
        }
        if (v instanceof Double || v instanceof Float) {
            return ByteBuffer.allocate(9).put((byte) 2).putLong(Double.doubleToLongBits(((Number) v).doubleValue()))
                    .array();
        }
        if (v instanceof byte[] b) {
            return ByteBuffer.allocate(5 + b.length).put((byte) 4).putInt(b.length).put(b).array();
        }
        byte[] s = v.toString().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(5 + s.length).put((byte) 3).putInt(s.length).put(s).array();
    }

    private static byte[] field(byte[] b) {
        return ByteBuffer.allocate(4 + b.length).putInt(b.length).put(b).array();
    }

    private static byte[] longBytes(long v) {
        return ByteBuffer.allocate(8).putLong(v).array();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
