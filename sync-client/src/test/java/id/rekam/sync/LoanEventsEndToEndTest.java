package id.rekam.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekam.core.auth.Role;
import id.rekam.core.domain.DeviceRef;
import id.rekam.core.equipment.Condition;
import id.rekam.core.equipment.EquipmentRegister;
import id.rekam.core.equipment.Loan;
import id.rekam.core.equipment.LoanRequest;
import id.rekam.core.equipment.LoanReturn;
import id.rekam.core.equipment.Loans;
import id.rekam.core.outbox.OutboxEvent;
import id.rekam.server.schema.JsonSchemas;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: loans between offices reach the central server — the station's loan events follow
 * their published schemas, travel in the event batches, and the reference server keeps them and
 * knows which loans are still out (its loan ledger).
 */
class LoanEventsEndToEndTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    SyncTestKit kit;

    @AfterEach
    void close() throws Exception {
        if (kit != null) {
            kit.close();
        }
    }

    @Test
    void loansMadeOfflineReachTheServerWhichKnowsWhatIsStillOut() throws Exception {
        kit = SyncTestKit.start(dir);
        kit.store.operators().createFirstSupervisor("spv", "rahasia-spv".toCharArray());
        kit.store.operators().createAccount("spv", "tek", Role.TECHNICIAN, "teknisi-1!".toCharArray());
        EquipmentRegister register = new EquipmentRegister(kit.store);
        Loans loans = new Loans(kit.store);
        DeviceRef scanner = new DeviceRef("fps-7f3a91c2d0", "fingerprint-scanner", "R30x-compatible (ZFM UART)", "",
                "Kec. Kronjo", false);
        DeviceRef camera = new DeviceRef("cam-0c1d2e3f4a", "camera", "Logitech C920", "2241LZ", "Kec. Kronjo", false);
        register.seen(scanner);
        register.seen(camera);
        Loan back = loans.lend(new LoanRequest(scanner.deviceId(), "Kec. Kronjo", "Kec. Gunung Kaler", "Suparman",
                "Wartini", Condition.GOOD, "kabel longgar", LocalDate.now().plusDays(30)), "tek");
        loans.giveBack(back.loanId(), new LoanReturn("Wartini", "Suparman", Condition.MINOR_DEFECTS, null), "spv");
        Loan out = loans.lend(new LoanRequest(camera.deviceId(), "Kec. Kronjo", "Kec. Gunung Kaler", "Suparman",
                "Wartini", Condition.GOOD, null, LocalDate.now().plusDays(7)), "tek");

        List<OutboxEvent> pending = kit.store.events().pending(100);
        assertThat(pending).extracting(OutboxEvent::type)
                .containsExactly("equipment.loan.opened", "equipment.loan.returned", "equipment.loan.opened");
        for (OutboxEvent e : pending) {
            JsonNode envelope = JSON.createObjectNode().put("eventId", e.id()).put("type", e.type())
                    .put("occurredAt", e.createdAt().toString()).set("payload", JSON.readTree(e.jsonPayload()));
            assertThat(JsonSchemas.problems("events/event", envelope)).as(envelope.toString()).isEmpty();
        }

        try (SyncService sync = new SyncService(kit.store, SyncTestKit.fastConfig(kit.server.baseUri()))) {
            sync.runOnce();
        }

        assertThat(kit.store.events().pending(100)).isEmpty();
        Map<String, String> ledger = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + kit.serverDir.resolve("server.db"));
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM events WHERE type LIKE 'equipment.loan.%'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(3);
            }
            try (ResultSet rs = s.executeQuery("SELECT loan_id, station_id, device_id, from_office, to_office, "
                    + "handed_by, received_by, returned_at FROM equipment_loans")) {
                while (rs.next()) {
                    assertThat(rs.getString(2)).isEqualTo(SyncTestKit.STATION);
                    assertThat(rs.getString(4)).isEqualTo("Kec. Kronjo");
                    assertThat(rs.getString(5)).isEqualTo("Kec. Gunung Kaler");
                    assertThat(rs.getString(6)).isEqualTo("Suparman");
                    ledger.put(rs.getString(1), rs.getString(3) + "|" + (rs.getString(8) == null ? "OUT" : "BACK"));
                }
            }
        }
        assertThat(ledger).containsOnly(Map.entry(back.loanId(), scanner.deviceId() + "|BACK"),
                Map.entry(out.loanId(), camera.deviceId() + "|OUT"));
    }
}
