package id.rekam.core.equipment;

import id.rekam.core.text.JsonDocs;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.StoreTransaction;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Lending and borrowing devices between offices. Opening a loan and its return are each one
 * transaction with their audit entry and a sync event for the central server
 * ({@code equipment.loan.opened} / {@code equipment.loan.returned}, docs/sync-protocol.md §7),
 * so the province knows who holds which office's scanner. The people's names and the condition
 * notes are sealed; offices, device identity, dates and the condition class stay in clear so
 * overdue loans can be listed without unlocking anything personal.
 */
public final class Loans {

    public static final String EVENT_OPENED = "equipment.loan.opened";
    public static final String EVENT_RETURNED = "equipment.loan.returned";
    static final String AUDIT_OPENED = "LOAN_OPENED";
    static final String AUDIT_RETURNED = "LOAN_RETURNED";
    static final String SEAL_HANDOVER = "loan-handover";
    static final String SEAL_RETURN = "loan-return";

    private final StationStore store;

    public Loans(StationStore store) {
        this.store = store;
    }

    /** Sealed part of a hand-over or a return. */
    record People(String handedBy, String receivedBy, String note) {
    }

    record DeviceJson(String deviceId, String kind, String model, String serial, String ownerOffice,
                      boolean simulated) {
    }

    record OpenedEvent(String loanId, DeviceJson device, String fromOffice, String toOffice, String handedBy,
                       String receivedBy, Condition condition, String note, Instant lentAt, LocalDate dueDate) {
    }

    record ReturnedEvent(String loanId, String deviceId, String handedBy, String receivedBy, Condition condition,
                         String note, Instant returnedAt) {
    }

    /**
     * Records a device leaving one office for another. The lender is recorded as the device's
     * owner. A device can be out on one loan at a time.
     *
     * @return the loan as stored
     */
    public Loan lend(LoanRequest request, String actor) {
        String from = LoanPolicy.name(request.fromOffice(), "fromOffice");
        String to = LoanPolicy.name(request.toOffice(), "toOffice");
        LoanPolicy.differentOffices(from, to);
        People people = new People(LoanPolicy.name(request.handedBy(), "handedBy"),
                LoanPolicy.name(request.receivedBy(), "receivedBy"), LoanPolicy.note(request.note()));
        Condition condition = require(request.condition());
        return store.inTransaction(tx -> {
            EquipmentRegister.requireManager(tx, actor);
            EquipmentItem device = EquipmentRegister.require(tx, request.deviceId());
            Instant now = tx.clock().instant();
            LoanPolicy.checkDueDate(LocalDate.ofInstant(now, store.zone()), request.dueDate());
            if (openLoanId(tx, device.deviceId()).isPresent()) {
                throw new EquipmentException("loan.alreadyOut", device.deviceId());
            }
            String id = "LOAN-" + UUID.randomUUID();
            try (PreparedStatement p = tx.connection().prepareStatement("INSERT INTO equipment_loans (id, device_id, "
                    + "from_office, to_office, condition_out, handover, lent_at, due_date, recorded_by) "
                    + "VALUES (?,?,?,?,?,?,?,?,?)")) {
                p.setString(1, id);
                p.setString(2, device.deviceId());
                p.setString(3, from);
                p.setString(4, to);
                p.setString(5, condition.name());
                p.setBytes(6, tx.seal(JsonDocs.bytes(people), id, SEAL_HANDOVER));
                p.setLong(7, now.toEpochMilli());
                p.setString(8, request.dueDate().toString());
                p.setString(9, actor);
                p.executeUpdate();
            }
            EquipmentRegister.updateOwner(tx, device.deviceId(), from);
            EquipmentItem owned = EquipmentRegister.require(tx, device.deviceId());
            tx.event(EVENT_OPENED, JsonDocs.write(new OpenedEvent(id, json(owned), from, to, people.handedBy(),
                    people.receivedBy(), condition, people.note(), now, request.dueDate())), actor);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("device", device.deviceId());
            details.put("from", from);
            details.put("to", to);
            details.put("due", request.dueDate().toString());
            details.put("condition", condition.name());
            tx.audit(actor, AUDIT_OPENED, id, details);
            return loan(tx, id).orElseThrow();
        });
    }

    /** Records the device back with its lender; a loan is returned once. */
    public Loan giveBack(String loanId, LoanReturn back, String actor) {
        People people = new People(LoanPolicy.name(back.handedBy(), "handedBy"),
                LoanPolicy.name(back.receivedBy(), "receivedBy"), LoanPolicy.note(back.note()));
        Condition condition = require(back.condition());
        return store.inTransaction(tx -> {
            EquipmentRegister.requireManager(tx, actor);
            Loan loan = loan(tx, loanId).orElseThrow(() -> new EquipmentException("loan.unknown", loanId));
            if (!loan.open()) {
                throw new EquipmentException("loan.alreadyReturned", loanId);
            }
            Instant now = tx.clock().instant();
            try (PreparedStatement p = tx.connection().prepareStatement("UPDATE equipment_loans SET returned_at = ?, "
                    + "condition_back = ?, return_note = ?, returned_recorded_by = ? WHERE id = ? AND returned_at IS NULL")) {
                p.setLong(1, now.toEpochMilli());
                p.setString(2, condition.name());
                p.setBytes(3, tx.seal(JsonDocs.bytes(people), loanId, SEAL_RETURN));
                p.setString(4, actor);
                p.setString(5, loanId);
                p.executeUpdate();
            }
            tx.event(EVENT_RETURNED, JsonDocs.write(new ReturnedEvent(loanId, loan.device().deviceId(),
                    people.handedBy(), people.receivedBy(), condition, people.note(), now)), actor);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("device", loan.device().deviceId());
            details.put("condition", condition.name());
            details.put("late", loan.overdueOn(LocalDate.ofInstant(now, store.zone())));
            tx.audit(actor, AUDIT_RETURNED, loanId, details);
            return loan(tx, loanId).orElseThrow();
        });
    }

