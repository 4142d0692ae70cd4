package id.rekam.core.store;

import id.rekam.core.outbox.OutboxEntry;
import id.rekam.core.outbox.OutboxState;
import id.rekam.fixtures.DemoRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.util.List;

import static id.rekam.core.store.TestStores.PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store API the sync client needs: listing by state, the feed cursor, request signing. */
class SyncSupportTest {

    @TempDir
    Path dir;

    @Test
    void feedCursorSurvivesReopenAndIsReplaced() {
        try (StationStore store = TestStores.create(dir, TestStores.fastOptions())) {
            assertThat(store.outbox().feedCursor()).isEmpty();
            store.outbox().recordFeedCursor("17");
            store.outbox().recordFeedCursor("42");
        }
        try (StationStore store = StationStore.open(dir, PASSPHRASE, TestStores.fastOptions())) {
            assertThat(store.outbox().feedCursor()).contains("42");
        }
    }

    @Test
    void inStateListsOldestFirstAndOnlyThatState() {
        DemoRecords demo = TestStores.demo(3);
        try (StationStore store = TestStores.create(dir, TestStores.fastOptions())) {
            String a = store.saveEnrollment(demo.next()).packetId();
            String b = store.saveEnrollment(demo.next()).packetId();
            String c = store.saveEnrollment(demo.next()).packetId();
            store.operators().createFirstSupervisor("spv", "rahasia-spv".toCharArray());
            store.outbox().approve(List.of(a, c), "spv");
            assertThat(store.outbox().inState(OutboxState.APPROVED, 10)).extracting(OutboxEntry::packetId)
                    .containsExactly(a, c);
            assertThat(store.outbox().inState(OutboxState.CAPTURED, 10)).extracting(OutboxEntry::packetId)
                    .containsExactly(b);
            assertThat(store.outbox().inState(OutboxState.APPROVED, 1)).hasSize(1);
        }
    }

    @Test
    void signsOnlyCanonicalRequests() throws Exception {
        try (StationStore store = TestStores.create(dir, TestStores.fastOptions())) {
            byte[] request = "rekam-req-v1\nGET\n/v1/health\nST\n1\nnonce\nabc".getBytes(StandardCharsets.UTF_8);
            byte[] sig = store.signRequest(request);
            Signature v = Signature.getInstance("Ed25519");
            v.initVerify(store.stationPublicKey());
            v.update(request);
            assertThat(v.verify(sig)).isTrue();
            assertThatThrownBy(() -> store.signRequest("rekam-packet-v1:x:y".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
