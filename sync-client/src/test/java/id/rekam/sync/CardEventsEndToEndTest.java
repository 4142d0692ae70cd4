package id.rekam.sync;

import id.rekam.core.outbox.EventState;
import id.rekam.core.outbox.OutboxEvent;
import id.rekam.fixtures.DemoRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
        // Everything below happens with no server contact at all.
        kit.cardLifecycle(ownerNik);

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
                .doesNotContain(ownerNik, SyncTestKit.FAMILY_CARD);
    }
}
