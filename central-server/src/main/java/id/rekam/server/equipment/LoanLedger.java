package id.rekam.server.equipment;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.server.events.EventStore;
import id.rekam.server.http.Request;
import id.rekam.server.http.Response;
import id.rekam.server.store.Database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who holds which office's equipment, across stations: the {@code equipment.loan.opened} and
 * {@code equipment.loan.returned} events (docs/sync-protocol.md §7) projected into one row per
 * loan, in the same transaction that stores the event. A return may arrive before its opening (an
 * event parked and requeued at the station): each event fills in its own columns, so the order
 * does not matter. {@code GET /admin/loans[?open=true]} lists them, overdue ones marked.
 */
public final class LoanLedger implements EventStore.Projection {

    static final String OPENED = "equipment.loan.opened";
    static final String RETURNED = "equipment.loan.returned";
    private static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Jakarta");

    private final Database db;
    private final Clock clock;

    public LoanLedger(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        db.update("""
                CREATE TABLE IF NOT EXISTS equipment_loans(loan_id TEXT PRIMARY KEY, station_id TEXT NOT NULL,
                  device_id TEXT, kind TEXT, model TEXT, serial TEXT, owner_office TEXT, from_office TEXT,
                  to_office TEXT, handed_by TEXT, received_by TEXT, condition_out TEXT, lent_at TEXT, due_date TEXT,
                  returned_at TEXT, returned_by TEXT, returned_to TEXT, condition_back TEXT)""");
    }

    @Override
    public void apply(Connection c, String stationId, JsonNode event) throws SQLException {
        String type = event.path("type").asText();
        JsonNode p = event.path("payload");
        String loanId = p.path("loanId").asText(null);
        if (loanId == null || !(OPENED.equals(type) || RETURNED.equals(type))) {
            return;
        }
        Database.update(c, "INSERT OR IGNORE INTO equipment_loans(loan_id, station_id) VALUES (?,?)", loanId, stationId);
        if (OPENED.equals(type)) {
            JsonNode d = p.path("device");
            Database.update(c, "UPDATE equipment_loans SET device_id=?, kind=?, model=?, serial=?, owner_office=?, "
                            + "from_office=?, to_office=?, handed_by=?, received_by=?, condition_out=?, lent_at=?, "
                            + "due_date=? WHERE loan_id=?",
                    d.path("deviceId").asText(null), d.path("kind").asText(null), d.path("model").asText(null),
                    d.path("serial").asText(null), d.path("ownerOffice").asText(null), p.path("fromOffice").asText(null),
                    p.path("toOffice").asText(null), p.path("handedBy").asText(null), p.path("receivedBy").asText(null),
                    p.path("condition").asText(null), p.path("lentAt").asText(null), p.path("dueDate").asText(null),
                    loanId);
        } else {
            Database.update(c, "UPDATE equipment_loans SET device_id=coalesce(device_id, ?), returned_at=?, "
                            + "returned_by=?, returned_to=?, condition_back=? WHERE loan_id=?",
                    p.path("deviceId").asText(null), p.path("returnedAt").asText(null), p.path("handedBy").asText(null),
                    p.path("receivedBy").asText(null), p.path("condition").asText(null), loanId);
        }
    }

    /** One loan as the central office sees it. */
    public record Row(String loanId, String stationId, String deviceId, String kind, String model, String ownerOffice,
                      String fromOffice, String toOffice, String handedBy, String receivedBy, String lentAt,
                      String dueDate, String returnedAt, boolean overdue) {
    }

    public List<Row> list(boolean openOnly) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), OFFICE_ZONE);
        return db.query("SELECT loan_id, station_id, device_id, kind, model, owner_office, from_office, to_office, "
                + "handed_by, received_by, lent_at, due_date, returned_at FROM equipment_loans"
                + (openOnly ? " WHERE returned_at IS NULL" : "") + " ORDER BY due_date, loan_id", rs -> {
                    String due = rs.getString(12);
                    String returned = rs.getString(13);
                    boolean overdue = returned == null && due != null && LocalDate.parse(due).isBefore(today);
                    return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                            rs.getString(11), due, returned, overdue);
                });
    }

    /** {@code GET /admin/loans[?open=true]}. */
    public Response handle(Request r) {
        boolean open = r.queryParam("open").map(Boolean::parseBoolean).orElse(false);
        List<Map<String, Object>> out = list(open).stream().map(LoanLedger::json).toList();
        return Response.json(200, out);
    }

    private static Map<String, Object> json(Row row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("loanId", row.loanId());
        m.put("stationId", row.stationId());
        m.put("deviceId", row.deviceId());
        m.put("kind", row.kind());
        m.put("model", row.model());
        m.put("ownerOffice", row.ownerOffice());
        m.put("fromOffice", row.fromOffice());
        m.put("toOffice", row.toOffice());
        m.put("handedBy", row.handedBy());
        m.put("receivedBy", row.receivedBy());
        m.put("lentAt", row.lentAt());
        m.put("dueDate", row.dueDate());
        m.put("returnedAt", row.returnedAt());
        m.put("overdue", row.overdue());
        return m;
    }

}
