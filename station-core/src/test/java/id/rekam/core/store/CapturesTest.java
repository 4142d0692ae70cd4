package id.rekam.core.store;

import id.rekam.core.audit.AuditActions;
import id.rekam.core.audit.AuditEntry;
import id.rekam.core.auth.AuthException;
import id.rekam.core.auth.Role;
import id.rekam.core.commit.ApprovalMode;
import id.rekam.core.commit.CaptureCommit;
import id.rekam.core.commit.DuplicateOverride;
import id.rekam.core.commit.RecordReview;
import id.rekam.core.commit.ReviewFindings;
import id.rekam.core.commit.ReviewNote;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.identification.DuplicatePolicy;
import id.rekam.fixtures.DemoRecords;
import id.rekam.fixtures.EnrollmentBuilder;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.RegistrationId;
import id.rekam.core.outbox.IllegalTransitionException;
import id.rekam.core.outbox.OutboxState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One core call commits a capture with its duplicate override, its approval (or its wait for
 * one) and its queueing; the commit policy is enforced there on the store's own roles. A failure
 * injected at each write of the commit (an SQLite trigger aborting that statement, as a full disk
 * or a bug would) leaves nothing half-done behind.
 */
class CapturesTest {

    static final String REASON = "kembar identik, KK 3276010101900009 sudah dicek";

    @TempDir
    Path dir;

    private final TestStores.MutableClock clock = new TestStores.MutableClock(Instant.parse("2026-11-25T03:00:00Z"));
    private final DemoRecords demo = TestStores.demo(51);
    private StationStore store;
    private Captures captures;

