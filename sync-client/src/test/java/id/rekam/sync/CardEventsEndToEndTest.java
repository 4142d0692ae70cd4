package id.rekam.sync;

import id.rekam.core.auth.Role;
import id.rekam.core.cards.BatchCard;
import id.rekam.core.cards.BatchDiscrepancyException;
import id.rekam.core.cards.BatchReceipt;
import id.rekam.core.cards.CardRegistry;
import id.rekam.core.cards.DestructionCategory;
import id.rekam.core.cards.DestructionPlan;
import id.rekam.core.cards.DestructionRegister;
import id.rekam.core.cards.HandOverRequest;
import id.rekam.core.cards.HandOverService;
import id.rekam.core.cards.HolderKind;
import id.rekam.core.cards.Official;
import id.rekam.core.cards.SecondFactor;
import id.rekam.core.cards.SupervisorOverride;
import id.rekam.core.cards.Witness;
import id.rekam.fixtures.DemoRecords;
import id.rekam.core.outbox.EventState;
import id.rekam.core.outbox.OutboxEvent;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 6: every card move is a sync event, and the events really reach the central server
 * through the sync client's event batches (station store → SyncService → /v1/events → server
 * database): arrival, a flagged batch, assignment, a supervisor-approved hand-over made offline,
 * destruction registration and the destruction itself.
 */
class CardEventsEndToEndTest {

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
    void cardLifecycleEventsMadeOfflineReachTheServerOnceConnected() throws Exception {
        kit = SyncTestKit.start(dir);
        kit.capture(1, 6, true);
        String ownerNik = new DemoRecords(6, SyncTestKit.VILLAGE, SyncTestKit.STATION).next().demographics().nik().value();
        kit.store.operators().createAccount("spv", "op1", Role.OPERATOR, "operator-1!".toCharArray());

        // Everything below happens with no server contact at all.
        CardRegistry cards = new CardRegistry(kit.store);
        cards.receiveBatch(new BatchReceipt("B-E2E-1", 2, List.of(BatchCard.of("KTP-E2E-0001", ownerNik),
                BatchCard.of("KTP-E2E-0002", null)), "spv", "Saksi Penerimaan"));
        assertThatThrownBy(() -> cards.receiveBatch(new BatchReceipt("B-E2E-2", 4,
                List.of(BatchCard.of("KTP-E2E-0009", null)), "spv", "Saksi Penerimaan")))
                .isInstanceOf(BatchDiscrepancyException.class);
        cards.assign("KTP-E2E-0001", HolderKind.DESK, "loket-1", "spv");
        new HandOverService(kit.store).handOverWithException(
                new HandOverRequest("KTP-E2E-0001", "op1", null, new byte[] {(byte) 0xFF, (byte) 0xD8, 1},
                        new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
                new SupervisorOverride("spv", "rahasia-spv".toCharArray(), "jari aus",
                        SecondFactor.familyCard("3276010101010042")));
        DestructionRegister destruction = new DestructionRegister(kit.store);
        destruction.register("KTP-E2E-0002", DestructionCategory.DEFECTIVE_BLANK, null, "spv");
        destruction.destroy(new DestructionPlan("BA-E2E-1", LocalDate.of(2026, 11, 25), "Halaman Kantor",
                DestructionPlan.BURNING, "Kecamatan Uji", "Kota Uji", new Official("Camat Uji", "Camat", ""),
                List.of(new Witness("Saksi Satpol", "Anggota", "Satpol PP"))), "spv");

        List<OutboxEvent> pending = kit.store.events().pending(1_000);
        Map<String, String> typeById = new HashMap<>();
        pending.forEach(e -> typeById.put(e.id(), e.type()));
        // Arrival x2, assignment, hand-over move, INVALID, DESTROYED = 6 moves; plus flag, hand-over,
        // registration, destruction.
        assertThat(pending).extracting(OutboxEvent::type).filteredOn("card.moved"::equals).hasSize(6);
        assertThat(typeById.values()).contains("card.batch.flagged", "card.handed-over",
                "card.destruction.registered", "card.destruction");

        try (SyncService sync = new SyncService(kit.store, SyncTestKit.fastConfig(kit.server.baseUri()))) {
            sync.runOnce();
        }

        assertThat(kit.store.events().pending(1_000)).isEmpty();
        assertThat(kit.store.events().countByState().get(EventState.SENT)).isEqualTo(typeById.size());
        Map<String, String> onServer = new HashMap<>();
        String handOverPayload = null;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + kit.serverDir.resolve("server.db"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT event_id, type, station_id, payload FROM events")) {
            while (rs.next()) {
                assertThat(rs.getString(3)).isEqualTo(SyncTestKit.STATION);
                onServer.put(rs.getString(1), rs.getString(2));
                if (rs.getString(2).equals("card.handed-over")) {
                    handOverPayload = rs.getString(4);
                }
            }
        }
        assertThat(onServer).isEqualTo(typeById);
        // What the server learns of the hand-over: card, method, supervisor; never the NIK or KK number.
        assertThat(handOverPayload).contains("KTP-E2E-0001", "SUPERVISOR_EXCEPTION", "FAMILY_CARD")
                .doesNotContain(ownerNik, "3276010101010042");
    }
}
