package id.rekam.core.store;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One change to the station's security state that was not made with the passphrase: what was
 * changed, in which table and which row. Found by the state seal at open and by {@code verify}.
 *
 * @param kind   what happened
 * @param table  the table (or {@code audit_log} for the trail)
 * @param row    the row's key (user name, packet id, card serial, ...); null for a whole table
 * @param fields the columns whose values differ from what was sealed (for an edited row)
 * @param detail numbers that go with the kind (rows missing, entries cut, ...), else empty
 */
public record StateFinding(Kind kind, String table, String row, List<String> fields, String detail) {

    public enum Kind {
        /** A row without a seal: added (or its seal removed) without the passphrase. */
        UNSEALED_ROW,
        /** A sealed row whose values differ from what was sealed; {@code fields} names them. */
        EDITED_ROW,
        /** Fewer sealed rows than the table held: rows were deleted. */
        ROWS_MISSING,
        /** More rows carry a seal version than were sealed: rows were copied in. */
        EXTRA_ROWS,
        /** A row was put back to an older sealed copy of itself. */
        ROLLED_BACK,
        /** The per-table counts were edited. */
        SUMMARY_EDITED,
        /** The audit trail ends before the entry the state was sealed at: its tail was cut. */
        AUDIT_CUT,
        /** The state seal itself was removed from a store that had one. */
        SEAL_REMOVED,
        /** The audit trail no longer holds an entry the central server anchored. */
        ANCHOR_MISSING
    }

    public StateFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(table, "table");
        fields = fields == null ? List.of() : List.copyOf(fields);
        detail = detail == null ? "" : detail;
    }

    /** One line for a person, in their language (Bahasa Indonesia unless {@code locale} is English). */
    public String message(Locale locale) {
        return StoreException.format(locale, "state." + kind.name(), table, row == null ? "-" : row,
                String.join(", ", fields), detail);
    }

    @Override
    public String toString() {
        return message(Locale.ENGLISH);
    }
}