    @BeforeEach
    void open() {
        // A one-supervisor office's choice: "spv" approves what "spv" records (SelfApprovalTest has the default, off).
        store = TestStores.create(dir, TestStores.fastOptions(clock).withSelfApproval(true));
        store.operators().createFirstSupervisor("spv", "rahasia-spv".toCharArray());
        store.operators().createAccount("spv", "spv2", Role.SUPERVISOR, "rahasia-spv2".toCharArray());
        store.operators().createAccount("spv", "op1", Role.OPERATOR, "rahasia-op1".toCharArray());
        captures = store.captures();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private EnrollmentRecord recordedBy(String operator) {
        clock.advance(Duration.ofSeconds(1));
        return EnrollmentBuilder.from(demo.next()).operatorId(operator).build();
    }

    private OutboxState state(EnrollmentRecord r) {
        return store.findSummary(r.id()).orElseThrow().state();
    }

    // ------------------------------------------------------------------ policy

    @Test
    void whoRecordsAndHowTheStationApprovesDecideWhetherARecordWaits() {
        EnrollmentRecord byOperator = recordedBy("op1");
        EnrollmentRecord bySupervisorPerRecord = recordedBy("spv");
        EnrollmentRecord bySupervisorEndOfDay = recordedBy("spv");
        assertThat(captures.commit(CaptureCommit.of(byOperator, ApprovalMode.PER_RECORD)).state())
                .isEqualTo(OutboxState.CAPTURED);
        assertThat(captures.commit(CaptureCommit.of(bySupervisorPerRecord, ApprovalMode.PER_RECORD)).state())
                .isEqualTo(OutboxState.QUEUED);
        assertThat(captures.commit(CaptureCommit.of(bySupervisorEndOfDay, ApprovalMode.END_OF_DAY)).state())
                .isEqualTo(OutboxState.CAPTURED);
        assertThat(state(bySupervisorPerRecord)).isEqualTo(OutboxState.QUEUED);
        assertThat(captures.waitingApproval(10)).containsExactly(byOperator.id(), bySupervisorEndOfDay.id());
        assertThat(store.outbox().entry(bySupervisorPerRecord.id().value()).orElseThrow().state())
                .isEqualTo(OutboxState.QUEUED);
    }

    @Test
    void anOverrideTakesASupervisorAndAReasonWhichIsSealedAndNotInTheAuditTrail() throws Exception {
        EnrollmentRecord r = recordedBy("op1");
        assertThatThrownBy(() -> captures.commit(CaptureCommit.of(r, ApprovalMode.END_OF_DAY)
                .withOverride(new DuplicateOverride("op1", REASON)))).isInstanceOf(AuthException.class);
        assertThatThrownBy(() -> captures.commit(CaptureCommit.of(r, ApprovalMode.END_OF_DAY)
                .withOverride(new DuplicateOverride("spv", "   ")))).isInstanceOf(StoreException.class)
                .hasMessageContaining("Alasan");
        assertThat(store.findSummary(r.id())).isEmpty();

        captures.commit(CaptureCommit.of(r, ApprovalMode.END_OF_DAY).withOverride(new DuplicateOverride("spv", REASON)));
        assertThat(captures.override(r.id())).contains(new DuplicateOverride("spv", REASON));
        assertThat(store.auditTrail(1, 1000)).filteredOn(e -> e.action().equals(AuditActions.DUPLICATE_OVERRIDE))
                .singleElement().satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("spv");
                    assertThat(e.subject()).isEqualTo(r.id().value());
                    assertThat(e.details()).isEqualTo("{\"operator\":\"op1\"}");
                });
        store.backupNow();
        assertThat(AtRestEncryptionTest.findNeedles(dir, List.of("kembar identik".getBytes(StandardCharsets.UTF_8))))
                .isEmpty();
        assertThat(captures.override(recordedBy("op1").id())).isEmpty();
    }

    @Test
    void onlyASupervisorApprovesAndApprovalQueuesAllOrNothing() {
        EnrollmentRecord a = recordedBy("op1");
        EnrollmentRecord b = recordedBy("op1");
        captures.commit(CaptureCommit.of(a, ApprovalMode.END_OF_DAY));
        captures.commit(CaptureCommit.of(b, ApprovalMode.END_OF_DAY));
        assertThatThrownBy(() -> captures.approve(List.of(a.id()), "op1")).isInstanceOf(AuthException.class);
        assertThatThrownBy(() -> store.outbox().approve(List.of(a.id().value()), "op1")).isInstanceOf(AuthException.class);
        captures.approve(List.of(a.id()), "spv2");
        // b is fine, a is no longer waiting: neither is approved.
        assertThatThrownBy(() -> captures.approve(List.of(b.id(), a.id()), "spv"))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(state(a)).isEqualTo(OutboxState.QUEUED);
        assertThat(state(b)).isEqualTo(OutboxState.CAPTURED);
        captures.approve(List.of(b.id()), "spv");
        assertThat(state(b)).isEqualTo(OutboxState.QUEUED);
    }

    // ------------------------------------------------------------------ review (issue 12)

    /** Five prints and five exceptions: one more exception than {@code DuplicatePolicy.DEFAULT} allows. */
    private EnrollmentRecord withExceptions(String operator, int exceptions) {
        EnrollmentRecord r = recordedBy(operator);
        Map<FingerPosition, byte[]> kept = new java.util.EnumMap<>(FingerPosition.class);
        for (FingerPosition p : FingerPosition.values()) {
            if (p.ordinal() >= exceptions) {
                kept.put(p, r.finger(p).template());
            }
        }
        byte[] image = r.fingerprints().get(0).image();
        return EnrollmentBuilder.from(r).onlyPrints(kept, image, "R30X-4BIT-256x288", 80).build();
    }

    @Test
    void moreExceptionsThanThePolicyAllowsWaitForASupervisorsReviewWhateverTheDeskSaid() throws Exception {
        int allowed = DuplicatePolicy.DEFAULT.maxExceptions();
        EnrollmentRecord atTheLimit = withExceptions("spv", allowed);
        EnrollmentRecord beyond = withExceptions("spv", allowed + 1);
        // A supervisor recording at a per-record desk approves at commit, but not past the allowance.
        assertThat(captures.commit(CaptureCommit.of(atTheLimit, ApprovalMode.PER_RECORD)).state())
                .isEqualTo(OutboxState.QUEUED);
        assertThat(captures.commit(CaptureCommit.of(beyond, ApprovalMode.PER_RECORD)).state())
                .isEqualTo(OutboxState.CAPTURED);
        assertThat(captures.awaitingReview(beyond.id())).isTrue();
        assertThat(captures.awaitingReview(atTheLimit.id())).isFalse();
        RecordReview review = captures.review(beyond.id()).orElseThrow();
        assertThat(review.findings().reasons()).containsExactly(ReviewFindings.Reason.TOO_MANY_EXCEPTIONS);
        assertThat(review.awaiting()).isTrue();

        // Approval without a note, by an operator, or with a blank note: refused, nothing approved.
        assertThatThrownBy(() -> captures.approve(List.of(beyond.id()), "spv")).isInstanceOf(StoreException.class)
                .hasMessageContaining("ditinjau");
        assertThatThrownBy(() -> captures.approve(List.of(beyond.id()), "op1", "sudah dicek")).isInstanceOf(AuthException.class);
        assertThatThrownBy(() -> captures.approve(List.of(beyond.id()), "spv", "  ")).isInstanceOf(StoreException.class);
        // The outbox's own approval (by packet id, the tools' path) holds to the same rule.
        assertThatThrownBy(() -> store.outbox().approve(List.of(beyond.id().value()), "spv"))
                .isInstanceOf(StoreException.class).hasMessageContaining(beyond.id().value());
        assertThat(state(beyond)).isEqualTo(OutboxState.CAPTURED);
        assertThat(captures.awaitingReview(beyond.id())).isTrue();

        String note = "lima jari diperban, luka bakar; KK 3276010101900009 dicocokkan";
        captures.approve(List.of(beyond.id()), "spv2", note);
        assertThat(state(beyond)).isEqualTo(OutboxState.QUEUED);
        RecordReview done = captures.review(beyond.id()).orElseThrow();
        assertThat(done.reviewNote()).contains(new ReviewNote("spv2", note));
        assertThat(done.reviewedAt()).isNotNull();
        assertThat(store.auditTrail(1, 10_000)).filteredOn(e -> beyond.id().value().equals(e.subject()))
                .extracting(AuditEntry::action).containsSubsequence(AuditActions.ENROLLMENT_CAPTURED,
                        AuditActions.REVIEW_REQUIRED, AuditActions.RECORD_REVIEWED, AuditActions.OUTBOX_TRANSITION);
        assertThat(store.auditTrail(1, 10_000)).filteredOn(e -> e.action().equals(AuditActions.REVIEW_REQUIRED))
                .singleElement().satisfies(e -> assertThat(e.details())
                        .isEqualTo("{\"candidates\":0,\"reasons\":[\"too-many-exceptions\"]}"));
        store.backupNow();
        assertThat(AtRestEncryptionTest.findNeedles(dir, List.of("luka bakar".getBytes(StandardCharsets.UTF_8))))
                .as("the note is sealed").isEmpty();
    }

    @Test
    void aCrossPositionMatchWaitsUnlessASupervisorReviewedItAtTheDesk() {
        ReviewFindings crossPosition = new ReviewFindings(EnumSet.of(ReviewFindings.Reason.CROSS_POSITION),
                List.of(new ReviewFindings.Candidate("a-record-of-this-station", List.of(
                        new DuplicatePolicy.FingerScore(FingerPosition.RIGHT_THUMB, FingerPosition.RIGHT_INDEX, 143.2),
                        new DuplicatePolicy.FingerScore(FingerPosition.RIGHT_INDEX, FingerPosition.RIGHT_MIDDLE, 98.0)))));
        EnrollmentRecord waits = recordedBy("spv");
        assertThat(captures.commit(CaptureCommit.of(waits, ApprovalMode.PER_RECORD).withReview(crossPosition)).state())
                .isEqualTo(OutboxState.CAPTURED);
        assertThat(captures.review(waits.id()).orElseThrow().findings()).isEqualTo(crossPosition);

        // A review note at commit takes a supervisor: an operator's is refused and nothing is stored.
        EnrollmentRecord byOperator = recordedBy("op1");
        assertThatThrownBy(() -> captures.commit(CaptureCommit.of(byOperator, ApprovalMode.END_OF_DAY)
                .withReview(crossPosition).withReviewNote(new ReviewNote("op1", "bukan orang yang sama"))))
                .isInstanceOf(AuthException.class);
        assertThat(store.findSummary(byOperator.id())).isEmpty();

        EnrollmentRecord reviewed = recordedBy("spv");
        assertThat(captures.commit(CaptureCommit.of(reviewed, ApprovalMode.PER_RECORD).withReview(crossPosition)
                .withReviewNote(new ReviewNote("spv2", "jari telunjuk dan jempol tertukar, orang berbeda"))).state())
                .as("reviewed at the desk: the per-record supervisor's commit approves it").isEqualTo(OutboxState.QUEUED);
        assertThat(captures.review(reviewed.id()).orElseThrow().reviewNote().orElseThrow().supervisor()).isEqualTo("spv2");
        // A record that needs no review has none, and approval needs no note.
        EnrollmentRecord plain = recordedBy("op1");
        captures.commit(CaptureCommit.of(plain, ApprovalMode.END_OF_DAY));
        assertThat(captures.review(plain.id())).isEmpty();
        captures.approve(List.of(plain.id()), "spv");
        assertThat(state(plain)).isEqualTo(OutboxState.QUEUED);
    }

    // ------------------------------------------------------------------ atomicity

    /** Each names one write of a commit by a supervisor at a per-record desk, with an override. */
    static final Map<String, String> FAILURES = Map.ofEntries(
            Map.entry("record", "BEFORE INSERT ON records"),
            Map.entry("packet", "BEFORE INSERT ON packets"),
            Map.entry("templates", "BEFORE INSERT ON fingerprint_templates"),
            Map.entry("outbox", "BEFORE INSERT ON outbox"),
            Map.entry("capture-audit", "BEFORE INSERT ON audit_log WHEN NEW.action = 'ENROLLMENT_CAPTURED'"),
            Map.entry("override", "BEFORE INSERT ON duplicate_overrides"),
            Map.entry("override-audit", "BEFORE INSERT ON audit_log WHEN NEW.action = 'DUPLICATE_OVERRIDE'"),
            Map.entry("approval", "BEFORE UPDATE OF state ON outbox WHEN NEW.state = 'APPROVED'"),
            Map.entry("approval-audit", "BEFORE INSERT ON audit_log WHEN NEW.details LIKE '%\"to\":\"APPROVED\"%'"),
            Map.entry("approver", "BEFORE UPDATE OF approved_by ON outbox"),
            Map.entry("queue", "BEFORE UPDATE OF state ON outbox WHEN NEW.state = 'QUEUED'"),
            Map.entry("queue-audit", "BEFORE INSERT ON audit_log WHEN NEW.details LIKE '%\"to\":\"QUEUED\"%'"),
            // The very last write: the audit head after the queue's audit entry.
            Map.entry("audit-head", "BEFORE UPDATE ON audit_head WHEN EXISTS "
                    + "(SELECT 1 FROM audit_log WHERE details LIKE '%\"to\":\"QUEUED\"%')"));

    @ParameterizedTest
    @ValueSource(strings = {"record", "packet", "templates", "outbox", "capture-audit", "override", "override-audit",
            "approval", "approval-audit", "approver", "queue", "queue-audit", "audit-head"})
    void aFailureAtAnyStepOfTheCommitLeavesNothingBehind(String step) throws Exception {
        EnrollmentRecord r = recordedBy("spv");
        CaptureCommit request = CaptureCommit.of(r, ApprovalMode.PER_RECORD)
                .withOverride(new DuplicateOverride("spv2", REASON));
        Map<String, Long> before = counts();
        long auditBefore = store.auditTrail(1, 100_000).size();
        exec("CREATE TRIGGER injected " + FAILURES.get(step) + " BEGIN SELECT RAISE(ABORT, 'injected at " + step
                + "'); END");

        assertThatThrownBy(() -> captures.commit(request)).hasMessageContaining("injected at " + step);

        assertThat(counts()).as("rows after a failure at " + step).isEqualTo(before);
        assertThat(store.auditTrail(1, 100_000)).hasSize((int) auditBefore);
        assertThat(store.verify().ok()).isTrue();
        assertThat(store.findByNik(r.demographics().nik())).isEmpty();
        assertThat(store.search(r.demographics().fullName(), 5)).isEmpty();
        assertThat(captures.override(r.id())).isEmpty();

        // The same commit goes through once the fault is gone, whole.
        exec("DROP TRIGGER injected");
        assertThat(captures.commit(request).state()).isEqualTo(OutboxState.QUEUED);
        assertThat(counts()).containsEntry("records", before.get("records") + 1)
                .containsEntry("packets", before.get("packets") + 1)
                .containsEntry("fingerprint_templates", before.get("fingerprint_templates") + 1)
                .containsEntry("queued", before.get("queued") + 1)
                .containsEntry("duplicate_overrides", before.get("duplicate_overrides") + 1);
        assertThat(store.auditTrail(1, 100_000)).filteredOn(e -> r.id().value().equals(e.subject()))
                .extracting(AuditEntry::action).containsExactly(AuditActions.ENROLLMENT_CAPTURED,
                        AuditActions.DUPLICATE_OVERRIDE, AuditActions.OUTBOX_TRANSITION, AuditActions.OUTBOX_TRANSITION);
        assertThat(store.search(r.demographics().fullName(), 5)).extracting(s -> s.id()).containsExactly(r.id());
        assertThat(store.verify().ok()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"approval", "approval-audit", "approver", "queue", "queue-audit"})
    void aFailureWhileApprovingLeavesEveryRecordWaiting(String step) throws Exception {
        EnrollmentRecord a = recordedBy("op1");
        EnrollmentRecord b = recordedBy("op1");
        captures.commit(CaptureCommit.of(a, ApprovalMode.END_OF_DAY));
        captures.commit(CaptureCommit.of(b, ApprovalMode.END_OF_DAY));
        long auditBefore = store.auditTrail(1, 100_000).size();
        // Fail on the second record, after every step of the first one has run.
        String onB = " '" + b.id().value() + "'";
        String when = switch (step) {
            case "approval" -> "BEFORE UPDATE OF state ON outbox WHEN NEW.state = 'APPROVED' AND NEW.packet_id =" + onB;
            case "approval-audit" -> "BEFORE INSERT ON audit_log WHEN NEW.subject =" + onB
                    + " AND NEW.details LIKE '%\"to\":\"APPROVED\"%'";
            case "approver" -> "BEFORE UPDATE OF approved_by ON outbox WHEN NEW.packet_id =" + onB;
            case "queue" -> "BEFORE UPDATE OF state ON outbox WHEN NEW.state = 'QUEUED' AND NEW.packet_id =" + onB;
            default -> "BEFORE INSERT ON audit_log WHEN NEW.subject =" + onB
                    + " AND NEW.details LIKE '%\"to\":\"QUEUED\"%'";
        };
        exec("CREATE TRIGGER injected " + when + " BEGIN SELECT RAISE(ABORT, 'injected at " + step + "'); END");

        assertThatThrownBy(() -> captures.approve(List.of(a.id(), b.id()), "spv")).hasMessageContaining("injected");

        assertThat(state(a)).isEqualTo(OutboxState.CAPTURED);
        assertThat(state(b)).isEqualTo(OutboxState.CAPTURED);
        assertThat(store.auditTrail(1, 100_000)).hasSize((int) auditBefore);
        assertThat(store.verify().ok()).isTrue();
    }

    @Test
    void aRefusedOverrideStoresNothingEvenAfterTheRecordRowsWereWritten() throws Exception {
        EnrollmentRecord r = recordedBy("spv");
        Map<String, Long> before = counts();
        assertThatThrownBy(() -> captures.commit(CaptureCommit.of(r, ApprovalMode.PER_RECORD)
                .withOverride(new DuplicateOverride("op1", REASON)))).isInstanceOf(AuthException.class);
        assertThat(counts()).isEqualTo(before);
        assertThat(store.findByNik(r.demographics().nik())).isEmpty();
    }

    private Map<String, Long> counts() throws SQLException {
        return Map.of("records", count("SELECT count(*) FROM records"),
                "packets", count("SELECT count(*) FROM packets"),
                "fingerprint_templates", count("SELECT count(*) FROM fingerprint_templates"),
                "identification_reviews", count("SELECT count(*) FROM identification_reviews"),
                "outbox", count("SELECT count(*) FROM outbox"),
                "queued", count("SELECT count(*) FROM outbox WHERE state = 'QUEUED'"),
                "approved", count("SELECT count(*) FROM outbox WHERE state = 'APPROVED'"),
                "duplicate_overrides", count("SELECT count(*) FROM duplicate_overrides"));
    }

    private long count(String sql) throws SQLException {
        try (Statement s = store.database().connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void exec(String sql) throws SQLException {
        try (Statement s = store.database().connection().createStatement()) {
            s.execute(sql);
        }
    }
}
