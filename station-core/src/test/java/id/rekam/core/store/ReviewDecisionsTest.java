package id.rekam.core.store;

import id.rekam.core.auth.AuthException;
import id.rekam.core.auth.Role;
import id.rekam.core.commit.ApprovalMode;
import id.rekam.core.commit.CaptureCommit;
import id.rekam.core.commit.CommitPolicy;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.outbox.OutboxState;
import id.rekam.fixtures.DemoRecords;
import id.rekam.fixtures.EnrollmentBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A supervisor's review besides approval: refusing a record or sending it back for correction,
 * each with a reason, by the commit policy; neither leaves the station, and a sent-back record
 * stops counting for the duplicate checks once its corrected recording is saved.
 */
class ReviewDecisionsTest {

    static final String WHY = "Foto berlatar merah, warga lahir 1990: ambil ulang dengan latar biru";

    @TempDir
    Path dir;

    private final TestStores.MutableClock clock = new TestStores.MutableClock(Instant.parse("2026-11-25T03:00:00Z"));
    private final DemoRecords demo = TestStores.demo(77);
    private StationStore store;

    @BeforeEach
    void open() {
        store = TestStores.create(dir, TestStores.fastOptions(clock));
        store.operators().createFirstSupervisor("spv", "rahasia-spv".toCharArray());
        store.operators().createAccount("spv", "op1", Role.OPERATOR, "rahasia-op1".toCharArray());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private EnrollmentRecord committed() {
        clock.advance(Duration.ofSeconds(1));
        EnrollmentRecord r = EnrollmentBuilder.from(demo.next()).operatorId("op1").build();
        store.captures().commit(CaptureCommit.of(r, ApprovalMode.END_OF_DAY));
        return r;
    }

    private OutboxState state(EnrollmentRecord r) {
        return store.findSummary(r.id()).orElseThrow().state();
    }

    @Test
    void aRefusedRecordStaysOnTheStationWithItsReasonSealed() throws Exception {
        EnrollmentRecord r = committed();
        store.captures().decline(r.id(), "spv", "  " + WHY + "  ");
        assertThat(state(r)).isEqualTo(OutboxState.DECLINED);
        assertThat(store.captures().waitingApproval(10)).doesNotContain(r.id());
        assertThat(store.outbox().deliverable(10)).isEmpty();
        var note = store.captures().supervisorDecision(r.id()).orElseThrow();
        assertThat(note.decision()).isEqualTo(OutboxState.DECLINED);
        assertThat(note.supervisor()).isEqualTo("spv");
        assertThat(note.reason()).isEqualTo(WHY);
        assertThat(store.auditTrail(0, 100)).anyMatch(a -> a.actor().equals("spv") && a.details().contains("DECLINED"))
                .noneMatch(a -> a.details().contains("latar"));
        assertThat(OutboxState.DECLINED.isFinal()).isTrue();
        assertThat(OutboxState.DECLINED.isExportable()).isFalse();
        store.close();
        byte[] db = Files.readAllBytes(dir.resolve(StationStore.DB_FILE));
        assertThat(new String(db, StandardCharsets.ISO_8859_1)).doesNotContain("latar biru");
        store = StationStore.open(dir, TestStores.PASSPHRASE, TestStores.fastOptions(clock));
    }

    @Test
    void onlyASupervisorDecidesAndOnlyWithAReason() {
        EnrollmentRecord r = committed();
        assertThatThrownBy(() -> store.captures().sendBack(r.id(), "op1", WHY)).isInstanceOf(AuthException.class);
        assertThatThrownBy(() -> store.captures().decline(r.id(), "spv", "   "))
                .isInstanceOf(StoreException.class).extracting(e -> ((StoreException) e).messageKey()).isEqualTo("review.reason");
        assertThatThrownBy(() -> store.captures().decline(r.id(), "spv", "x".repeat(CommitPolicy.MAX_REVIEW_REASON + 1)))
                .isInstanceOf(StoreException.class);
        assertThat(state(r)).isEqualTo(OutboxState.CAPTURED);
        store.captures().approve(List.of(r.id()), "spv");
        assertThatThrownBy(() -> store.captures().decline(r.id(), "spv", WHY))
                .as("an approved record is no longer under review")
                .isInstanceOf(id.rekam.core.outbox.IllegalTransitionException.class);
    }

    @Test
    void aSentBackRecordWaitsForItsOperatorUntilTheCorrectedRecordingIsSaved() {
        EnrollmentRecord r = committed();
        EnrollmentRecord other = committed();
        store.captures().sendBack(r.id(), "spv", WHY);
        assertThat(state(r)).isEqualTo(OutboxState.RETURNED);
        assertThat(store.captures().returnedTo("op1")).containsExactly(r.id());
        assertThat(store.captures().returnedTo("spv")).isEmpty();
        assertThat(CommitPolicy.countsAsRecorded(OutboxState.RETURNED)).isFalse();
        assertThat(CommitPolicy.countsAsRecorded(OutboxState.CAPTURED)).isTrue();

        // The correction: the same person, a new recording (new registration id).
        clock.advance(Duration.ofMinutes(5));
        EnrollmentRecord corrected = EnrollmentBuilder.from(demo.next()).operatorId("op1")
                .demographics(r.demographics()).build();
        store.captures().commit(CaptureCommit.of(corrected, ApprovalMode.END_OF_DAY));
        assertThat(store.captures().returnedTo("op1")).isEmpty();
        assertThat(store.findByNik(r.demographics().nik())).extracting(s -> s.state())
                .containsExactlyInAnyOrder(OutboxState.RETURNED, OutboxState.CAPTURED);
        assertThat(state(other)).isEqualTo(OutboxState.CAPTURED);
    }
}