    /** Every loan, newest first. */
    public List<Loan> all() {
        return store.read(tx -> list(tx, "", null));
    }

    /** Loans not returned yet, newest first. */
    public List<Loan> open() {
        return store.read(tx -> list(tx, " WHERE l.returned_at IS NULL", null));
    }

    /** Open loans past their due date today (the office's time zone), the longest overdue first. */
    public List<Loan> overdue() {
        LocalDate today = LocalDate.ofInstant(store.read(tx -> tx.clock().instant()), store.zone());
        return store.read(tx -> list(tx, " WHERE l.returned_at IS NULL AND l.due_date < ?", today.toString()))
                .stream().sorted(java.util.Comparator.comparing(Loan::dueDate)).toList();
    }

    /** The loan a device is out on now, if any: captures made with it carry this loan. */
    public Optional<Loan> openLoanFor(String deviceId) {
        return store.read(tx -> {
            Optional<String> id = openLoanId(tx, deviceId);
            return id.isPresent() ? loan(tx, id.get()) : Optional.empty();
        });
    }

    /**
     * How a capture names {@code device}: the owner as the register records it and, while the
     * device is out on a loan, that loan. A device the register has not seen is named as it is.
     */
    public id.rekam.core.domain.DeviceRef provenance(id.rekam.core.domain.DeviceRef device) {
        return store.read(tx -> {
            Optional<EquipmentItem> known = EquipmentRegister.find(tx, device.deviceId());
            if (known.isEmpty()) {
                return device;
            }
            String loan = openLoanId(tx, device.deviceId()).orElse("");
            return device.onLoan(known.get().ownerOffice(), loan);
        });
    }

    public Optional<Loan> find(String loanId) {
        return store.read(tx -> loan(tx, loanId));
    }

    private static Condition require(Condition c) {
        if (c == null) {
            throw new EquipmentException("loan.required.condition");
        }
        return c;
    }

    private static DeviceJson json(EquipmentItem d) {
        return new DeviceJson(d.deviceId(), d.kind(), d.model(), d.serial(), d.ownerOffice(), d.simulated());
    }

    private static Optional<String> openLoanId(StoreTransaction tx, String deviceId) throws SQLException {
        try (PreparedStatement p = tx.connection().prepareStatement(
                "SELECT id FROM equipment_loans WHERE device_id = ? AND returned_at IS NULL")) {
            p.setString(1, deviceId);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static final String SELECT = "SELECT l.id, l.device_id, l.from_office, l.to_office, l.condition_out, "
            + "l.handover, l.lent_at, l.due_date, l.recorded_by, l.returned_at, l.condition_back, l.return_note, "
            + "l.returned_recorded_by FROM equipment_loans l";

    private static Optional<Loan> loan(StoreTransaction tx, String loanId) throws SQLException {
        List<Loan> found = list(tx, " WHERE l.id = ?", loanId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static List<Loan> list(StoreTransaction tx, String where, String arg) throws SQLException {
        List<Loan> out = new ArrayList<>();
        try (PreparedStatement p = tx.connection().prepareStatement(SELECT + where + " ORDER BY l.lent_at DESC, l.id")) {
            if (arg != null) {
                p.setString(1, arg);
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(read(tx, rs));
                }
            }
        }
        return out;
    }

    private static Loan read(StoreTransaction tx, ResultSet rs) throws SQLException {
        String id = rs.getString(1);
        EquipmentItem device = EquipmentRegister.require(tx, rs.getString(2));
        People out = JsonDocs.read(tx.open(rs.getBytes(6), id, SEAL_HANDOVER), People.class);
        Optional<Loan.Returned> back = Optional.empty();
        long returnedAt = rs.getLong(10);
        if (!rs.wasNull()) {
            People in = JsonDocs.read(tx.open(rs.getBytes(12), id, SEAL_RETURN), People.class);
            back = Optional.of(new Loan.Returned(Instant.ofEpochMilli(returnedAt), in.handedBy(), in.receivedBy(),
                    Condition.valueOf(rs.getString(11)), in.note(), rs.getString(13)));
        }
        return new Loan(id, device, rs.getString(3), rs.getString(4), out.handedBy(), out.receivedBy(),
                Condition.valueOf(rs.getString(5)), out.note(), Instant.ofEpochMilli(rs.getLong(7)),
                LocalDate.parse(rs.getString(8)), rs.getString(9), back);
    }
}
