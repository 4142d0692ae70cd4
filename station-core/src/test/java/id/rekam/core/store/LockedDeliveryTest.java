package id.rekam.core.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rekam.core.audit.AuditActions;
import id.rekam.core.audit.AuditEntry;
import id.rekam.core.crypto.PacketSeal;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.outbox.SealedPacket;
import id.rekam.core.packet.PacketCodec;
import id.rekam.core.trust.Ed25519Raw;
import id.rekam.core.trust.ServerKeys;
import id.rekam.core.trust.ServerTrust;
import id.rekam.core.trust.SignedJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, item 1: the sync service works on the store without the passphrase. It reads the
 * sealed packets (which only the server opens) and keeps what the server signed; at the next unlock
 * the store applies only what verifies with the pinned key. Nothing the locked side does touches an
 * outbox state or the audit trail.
 */
class LockedDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final byte[] serverSeed = Ed25519Raw.newSeed();
    private final byte[][] packetKey = PacketSeal.newServerKeyPair();
    private final byte[] impostorSeed = Ed25519Raw.newSeed();
    private final List<String> ids = new ArrayList<>();

    @BeforeEach
    void captureAndLock() {
        try (StationStore store = TestStores.create(dir, TestStores.fastOptions())) {
            store.operators().createFirstSupervisor("spv", "rahasia-spv".toCharArray());
            store.pinServer(new ServerTrust(URI.create("http://127.0.0.1:8080/"), null,
                    new ServerKeys(Ed25519Raw.publicKey(serverSeed), packetKey[1]), Instant.now()), "tek");
            var demo = TestStores.demo(3);
            for (int i = 0; i < 3; i++) {
                ids.add(store.saveEnrollment(demo.next()).packetId());
            }
            store.outbox().approve(ids, "spv");
            store.outbox().enqueue(ids, "spv");
        }
    }

    private ObjectNode receipt(byte[] seed, String packetId, String sha) {
        return SignedJson.sign(seed, SignedJson.Purpose.RECEIPT, TestStores.STATION, JSON.createObjectNode()
                .put("type", "receipt").put("packetId", packetId).put("sha256", sha).put("status", "received")
                .put("at", "2026-11-25T04:00:00Z"));
    }

    private ObjectNode accepted(byte[] seed, String cursor, String packetId) {
        return SignedJson.sign(seed, SignedJson.Purpose.FEED_ENTRY, TestStores.STATION, JSON.createObjectNode()
                .put("cursor", cursor).put("type", "accepted").put("packetId", packetId)
                .put("at", "2026-11-25T04:01:00Z"));
    }

    @Test
    void theLockedSideSendsSealedPacketsAndOnlyTheServersSignedWordIsAppliedAtUnlock() throws Exception {
        long auditBefore;
        try (StationStore store = StationStore.open(dir, TestStores.PASSPHRASE, TestStores.fastOptions())) {
            auditBefore = store.auditTrail(0, 100_000).size();
        }
        try (DeliveryStore locked = DeliveryStore.open(dir)) {
            assertThat(locked.deliverable(10)).extracting(e -> e.packetId()).containsExactlyElementsOf(ids);
            SealedPacket p = locked.readSealed(ids.get(0));
            // What the sync service holds is useless without the server's key.
            byte[] inner = PacketSeal.open(p.bytes(), p.packetId(), packetKey[0], packetKey[1]);
            assertThat(PacketCodec.sha256Hex(inner)).isEqualTo(p.contentSha256());
            String sha0 = PacketCodec.sha256Hex(p.bytes());
            String sha1 = PacketCodec.sha256Hex(locked.readSealed(ids.get(1)).bytes());
            String sha2 = PacketCodec.sha256Hex(locked.readSealed(ids.get(2)).bytes());

            locked.recordUpload(ids.get(0), URI.create("/v1/uploads/a"));
            locked.recordReceipt(ids.get(0), URI.create("/v1/uploads/a"), receipt(serverSeed, ids.get(0), sha0));
            // Someone on the path (or with write access to the file) forges the rest.
            locked.recordReceipt(ids.get(1), null, receipt(impostorSeed, ids.get(1), sha1));
            locked.recordReceipt(ids.get(2), null, receipt(serverSeed, ids.get(2), "0".repeat(64)));
            locked.recordFeedPage(List.of(accepted(serverSeed, "1", ids.get(0)), accepted(impostorSeed, "2", ids.get(1))),
                    "2");
            assertThat(locked.deliverable(10)).as("received ones are not sent again").hasSize(0);
            // The locked side's counts are for display: it believes its journal until the unlock checks it.
            assertThat(locked.countByState().get(OutboxState.CONFIRMED)).isEqualTo(2);
            assertThat(locked.feedCursor()).contains("2");
        }
        try (StationStore store = StationStore.open(dir, TestStores.PASSPHRASE, TestStores.fastOptions())) {
            assertThat(store.outbox().entry(ids.get(0)).orElseThrow().state()).isEqualTo(OutboxState.CONFIRMED);
            assertThat(store.outbox().entry(ids.get(1)).orElseThrow().state()).as("forged receipt and verdict")
                    .isEqualTo(OutboxState.QUEUED);
            assertThat(store.outbox().entry(ids.get(2)).orElseThrow().state()).as("receipt for other bytes")
                    .isEqualTo(OutboxState.QUEUED);
            List<AuditEntry> trail = store.auditTrail(0, 100_000);
            // Everything the locked side caused was audited at unlock, by the store, once it could.
            assertThat(trail.subList((int) auditBefore, trail.size())).extracting(AuditEntry::action)
                    .contains(AuditActions.JOURNAL_APPLIED, AuditActions.JOURNAL_REFUSED);
            assertThat(trail).filteredOn(e -> e.action().equals(AuditActions.JOURNAL_REFUSED)).singleElement()
                    .satisfies(e -> assertThat(e.details()).contains(ids.get(1)).contains(ids.get(2)));
            assertThat(store.delivery().deliverable(10)).as("journal emptied, the two go out again").hasSize(2);
            assertThat(store.verify().ok()).isTrue();
        }
    }

    @Test
    void withoutAPinnedServerNothingIsSealedAndTheLockedSideHasNothingToSend() {
        Path other = dir.resolve("unregistered");
        try (StationStore store = TestStores.create(other, TestStores.fastOptions())) {
            store.operators().createFirstSupervisor("spv", "rahasia-spv".toCharArray());
            String id = store.saveEnrollment(TestStores.demo(4).next()).packetId();
            store.outbox().approve(List.of(id), "spv");
            store.outbox().enqueue(List.of(id), "spv");
        }
        try (DeliveryStore locked = DeliveryStore.open(other)) {
            assertThat(locked.deliverable(10)).isEmpty();
            assertThat(locked.unsealed()).isEqualTo(1);
        }
        // Learning the key (here: pinning it) seals the queue that waited.
        try (StationStore store = StationStore.open(other, TestStores.PASSPHRASE, TestStores.fastOptions())) {
            TestStores.pinServer(store);
        }
        try (DeliveryStore locked = DeliveryStore.open(other)) {
            assertThat(locked.deliverable(10)).hasSize(1);
            assertThat(locked.unsealed()).isZero();
        }
    }
}
