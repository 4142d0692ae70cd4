package id.rekam.core.store;

import java.util.List;

/**
 * The tables whose rows carry a state seal ({@link StateSeal}): what the station trusts when it
 * decides who may do what and which record goes where. Each names its key column and the
 * columns the seal covers; a column may be sealed through an expression (a packet's body is
 * sealed as "present or purged", not byte by byte: its bytes are authenticated by AES-GCM).
 *
 * <p>Not sealed, on purpose: upload progress ({@code outbox.upload_url}, {@code upload_offset};
 * the server checks offsets and checksums, a wrong one costs a re-upload), sealed personal data
 * columns other than those listed (AES-GCM binds them to their row), and append-only logs that
 * have their own protection (the audit chain). Nor {@code station_commands}: the locked sync
 * service and a failed unlock write it before any key exists, and each row is the server's signed
 * word (or the station's own erase).
 *
 * <p>A table added here after stores were sealed is sealed as found at the first unlock that
 * knows it ({@link StateSeal#unkeyed}): the head then covers it from that commit on.
 */
enum SealedTable {

    STATION("station", "id", col("station_id"), col("public_key"), col("created_at")),
    OPERATORS("operators", "username", col("role"), col("password_salt"), col("password_iter"),
            col("password_hash"), col("failed_attempts"), col("locked_until"), col("created_at"), col("disabled")),
    RECORDS("records", "id", col("nik_bidx"), col("summary"), col("operator_id"), col("captured_at"),
            col("committed_at")),
    PACKETS("packets", "id", col("record_id"), col("kind"), col("sha256"), col("signature"), col("body_length"),
            col("created_at"), new Column("body", "body IS NOT NULL"), new Column("templates", "templates IS NOT NULL"),
            col("purged_at")),
    OUTBOX("outbox", "packet_id", col("state"), col("state_since"), col("approved_by"), col("reason")),
    DUPLICATE_OVERRIDES("duplicate_overrides", "record_id", col("supervisor"), col("operator"), col("reason"),
            col("at")),
    CARDS("cards", "serial", col("batch_id"), col("state"), col("state_since"), col("holder_kind"), col("holder"),
            col("record_id"), col("nik_bidx"), col("owner"), col("village_code"), col("received_at")),
    /** Which server the station trusts: a swapped packet key would get new captures sealed to someone else. */
    SERVER_TRUST("server_trust", "id", col("server_url"), col("tls_pin"), col("signing_key"), col("packet_key"),
            col("pinned_at")),
    /** The supervisor's erase-after-failures choice. */
    SECURITY_POLICY("security_policy", "id", col("erase_after_failures"), col("erase_even_if_pending"),
            col("set_by"), col("set_at"));

    /** A sealed column: its name (what a finding reports, what the update trigger watches) and how it is read. */
    record Column(String name, String expression) {
    }

    private static Column col(String name) {
        return new Column(name, name);
    }

    private final String table;
    private final String key;
    private final List<Column> columns;

    SealedTable(String table, String key, Column... columns) {
        this.table = table;
        this.key = key;
        this.columns = List.of(columns);
    }

    String table() {
        return table;
    }

    String key() {
        return key;
    }

    List<Column> columns() {
        return columns;
    }

    /** {@code key, seal_version, seal, col1, col2, ...} of this table; append {@code WHERE} as needed. */
    String selectSql() {
        StringBuilder sql = new StringBuilder("SELECT ").append(key).append(", seal_version, seal");
        for (Column c : columns) {
            sql.append(", ").append(c.expression());
        }
        return sql.append(" FROM ").append(table).toString();
    }

    static SealedTable named(String table) {
        for (SealedTable t : values()) {
            if (t.table.equals(table)) {
                return t;
            }
        }
        throw new IllegalArgumentException("not a sealed table: " + table);
    }
}
