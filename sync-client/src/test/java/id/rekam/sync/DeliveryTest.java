package id.rekam.sync;

import id.rekam.core.audit.AuditEntry;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.verdict.ServerVerdict;
import id.rekam.core.store.PayloadPurgedException;
import id.rekam.server.faults.Fault;
import id.rekam.server.packets.PacketRecord;
import id.rekam.server.packets.PacketState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** End to end against the real central server, no faults. */
class DeliveryTest {

    @TempDir
    Path dir;
    SyncTestKit kit;

    @AfterEach
    void tearDown() {
        if (kit != null) {
            kit.close();
        }
    }

    @Test
    void onePassDeliversConfirmsAndPurgesAfterRetention() throws Exception {
        kit = SyncTestKit.start(dir);
        List<String> ids = kit.capture(6, 1, false);
        SyncConfig config = SyncTestKit.fastConfig(kit.server.baseUri()).withRetention(Duration.ZERO)
                .withChunkSize(64 * 1024);
        try (SyncService sync = new SyncService(kit.store, config)) {
            DrainPass.Result r = kit.pass(sync);
            assertThat(r.delivered()).isEqualTo(6);
            assertThat(r.verdicts()).isEqualTo(6);
            assertThat(r.purged()).isEqualTo(6);
            SyncStatus s = sync.status();
            assertThat(s.confirmed()).isEqualTo(6);
            assertThat(s.drained()).isTrue();
            assertThat(s.lastContact()).isNotNull();
            assertThat(s.failure()).isEmpty();
        }
        Map<String, PacketRecord> onServer = kit.server.admin().packets().stream()
                .collect(Collectors.toMap(PacketRecord::packetId, Function.identity()));
        for (String id : ids) {
            assertThat(kit.store.outbox().entry(id).orElseThrow().state()).isEqualTo(OutboxState.CONFIRMED);
            // What the server opened is what the station signed (the upload itself was sealed).
            assertThat(onServer.get(id).contentSha256()).isEqualTo(kit.store.outbox().entry(id).orElseThrow().sha256());
            assertThat(onServer.get(id).state()).isEqualTo(PacketState.ACCEPTED);
            assertThatThrownBy(() -> kit.store.outbox().readPacket(id)).isInstanceOf(PayloadPurgedException.class);
        }
        assertThat(kit.store.outbox().feedCursor()).isPresent();
        assertThat(kit.store.verify().ok()).isTrue();
        List<AuditEntry> trail = kit.store.auditTrail(0, 10_000);
        assertThat(trail).filteredOn(e -> e.action().equals(id.rekam.core.audit.AuditActions.PAYLOAD_PURGED))
                .extracting(AuditEntry::subject).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void confirmedPayloadIsKeptWithinRetentionAndPrintReadyIsTheRecordsState() throws Exception {
        kit = SyncTestKit.start(dir);
        List<String> ids = kit.capture(2, 2, true);
        try (SyncService sync = new SyncService(kit.store, SyncTestKit.fastConfig(kit.server.baseUri()))) {
            kit.pass(sync);
            assertThat(kit.server.admin().markPrintReady(ids.get(0))).isTrue();
            DrainPass.Result second = kit.pass(sync);
            assertThat(second.verdicts()).isEqualTo(1);
            assertThat(second.purged()).isZero();
            assertThat(sync.status().confirmed()).isEqualTo(2);
            assertThat(sync.status().printReady()).isEqualTo(1);
        }
        assertThat(kit.store.outbox().readPacket(ids.get(1)).body()).isNotEmpty();
        assertThat(kit.store.outbox().entry(ids.get(0)).orElseThrow().state()).isEqualTo(OutboxState.PRINT_READY);
        assertThat(kit.store.outbox().entry(ids.get(1)).orElseThrow().state()).isEqualTo(OutboxState.CONFIRMED);
        ServerVerdict printReady = kit.store.verdicts().latest(ids.get(0)).orElseThrow();
        assertThat(printReady).isInstanceOf(ServerVerdict.PrintReady.class);
        assertThat(printReady.at()).isNotNull();
        assertThat(kit.store.auditTrail(0, 10_000)).anyMatch(e -> ids.get(0).equals(e.subject())
                && e.details().contains("\"to\":\"PRINT_READY\""));
    }

    @Test
    void duplicateOfAnotherStationsRecordIsMarkedWithThatRecord() throws Exception {
        kit = SyncTestKit.start(dir);
        List<String> ids = kit.capture(1, 3, true);
        String secondId;
        // The same person recorded twice at this station: the second is a NIK duplicate of the first.
        var demo = new id.rekam.fixtures.DemoRecords(3, SyncTestKit.VILLAGE, SyncTestKit.STATION);
        var first = demo.next();
        var again = new id.rekam.fixtures.DemoRecords(99, SyncTestKit.VILLAGE, SyncTestKit.STATION).next();
        var same = new id.rekam.core.domain.EnrollmentRecord(again.id(), first.demographics(),
                again.photo(), again.fingerprints(), again.signature(), again.stationId(), again.operatorId(),
                again.createdAt());
        try (SyncService sync = new SyncService(kit.store, SyncTestKit.fastConfig(kit.server.baseUri()))) {
            kit.pass(sync);
            assertThat(sync.status().confirmed()).isEqualTo(1);
            String second = kit.store.saveEnrollment(same).packetId();
            kit.store.outbox().approve(List.of(second), "spv");
            kit.store.outbox().enqueue(List.of(second), "spv");
            kit.pass(sync);
            assertThat(sync.status().duplicates()).isEqualTo(1);
            secondId = second;
        }
        assertThat(kit.store.outbox().entry(secondId).orElseThrow().state()).isEqualTo(OutboxState.DUPLICATE);
        // The other record arrives whole and is kept so (sealed): id, station, office, NIK in full.
        ServerVerdict.Duplicate dup = (ServerVerdict.Duplicate) kit.store.verdicts().latest(secondId).orElseThrow();
        assertThat(dup.matchedBy()).isEqualTo(ServerVerdict.MatchedBy.NIK);
        assertThat(dup.other().registrationId()).isEqualTo(ids.get(0));
        assertThat(dup.other().stationId()).isEqualTo(SyncTestKit.STATION);
        assertThat(dup.other().office()).isEqualTo(SyncTestKit.OFFICE);
        assertThat(dup.other().fullNik()).contains(first.demographics().nik());
        assertThat(dup.at()).isNotNull();
    }

    @Test
    void resumesFromTheServersOffsetAfterAnInterruptedUpload() throws Exception {
        kit = SyncTestKit.start(dir);
        String packetId = kit.capture(1, 4, false).get(0);
        long size = kit.store.outbox().readSealed(packetId).bytes().length;
        SyncConfig config = SyncTestKit.fastConfig(kit.server.baseUri()).withChunkSize(32 * 1024);
        // Second PATCH is cut after 1000 bytes; the first chunk is stored.
        kit.server.faults().add(Fault.dropRequestAfter(1000).on("PATCH", "/v1/uploads")
                .times(1));
        kit.server.faults().add(Fault.dropRequestAfter(1000).on("PATCH", "/v1/uploads")
                .times(1));
        try (SyncService sync = new SyncService(kit.store, config)) {
            assertThatThrownBy(sync::runOnce).isInstanceOf(SyncFailure.class);
            var entry = kit.store.outbox().entry(packetId).orElseThrow();
            assertThat(entry.state()).isEqualTo(OutboxState.UPLOADING);
            assertThat(entry.uploadUrl()).isNotNull();
            assertThatThrownBy(sync::runOnce).isInstanceOf(SyncFailure.class);
            assertThat(sync.status().failure()).get().asString().contains("Tidak tersambung");
            long bytesBefore = sync.bytesSent();
            kit.pass(sync);
            assertThat(kit.store.outbox().entry(packetId).orElseThrow().state()).isEqualTo(OutboxState.CONFIRMED);
            // The resumed pass sent only what the server lacked, not the whole packet again.
            assertThat(sync.bytesSent() - bytesBefore).isLessThanOrEqualTo(size);
        }
    }

    @Test
    void eventsGoFirstAndAreMarkedSentOnlyWhenStored() throws Exception {
        kit = SyncTestKit.start(dir);
        kit.capture(1, 6, true);
        String good = kit.store.events().append("card.handed-over", "{\"card\":\"K-1\"}", "op1");
        String bad = kit.store.events().append("Not A Valid Type", "{}", "op1");
        try (SyncService sync = new SyncService(kit.store, SyncTestKit.fastConfig(kit.server.baseUri()))) {
            DrainPass.Result r = kit.pass(sync);
            assertThat(r.events()).isEqualTo(1);
            // The refused event does not hold back the packet.
            assertThat(r.delivered()).isEqualTo(1);
            assertThat(sync.status().confirmed()).isEqualTo(1);
        }
        // Refused for good: parked with the server's answer, counted as needing attention, not re-sent.
        assertThat(kit.store.events().pending(10)).isEmpty();
        assertThat(kit.store.events().needingAttention(10)).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(bad);
            assertThat(e.reason()).contains("rejected");
        });
        assertThat(kit.store.events().countByState().get(id.rekam.core.outbox.EventState.SENT)).isEqualTo(1);
        assertThat(good).isNotEqualTo(bad);
        try (SyncService sync = new SyncService(kit.store, SyncTestKit.fastConfig(kit.server.baseUri()))) {
            assertThat(sync.status().needsAttention()).isEqualTo(1);
            assertThat(sync.runOnce().events()).isZero();
            // A technician's retry puts it back in the queue; the server refuses it again, so it is parked again.
            kit.store.events().requeue(bad, "after checking the card register", "tech1");
            assertThat(kit.store.events().pending(10)).extracting(e -> e.id()).containsExactly(bad);
            assertThat(sync.runOnce().events()).isZero();
            assertThat(kit.store.events().needingAttention(10)).hasSize(1);
        }
        assertThat(kit.store.auditTrail(0, 10_000)).filteredOn(e -> bad.equals(e.subject()))
                .extracting(AuditEntry::action).containsSubsequence("EVENT_CREATED", "EVENT_PARKED",
                        "EVENT_REQUEUED", "EVENT_PARKED");
    }

    @Test
    void englishBundleHasEveryKey() {
        Messages id = new Messages(Locale.forLanguageTag("id"));
        Messages en = new Messages(Locale.ENGLISH);
        for (SyncFailure.Kind k : SyncFailure.Kind.values()) {
            SyncFailure f = new SyncFailure(k, "x", Duration.ofSeconds(7), null);
            assertThat(id.reason(f)).isNotBlank().isNotEqualTo(en.reason(f));
        }
        assertThat(en.reason(new SyncFailure(SyncFailure.Kind.RATE_LIMITED, "HTTP 429", Duration.ofSeconds(7), null)))
                .contains("7 seconds");
    }
}
