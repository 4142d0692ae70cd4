package id.rekam.core.equipment;

import id.rekam.core.auth.Permission;
import id.rekam.core.auth.Role;
import id.rekam.core.domain.DeviceRef;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.StoreTransaction;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every device the station has seen (kind, model, serial, owning office), kept in the store so
 * it survives a lost device file and travels with the backups. The device layer reports what it
 * sees; a technician or supervisor records who owns a device. Loans are {@link Loans}.
 */
public final class EquipmentRegister {

    static final String AUDIT_REGISTERED = "EQUIPMENT_REGISTERED";
    static final String AUDIT_OWNER = "EQUIPMENT_OWNER_SET";
    /** Actor of what the device layer reports on its own. */
    public static final String DEVICE_MONITOR = "device-monitor";

    private final StationStore store;

    public EquipmentRegister(StationStore store) {
        this.store = store;
    }

    /**
     * The device layer saw {@code device}: registered on first sight (audited), its last-seen time
     * moved on later sightings. A known device keeps the owner recorded here, whatever the
     * device layer's default is.
     *
     * @return the register's entry after the sighting
     */
    public EquipmentItem seen(DeviceRef device) {
        return store.inTransaction(tx -> {
            long now = tx.clock().millis();
            Optional<EquipmentItem> known = find(tx, device.deviceId());
            if (known.isPresent()) {
                try (PreparedStatement p = tx.connection().prepareStatement(
                        "UPDATE equipment SET last_seen = ?, model = ?, serial = ? WHERE device_id = ?")) {
                    p.setLong(1, now);
                    p.setString(2, device.model());
                    p.setString(3, device.serial());
                    p.setString(4, device.deviceId());
                    p.executeUpdate();
                }
                return find(tx, device.deviceId()).orElseThrow();
            }
            try (PreparedStatement p = tx.connection().prepareStatement("INSERT INTO equipment (device_id, kind, "
                    + "model, serial, owner_office, simulated, first_seen, last_seen) VALUES (?,?,?,?,?,?,?,?)")) {
                p.setString(1, device.deviceId());
                p.setString(2, device.kind());
                p.setString(3, device.model());
                p.setString(4, device.serial());
                p.setString(5, device.ownerOffice());
                p.setInt(6, device.simulated() ? 1 : 0);
                p.setLong(7, now);
                p.setLong(8, now);
                p.executeUpdate();
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("kind", device.kind());
            details.put("model", device.model());
            details.put("owner", device.ownerOffice());
            details.put("simulated", device.simulated());
            tx.audit(DEVICE_MONITOR, AUDIT_REGISTERED, device.deviceId(), details);
            return find(tx, device.deviceId()).orElseThrow();
        });
    }

    /** Records which office owns a device (audited). */
    public EquipmentItem setOwner(String deviceId, String office, String actor) {
        String owner = LoanPolicy.name(office, "office");
        return store.inTransaction(tx -> {
            requireManager(tx, actor);
            EquipmentItem before = require(tx, deviceId);
            updateOwner(tx, deviceId, owner);
            tx.audit(actor, AUDIT_OWNER, deviceId, Map.of("from", before.ownerOffice(), "to", owner));
            return find(tx, deviceId).orElseThrow();
        });
    }

    /** Every device seen, most recently seen first. */
    public List<EquipmentItem> items() {
        return store.read(tx -> {
            List<EquipmentItem> out = new ArrayList<>();
            try (PreparedStatement p = tx.connection().prepareStatement(SELECT + " ORDER BY last_seen DESC, device_id");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(item(rs));
                }
            }
            return out;
        });
    }

    public Optional<EquipmentItem> find(String deviceId) {
        return store.read(tx -> find(tx, deviceId));
    }

    static final String SELECT = "SELECT device_id, kind, model, serial, owner_office, simulated, first_seen, last_seen "
            + "FROM equipment";

    static Optional<EquipmentItem> find(StoreTransaction tx, String deviceId) throws SQLException {
        try (PreparedStatement p = tx.connection().prepareStatement(SELECT + " WHERE device_id = ?")) {
            p.setString(1, deviceId);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(item(rs)) : Optional.empty();
            }
        }
    }

    static EquipmentItem require(StoreTransaction tx, String deviceId) throws SQLException {
        return find(tx, deviceId).orElseThrow(() -> new EquipmentException("equipment.unknown", deviceId));
    }

    static void updateOwner(StoreTransaction tx, String deviceId, String owner) throws SQLException {
        try (PreparedStatement p = tx.connection().prepareStatement(
                "UPDATE equipment SET owner_office = ? WHERE device_id = ?")) {
            p.setString(1, owner);
            p.setString(2, deviceId);
            p.executeUpdate();
        }
    }

    /** Core's permission, on the role the store holds for {@code actor} (not what a screen claims). */
    static void requireManager(StoreTransaction tx, String actor) throws SQLException {
        Role role = tx.activeRole(actor).orElse(null);
        Permission.MANAGE_EQUIPMENT.require(actor, role);
    }

    private static EquipmentItem item(ResultSet rs) throws SQLException {
        return new EquipmentItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6) != 0, Instant.ofEpochMilli(rs.getLong(7)), Instant.ofEpochMilli(rs.getLong(8)));
    }
}
