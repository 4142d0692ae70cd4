package id.rekam.core.equipment;

import id.rekam.core.diag.DiagnosticReport;
import id.rekam.core.store.StoreInspection;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The register and the loans still out, from their clear columns only, without the store's keys:
 * what the help desk's report shows. No person's name is read (those columns are sealed).
 */
public final class EquipmentSnapshot {

    public record Snapshot(List<DiagnosticReport.Equipment> equipment, List<DiagnosticReport.OpenLoan> openLoans) {
    }

    private EquipmentSnapshot() {
    }

    /** @param today the office's date, for "overdue" */
    public static Snapshot read(Path dataDir, LocalDate today) {
        if (!StoreInspection.exists(dataDir)) {
            return new Snapshot(List.of(), List.of());
        }
        return StoreInspection.readClear(dataDir, c -> StoreInspection.hasTable(c, "equipment")
                ? new Snapshot(equipment(c), loans(c, today)) : new Snapshot(List.of(), List.of()));
    }

    private static List<DiagnosticReport.Equipment> equipment(Connection c) throws SQLException {
        List<DiagnosticReport.Equipment> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(EquipmentRegister.SELECT + " ORDER BY last_seen DESC, device_id");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                out.add(new DiagnosticReport.Equipment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6) != 0, Instant.ofEpochMilli(rs.getLong(8))));
            }
        }
        return out;
    }

    private static List<DiagnosticReport.OpenLoan> loans(Connection c, LocalDate today) throws SQLException {
        List<DiagnosticReport.OpenLoan> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT id, device_id, from_office, to_office, due_date "
                + "FROM equipment_loans WHERE returned_at IS NULL ORDER BY due_date, id");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                LocalDate due = LocalDate.parse(rs.getString(5));
                out.add(new DiagnosticReport.OpenLoan(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        due, due.isBefore(today)));
            }
        }
        return out;
    }
}
