package id.rekam.core.store;

import id.rekam.core.audit.AuditActions;
import id.rekam.core.audit.AuditEntry;
import id.rekam.core.auth.AuthException;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.outbox.EventState;
import id.rekam.core.outbox.IllegalTransitionException;
import id.rekam.core.outbox.Outbox;
import id.rekam.core.outbox.OutboxEntry;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.verdict.ServerVerdict;
import id.rekam.fixtures.DemoRecords;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxTest {

    @TempDir
    Path dir;

    private final TestStores.MutableClock clock = new TestStores.MutableClock(Instant.parse("2026-11-25T03:00:00Z"));
    private StationStore store;
    private Outbox outbox;
    private final DemoRecords demo = TestStores.demo(20);

    @BeforeEach
    void open() {
        store = TestStores.create(dir, TestStores.fastOptions(clock));
        store.operators().createFirstSupervisor("spv", "rahasia-spv".toCharArray());
        outbox = store.outbox();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String capture() {
        clock.advance(Duration.ofSeconds(1));
        return store.saveEnrollment(demo.next()).packetId();
    }

    private List<AuditEntry> transitionsOf(String id) {
        return store.auditTrail(1, 10_000).stream()
                .filter(e -> e.action().equals(AuditActions.OUTBOX_TRANSITION) && id.equals(e.subject())).toList();
    }

    @Test
    void fullLifeIsAuditedStepByStep() {
        String id = capture();
        outbox.approve(List.of(id), "spv");
        outbox.enqueue(List.of(id), "spv");
        outbox.startUpload(id, URI.create("https://pusat.example/files/abc"), "sync");
        outbox.recordUploadOffset(id, 65_536);
        OutboxEntry uploading = outbox.entry(id).orElseThrow();
        assertThat(uploading.state()).isEqualTo(OutboxState.UPLOADING);
        assertThat(uploading.uploadUrl()).hasToString("https://pusat.example/files/abc");
        assertThat(uploading.uploadOffset()).isEqualTo(65_536);
        outbox.markAcknowledged(id, "sync");
        outbox.markConfirmed(id, "sync");
        assertThat(outbox.entry(id).orElseThrow().state()).isEqualTo(OutboxState.CONFIRMED);
        assertThat(transitionsOf(id)).extracting(AuditEntry::details).containsExactly(
                "{\"from\":\"CAPTURED\",\"to\":\"APPROVED\"}",
                "{\"from\":\"APPROVED\",\"to\":\"QUEUED\"}",
                "{\"from\":\"QUEUED\",\"to\":\"UPLOADING\",\"uploadUrl\":\"https://pusat.example/files/abc\"}",
                "{\"from\":\"UPLOADING\",\"to\":\"ACKNOWLEDGED\"}",
                "{\"from\":\"ACKNOWLEDGED\",\"to\":\"CONFIRMED\"}");
        assertThat(store.verify().ok()).isTrue();
    }

    @Test
    void illegalTransitionsThrowAndChangeNothing() {
        String id = capture();
        int auditBefore = store.auditTrail(1, 10_000).size();
        assertThatThrownBy(() -> outbox.enqueue(List.of(id), "sync")).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> outbox.markConfirmed(id, "sync")).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> outbox.startUpload(id, URI.create("https://x/1"), "sync"))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> outbox.recordUploadOffset(id, 10)).isInstanceOf(IllegalStateException.class);
        outbox.approve(List.of(id), "spv");
        assertThatThrownBy(() -> outbox.approve(List.of(id), "spv")).isInstanceOf(IllegalTransitionException.class);
        assertThat(outbox.entry(id).orElseThrow().state()).isEqualTo(OutboxState.APPROVED);
        assertThat(store.auditTrail(1, 10_000)).hasSize(auditBefore + 1);
    }

    @Test
    void batchApprovalIsAllOrNothingAndOnlyForSupervisors() {
        String a = capture();
        String b = capture();
        outbox.approve(List.of(b), "spv");
        // b is already approved: the whole batch fails, a stays CAPTURED.
        assertThatThrownBy(() -> outbox.approve(List.of(a, b), "spv")).isInstanceOf(IllegalTransitionException.class);
        assertThat(outbox.entry(a).orElseThrow().state()).isEqualTo(OutboxState.CAPTURED);
        store.operators().createAccount("spv", "op1", id.rekam.core.auth.Role.OPERATOR, "operator-1!".toCharArray());
        assertThatThrownBy(() -> outbox.approve(List.of(a), "op1")).isInstanceOf(AuthException.class);
        assertThatThrownBy(() -> outbox.approve(List.of(a), "nobody")).isInstanceOf(AuthException.class);
        assertThat(outbox.entry(a).orElseThrow().state()).isEqualTo(OutboxState.CAPTURED);
    }

    @Test
    void deliverableIsOldestFirstAndCountsPerState() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(capture());
        }
        outbox.approve(ids, "spv");
        assertThat(outbox.enqueueAllApproved("sync")).isEqualTo(4);
        outbox.startUpload(ids.get(2), URI.create("https://x/2"), "sync");
        assertThat(outbox.deliverable(10)).extracting(OutboxEntry::packetId).containsExactlyElementsOf(ids);
        assertThat(outbox.deliverable(2)).extracting(OutboxEntry::packetId).containsExactly(ids.get(0), ids.get(1));
        outbox.startUpload(ids.get(0), URI.create("https://x/0"), "sync");
        outbox.markAcknowledged(ids.get(0), "sync");
        outbox.startUpload(ids.get(1), URI.create("https://x/1"), "sync");
        store.verdicts().apply(ids.get(1), VerdictsTest.duplicateOf("3276014509870001"), "sync");
        store.verdicts().apply(ids.get(2), new ServerVerdict.Rejected(null, "photo-blurred", "foto buram"), "sync");
        outbox.markNeedsAttention(ids.get(3), "body unreadable", "sync");
        assertThat(outbox.deliverable(10)).isEmpty();
        Map<OutboxState, Long> counts = outbox.countByState();
        assertThat(counts).containsEntry(OutboxState.ACKNOWLEDGED, 1L).containsEntry(OutboxState.DUPLICATE, 1L)
                .containsEntry(OutboxState.REJECTED, 1L).containsEntry(OutboxState.NEEDS_ATTENTION, 1L)
                .containsEntry(OutboxState.CAPTURED, 0L);
        assertThat(outbox.entry(ids.get(3)).orElseThrow().reason()).isEqualTo("body unreadable");
        outbox.requeue(ids.get(3), "fixed by technician", "tech");
        assertThat(outbox.deliverable(10)).extracting(OutboxEntry::packetId).containsExactly(ids.get(3));
        assertThat(store.verify().ok()).isTrue();
    }

    @Test
    void uploadOffsetNeverGoesBackAndAnExpiredUploadCanBeReplaced() {
        String id = capture();
        outbox.approve(List.of(id), "spv");
        outbox.enqueue(List.of(id), "sync");
        outbox.startUpload(id, URI.create("https://x/old"), "sync");
        outbox.recordUploadOffset(id, 1000);
        assertThatThrownBy(() -> outbox.recordUploadOffset(id, 999)).isInstanceOf(IllegalArgumentException.class);
        outbox.startUpload(id, URI.create("https://x/new"), "sync");
        OutboxEntry e = outbox.entry(id).orElseThrow();
        assertThat(e.uploadUrl()).hasToString("https://x/new");
        assertThat(e.uploadOffset()).isZero();
        assertThat(store.auditTrail(1, 10_000)).extracting(AuditEntry::action).contains(AuditActions.UPLOAD_STARTED);
    }

    @Test
    void purgeDropsPayloadAfterRetentionButKeepsTombstoneAndTemplates() throws Exception {
        EnrollmentRecord r = demo.next();
        String id = store.saveEnrollment(r).packetId();
        String sha = outbox.entry(id).orElseThrow().sha256();
        outbox.approve(List.of(id), "spv");
        outbox.enqueue(List.of(id), "sync");
        outbox.startUpload(id, URI.create("https://x/1"), "sync");
        outbox.markAcknowledged(id, "sync");
        outbox.markConfirmed(id, "sync");
        assertThat(outbox.purgeConfirmed(Duration.ofDays(30), "sync")).isZero();
        clock.advance(Duration.ofDays(31));
        assertThat(outbox.purgeConfirmed(Duration.ofDays(30), "sync")).isEqualTo(1);
        assertThat(outbox.purgeConfirmed(Duration.ofDays(30), "sync")).isZero();

        assertThatThrownBy(() -> store.findById(r.id())).isInstanceOf(PayloadPurgedException.class);
        assertThatThrownBy(() -> outbox.readPacket(id)).isInstanceOf(PayloadPurgedException.class);
        OutboxEntry tomb = outbox.entry(id).orElseThrow();
        assertThat(tomb.sha256()).isEqualTo(sha);
        assertThat(tomb.state()).isEqualTo(OutboxState.CONFIRMED);
        assertThat(store.findSummary(r.id()).orElseThrow().payloadPurged()).isTrue();
        var templates = store.fingerprintTemplates(r.id());
        for (FingerPosition f : FingerPosition.values()) {
            if (r.finger(f).hasPrint()) {
                assertThat(templates.get(f)).isEqualTo(r.finger(f).template());
            }
        }
        try (Statement s = store.database().connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT body IS NULL, length(templates) FROM packets WHERE id = '" + id + "'")) {
            rs.next();
            assertThat(rs.getBoolean(1)).isTrue();
            assertThat(rs.getInt(2)).isLessThan(10_000); // templates only, no images or photo
        }
        assertThat(store.auditTrail(1, 10_000)).filteredOn(e -> e.action().equals(AuditActions.PAYLOAD_PURGED))
                .singleElement().satisfies(e -> assertThat(e.details()).contains(sha));
        assertThat(store.verify().ok()).isTrue();
    }

    @Test
    void packetsAreImmutableInTheDatabaseItself() {
        String id = capture();
        assertThatThrownBy(() -> {
            try (Statement s = store.database().connection().createStatement()) {
                s.executeUpdate("UPDATE packets SET sha256 = 'x' WHERE id = '" + id + "'");
            }
        }).hasMessageContaining("immutable");
    }

    @Test
    void eventsAreSealedDeliveredOldestFirstAndMarkedSentIdempotently() {
        String e1 = store.events().append("handover", "{\"record\":\"a\"}", "spv");
        clock.advance(Duration.ofSeconds(1));
        String e2 = store.events().append("approval", "{\"record\":\"b\"}", "spv");
        assertThat(store.events().pending(10)).extracting(ev -> ev.id() + ev.jsonPayload())
                .containsExactly(e1 + "{\"record\":\"a\"}", e2 + "{\"record\":\"b\"}");
        store.events().markSent(e1, "sync");
        store.events().markSent(e1, "sync");
        assertThat(store.events().pending(10)).extracting(ev -> ev.id()).containsExactly(e2);
        assertThat(store.events().countByState()).containsEntry(EventState.SENT, 1L).containsEntry(EventState.PENDING, 1L);
        assertThat(store.auditTrail(1, 1000)).filteredOn(a -> a.action().equals(AuditActions.EVENT_SENT)).hasSize(1);
    }
}
