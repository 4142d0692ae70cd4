package id.rekam.core.store;

import id.rekam.core.audit.AuditActions;
import id.rekam.core.audit.AuditEntry;
import id.rekam.core.auth.AuthException;
import id.rekam.core.auth.Role;
import id.rekam.core.commit.ApprovalMode;
import id.rekam.core.commit.CaptureCommit;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.outbox.OutboxState;
import id.rekam.fixtures.DemoRecords;
import id.rekam.fixtures.EnrollmentBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A supervisor approving their own capture: refused unless the station chose to allow it. */
class SelfApprovalTest {

    @TempDir
    Path dir;

    private final DemoRecords demo = TestStores.demo(77);

    private StationStore store(StoreOptions options) {
        StationStore store = TestStores.create(dir, options);
        store.operators().createFirstSupervisor("spv", "rahasia-spv".toCharArray());
        store.operators().createAccount("spv", "spv2", Role.SUPERVISOR, "rahasia-spv2".toCharArray());
        return store;
    }

    private EnrollmentRecord by(String operator) {
        return EnrollmentBuilder.from(demo.next()).operatorId(operator).build();
    }

    @Test
    void offByDefaultEverywhereASupervisorCouldApproveTheirOwnRecord() {
        assertThat(StoreOptions.defaults().selfApproval()).isFalse();
        try (StationStore store = store(TestStores.fastOptions())) {
            // At a per-record desk the supervisor's own commit is no longer the approval.
            EnrollmentRecord own = by("spv");
            assertThat(store.captures().commit(CaptureCommit.of(own, ApprovalMode.PER_RECORD)).state())
                    .isEqualTo(OutboxState.CAPTURED);
            assertThatThrownBy(() -> store.captures().approve(List.of(own.id()), "spv"))
                    .isInstanceOf(AuthException.class).hasMessageContaining("spv");
            assertThatThrownBy(() -> store.outbox().approve(List.of(own.id().value()), "spv"))
                    .isInstanceOf(AuthException.class);
            assertThat(store.findSummary(own.id()).orElseThrow().state()).isEqualTo(OutboxState.CAPTURED);
            // Another supervisor approves it; a mixed batch with one own record approves nothing.
            EnrollmentRecord other = by("spv2");
            store.captures().commit(CaptureCommit.of(other, ApprovalMode.END_OF_DAY));
            assertThatThrownBy(() -> store.captures().approve(List.of(own.id(), other.id()), "spv2"))
                    .isInstanceOf(AuthException.class);
            assertThat(store.findSummary(own.id()).orElseThrow().state()).isEqualTo(OutboxState.CAPTURED);
            store.captures().approve(List.of(own.id()), "spv2");
            assertThat(store.findSummary(own.id()).orElseThrow().state()).isEqualTo(OutboxState.QUEUED);
        }
    }

    @Test
    void allowedByTheStationItIsAuditedAsASelfApproval() {
        try (StationStore store = store(TestStores.fastOptions().withSelfApproval(true))) {
            EnrollmentRecord atDesk = by("spv");
            assertThat(store.captures().commit(CaptureCommit.of(atDesk, ApprovalMode.PER_RECORD)).state())
                    .isEqualTo(OutboxState.QUEUED);
            EnrollmentRecord later = by("spv");
            store.captures().commit(CaptureCommit.of(later, ApprovalMode.END_OF_DAY));
            store.captures().approve(List.of(later.id()), "spv");
            assertThat(store.auditTrail(1, 1000)).filteredOn(e -> e.action().equals(AuditActions.OUTBOX_TRANSITION)
                            && e.details().contains("\"to\":\"APPROVED\""))
                    .extracting(AuditEntry::details).allMatch(d -> d.contains("\"selfApproved\":true")).hasSize(2);
        }
    }
}
