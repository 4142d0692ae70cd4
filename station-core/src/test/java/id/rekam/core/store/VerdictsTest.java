package id.rekam.core.store;

import id.rekam.core.audit.AuditActions;
import id.rekam.core.audit.AuditEntry;
import id.rekam.core.crypto.DecryptionException;
import id.rekam.fixtures.DemoRecords;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.domain.Nik;
import id.rekam.core.domain.RegistrationId;
import id.rekam.core.outbox.Outbox;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.verdict.ServerVerdict;
import id.rekam.core.verdict.Verdicts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server's verdicts are the record's state plus sealed data: read back whole (the other
 * record's NIK in full), never re-read from the audit trail, each state change audited without
 * personal data, one transaction per verdict.
 */
class VerdictsTest {

    static final String OTHER_NIK = "3276014509870001";
    static final String OTHER_ID = "5f0c9a52-8a9e-4d43-9d7b-1f6a3c2b9e10";

    @TempDir
    Path dir;

    private final TestStores.MutableClock clock = new TestStores.MutableClock(Instant.parse("2026-11-25T03:00:00Z"));
    private final DemoRecords demo = TestStores.demo(31);
    private StationStore store;
    private Outbox outbox;
    private Verdicts verdicts;

    @BeforeEach
    void open() {
        store = TestStores.create(dir, TestStores.fastOptions(clock));
        store.operators().createFirstSupervisor("spv", "rahasia-spv".toCharArray());
        outbox = store.outbox();
        verdicts = store.verdicts();
    }

    @AfterEach
    void close() {
        store.close();
    }

    static ServerVerdict.Duplicate duplicateOf(String nik) {
        return new ServerVerdict.Duplicate(Instant.parse("2026-11-25T04:00:00Z"), ServerVerdict.MatchedBy.FINGERPRINT,
                new ServerVerdict.OtherRecord(OTHER_ID, "ST-337105-0002", "33.71.05", nik, false,
                        Instant.parse("2026-10-01T02:00:00Z")),
                List.of(new ServerVerdict.FingerScore(FingerPosition.RIGHT_THUMB, 187.3, true),
                        new ServerVerdict.FingerScore(FingerPosition.RIGHT_INDEX, 12.5, false)), 40.0);
    }

    /** A packet the server is working on: approved, queued, upload started. */
    private String uploading() {
        clock.advance(Duration.ofSeconds(1));
        String id = store.saveEnrollment(demo.next()).packetId();
        // An enrollment's packet carries its record's id.
        store.captures().approve(List.of(new RegistrationId(id)), "spv");
        outbox.startUpload(id, URI.create("https://pusat.example/v1/uploads/" + id), "sync");
        return id;
    }

    private List<AuditEntry> trailOf(String id) {
        return store.auditTrail(1, 10_000).stream().filter(e -> id.equals(e.subject())).toList();
    }

    @Test
    void aDuplicateIsKeptWholeAndSealedWithTheOtherRecordsNikInFull() throws Exception {
        String id = uploading();
        ServerVerdict.Duplicate dup = duplicateOf(OTHER_NIK);
        assertThat(verdicts.apply(id, dup, "sync")).isTrue();

        assertThat(outbox.entry(id).orElseThrow().state()).isEqualTo(OutboxState.DUPLICATE);
        ServerVerdict read = verdicts.latest(id).orElseThrow();
        assertThat(read).isEqualTo(dup);
        assertThat(verdicts.ofRecord(new RegistrationId(id))).contains(dup);
        ServerVerdict.Duplicate back = (ServerVerdict.Duplicate) read;
        assertThat(back.other().fullNik()).contains(Nik.of(OTHER_NIK));
        assertThat(back.fingers()).extracting(ServerVerdict.FingerScore::score).containsExactly(187.3, 12.5);
        // Audited: who and what, no NIK, no name.
        assertThat(trailOf(id)).extracting(AuditEntry::details).containsSubsequence(
                "{\"from\":\"UPLOADING\",\"to\":\"ACKNOWLEDGED\"}",
                "{\"decidedAt\":\"2026-11-25T04:00:00Z\",\"from\":\"ACKNOWLEDGED\",\"matchedBy\":\"fingerprint\","
                        + "\"matchingFingers\":1,\"otherRecord\":\"" + OTHER_ID + "\",\"otherStation\":\"ST-337105-0002\","
                        + "\"to\":\"DUPLICATE\",\"verdict\":\"duplicate\"}");
        // Sealed at rest: the other record's NIK is in no file of the station.
        store.backupNow();
        assertThat(AtRestEncryptionTest.findNeedles(dir, List.of(OTHER_NIK.getBytes(StandardCharsets.US_ASCII))))
                .isEmpty();
        // Applying it again (a re-read feed page) changes nothing.
        int audited = trailOf(id).size();
        assertThat(verdicts.apply(id, dup, "sync")).isTrue();
        assertThat(trailOf(id)).hasSize(audited);
        assertThat(verdicts.history(id)).hasSize(1);
        assertThat(store.verify().ok()).isTrue();
    }

    @Test
    void printReadyIsTheRecordsStateReachedThroughConfirmedInOneTransaction() {
        String id = uploading();
        Instant at = Instant.parse("2026-11-26T01:00:00Z");
        assertThat(verdicts.apply(id, new ServerVerdict.PrintReady(at), "sync")).isTrue();
        assertThat(outbox.entry(id).orElseThrow().state()).isEqualTo(OutboxState.PRINT_READY);
        assertThat(store.findSummary(new RegistrationId(id)).orElseThrow().state()).isEqualTo(OutboxState.PRINT_READY);
        assertThat(trailOf(id)).filteredOn(e -> e.action().equals(AuditActions.OUTBOX_TRANSITION))
                .extracting(e -> e.details().replace("\"decidedAt\":\"" + at + "\",", "")
                        .replace(",\"verdict\":\"print-ready\"", "")).endsWith(
                        "{\"from\":\"UPLOADING\",\"to\":\"ACKNOWLEDGED\"}",
                        "{\"from\":\"ACKNOWLEDGED\",\"to\":\"CONFIRMED\"}",
                        "{\"from\":\"CONFIRMED\",\"to\":\"PRINT_READY\"}");
        // The feed's older "accepted" entry read afterwards neither moves the record back nor hides print-ready.
        assertThat(verdicts.apply(id, new ServerVerdict.Accepted(at.minusSeconds(60), List.of()), "sync")).isTrue();
        assertThat(outbox.entry(id).orElseThrow().state()).isEqualTo(OutboxState.PRINT_READY);
        assertThat(verdicts.latest(id)).contains(new ServerVerdict.PrintReady(at));
        assertThat(verdicts.history(id)).hasSize(2);
        // Nothing about print-ready is read from the audit trail: the record's state says it.
        assertThat(store.auditTrail(1, 10_000)).noneMatch(e -> e.action().startsWith("sync."));
    }

    @Test
    void aRejectionKeepsCodeAndMessageInFullButAuditsOnlyTheCode() throws Exception {
        String id = uploading();
        ServerVerdict.Rejected r = new ServerVerdict.Rejected(null, "nik-blocked",
                "NIK " + OTHER_NIK + " is blocked by Dukcapil");
        assertThat(verdicts.apply(id, r, "sync")).isTrue();
        assertThat(outbox.entry(id).orElseThrow().state()).isEqualTo(OutboxState.REJECTED);
        assertThat(verdicts.latest(id)).contains(r);
        assertThat(trailOf(id).get(trailOf(id).size() - 1).details())
                .isEqualTo("{\"code\":\"nik-blocked\",\"from\":\"ACKNOWLEDGED\",\"to\":\"REJECTED\",\"verdict\":\"rejected\"}");
        assertThat(AtRestEncryptionTest.findNeedles(dir, List.of(OTHER_NIK.getBytes(StandardCharsets.US_ASCII))))
                .isEmpty();
    }

    static ServerVerdict.NeedsReview needsReview() {
        return new ServerVerdict.NeedsReview(Instant.parse("2026-11-25T04:00:00Z"), List.of("cross-position"),
                List.of(new ServerVerdict.ReviewCandidate(new ServerVerdict.OtherRecord(OTHER_ID, "ST-337105-0002",
                        "33.71.05", OTHER_NIK, false, Instant.parse("2026-10-01T02:00:00Z")), List.of(
                        new ServerVerdict.FingerScore(FingerPosition.RIGHT_THUMB, 143.2, true, FingerPosition.RIGHT_INDEX),
                        new ServerVerdict.FingerScore(FingerPosition.LEFT_THUMB, 88.0, true)))), 1, 60.0);
    }

    /** Issue 12: the server's needs-review is kept like a verdict, and the official's decision after it lands as usual. */
    @Test
    void aServerReviewIsKeptSealedAndTheOfficialsDecisionFollowsIt() throws Exception {
        String accepted = uploading();
        ServerVerdict.NeedsReview review = needsReview();
        assertThat(verdicts.apply(accepted, review, "sync")).isTrue();
        assertThat(outbox.entry(accepted).orElseThrow().state()).isEqualTo(OutboxState.SERVER_REVIEW);
        assertThat(verdicts.latest(accepted)).contains(review);
        ServerVerdict.NeedsReview back = (ServerVerdict.NeedsReview) verdicts.latest(accepted).orElseThrow();
        assertThat(back.candidates().get(0).fingers().get(0).against()).isEqualTo(FingerPosition.RIGHT_INDEX);
        assertThat(back.candidates().get(0).fingers().get(1).against()).isEqualTo(FingerPosition.LEFT_THUMB);
        assertThat(trailOf(accepted).get(trailOf(accepted).size() - 1).details()).isEqualTo(
                "{\"candidates\":[\"" + OTHER_ID + "\"],\"decidedAt\":\"2026-11-25T04:00:00Z\",\"from\":\"ACKNOWLEDGED\","
                        + "\"reasons\":[\"cross-position\"],\"to\":\"SERVER_REVIEW\",\"verdict\":\"needs-review\"}");
        assertThat(verdicts.apply(accepted, review, "sync")).as("again: no change").isTrue();
        assertThat(verdicts.history(accepted)).hasSize(1);
        // Accepted in one page with others, then print-ready: each supersedes the review.
        assertThat(verdicts.applyAccepted(Map.of(accepted, new ServerVerdict.Accepted(null, List.of())), "sync"))
                .containsExactly(accepted);
        assertThat(outbox.entry(accepted).orElseThrow().state()).isEqualTo(OutboxState.CONFIRMED);
        assertThat(verdicts.latest(accepted)).containsInstanceOf(ServerVerdict.Accepted.class);
        verdicts.apply(accepted, new ServerVerdict.PrintReady(null), "sync");
        assertThat(verdicts.latest(accepted)).containsInstanceOf(ServerVerdict.PrintReady.class);

        String duplicate = uploading();
        verdicts.apply(duplicate, review, "sync");
        assertThat(verdicts.apply(duplicate, duplicateOf(OTHER_NIK), "sync")).isTrue();
        assertThat(outbox.entry(duplicate).orElseThrow().state()).isEqualTo(OutboxState.DUPLICATE);
        assertThat(verdicts.latest(duplicate)).containsInstanceOf(ServerVerdict.Duplicate.class);
        // A review after a final verdict changes nothing.
        verdicts.apply(duplicate, review, "sync");
        assertThat(outbox.entry(duplicate).orElseThrow().state()).isEqualTo(OutboxState.DUPLICATE);
        store.backupNow();
        assertThat(AtRestEncryptionTest.findNeedles(dir, List.of(OTHER_NIK.getBytes(StandardCharsets.US_ASCII))))
                .isEmpty();
    }

    @Test
    void aPacketNotWaitingForAVerdictOrUnknownIsLeftAlone() {
        clock.advance(Duration.ofSeconds(1));
        String captured = store.saveEnrollment(demo.next()).packetId();
        assertThat(verdicts.apply(captured, new ServerVerdict.Accepted(null, List.of()), "sync")).isFalse();
        assertThat(verdicts.apply("no-such-packet", duplicateOf(OTHER_NIK), "sync")).isFalse();
        assertThat(outbox.entry(captured).orElseThrow().state()).isEqualTo(OutboxState.CAPTURED);
        assertThat(verdicts.latest(captured)).isEmpty();
    }

    @Test
    void aFinalVerdictStands() {
        String id = uploading();
        verdicts.apply(id, duplicateOf(OTHER_NIK), "sync");
        assertThat(verdicts.apply(id, new ServerVerdict.PrintReady(null), "sync")).isTrue();
        assertThat(outbox.entry(id).orElseThrow().state()).isEqualTo(OutboxState.DUPLICATE);
        assertThat(verdicts.history(id)).singleElement().isInstanceOf(ServerVerdict.Duplicate.class);
    }

    @Test
    void acceptedVerdictsOfAPageCommitTogetherWithTheirWarnings() {
        String a = uploading();
        String b = uploading();
        outbox.markAcknowledged(b, "sync");
        Map<String, ServerVerdict.Accepted> page = new LinkedHashMap<>();
        page.put(a, new ServerVerdict.Accepted(null, List.of("finger-03.tpl is not a SourceAFIS template")));
        page.put(b, new ServerVerdict.Accepted(null, List.of()));
        page.put("unknown", new ServerVerdict.Accepted(null, List.of()));
        assertThat(verdicts.applyAccepted(page, "sync")).containsExactly(a, b);
        assertThat(verdicts.applyAccepted(page, "sync")).isEmpty();
        assertThat(outbox.entry(a).orElseThrow().state()).isEqualTo(OutboxState.CONFIRMED);
        assertThat(((ServerVerdict.Accepted) verdicts.latest(a).orElseThrow()).warnings())
                .containsExactly("finger-03.tpl is not a SourceAFIS template");
    }

    @Test
    void aFailureWhileStoringTheVerdictLeavesTheStateUnchanged() throws Exception {
        String id = uploading();
        try (Statement s = store.database().connection().createStatement()) {
            s.execute("CREATE TRIGGER fail_verdict BEFORE INSERT ON verdicts BEGIN SELECT RAISE(ABORT, 'injected'); END");
        }
        assertThatThrownBy(() -> verdicts.apply(id, new ServerVerdict.PrintReady(null), "sync"))
                .hasMessageContaining("injected");
        assertThat(outbox.entry(id).orElseThrow().state()).isEqualTo(OutboxState.UPLOADING);
        assertThat(trailOf(id)).noneMatch(e -> e.details().contains("ACKNOWLEDGED"));
        assertThat(store.verify().ok()).isTrue();
    }

    @Test
    void sealedVerdictDataIsBoundToItsPacketAndKind() throws Exception {
        String id = uploading();
        verdicts.apply(id, duplicateOf(OTHER_NIK), "sync");
        try (Statement s = store.database().connection().createStatement()) {
            s.execute("UPDATE verdicts SET kind = 'rejected' WHERE packet_id = '" + id + "'");
        }
        assertThatThrownBy(() -> verdicts.latest(id)).isInstanceOf(DecryptionException.class);
    }

    @Test
    void printReadyRecordsArePurgedAfterRetentionLikeConfirmedOnes() {
        String id = uploading();
        verdicts.apply(id, new ServerVerdict.PrintReady(null), "sync");
        clock.advance(Duration.ofDays(31));
        assertThat(outbox.purgeConfirmed(Duration.ofDays(30), "sync")).isEqualTo(1);
        assertThat(outbox.entry(id).orElseThrow().state()).isEqualTo(OutboxState.PRINT_READY);
    }

    @Test
    void aParkedPacketsReasonIsSealedInFullAndAuditedMasked() throws Exception {
        String id = uploading();
        outbox.markNeedsAttention(id, "server says: NIK " + OTHER_NIK + " conflicts", "sync");
        assertThat(outbox.entry(id).orElseThrow().reason()).isEqualTo("server says: NIK " + OTHER_NIK + " conflicts");
        assertThat(trailOf(id).get(trailOf(id).size() - 1).details()).contains("NIK 327601******0001 conflicts");
        String event = store.events().append("card.handed-over", "{}", "spv");
        store.events().markNeedsAttention(event, "conflict: NIK " + OTHER_NIK, "sync");
        assertThat(store.events().needingAttention(5)).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("conflict: NIK " + OTHER_NIK));
        store.backupNow();
        assertThat(AtRestEncryptionTest.findNeedles(dir, List.of(OTHER_NIK.getBytes(StandardCharsets.US_ASCII))))
                .isEmpty();
    }
}
