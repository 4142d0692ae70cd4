package id.rekam.core.outbox;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static id.rekam.core.outbox.OutboxState.*;
import static org.assertj.core.api.Assertions.assertThat;

class OutboxStateTest {

    private static final List<OutboxState> HAPPY = List.of(CAPTURED, APPROVED, QUEUED, UPLOADING, ACKNOWLEDGED, CONFIRMED,
            PRINT_READY);

    @Test
    void happyPathMovesOneStepAtATime() {
        for (int i = 0; i + 1 < HAPPY.size(); i++) {
            assertThat(HAPPY.get(i).canMoveTo(HAPPY.get(i + 1))).isTrue();
            for (int j = i + 2; j < HAPPY.size(); j++) {
                assertThat(HAPPY.get(i).canMoveTo(HAPPY.get(j))).as(HAPPY.get(i) + " skips to " + HAPPY.get(j)).isFalse();
            }
            for (int j = 0; j <= i; j++) {
                assertThat(HAPPY.get(i).canMoveTo(HAPPY.get(j))).as(HAPPY.get(i) + " back to " + HAPPY.get(j)).isFalse();
            }
        }
    }

    @Test
    void serverVerdictsAreFinalAndOnlyComeAfterUpload() {
        assertThat(EnumSet.of(PRINT_READY, REJECTED, DUPLICATE)).allSatisfy(s -> assertThat(s.isFinal()).isTrue());
        // Accepted is decided but not final: the server reports print-ready later.
        assertThat(CONFIRMED.successors()).containsExactly(PRINT_READY);
        for (OutboxState s : values()) {
            assertThat(s.isDecided()).isEqualTo(EnumSet.of(CONFIRMED, PRINT_READY, REJECTED, DUPLICATE).contains(s));
        }
        for (OutboxState s : values()) {
            boolean afterUpload = s == UPLOADING || s == ACKNOWLEDGED || s == SERVER_REVIEW;
            assertThat(s.canMoveTo(REJECTED)).isEqualTo(afterUpload);
            assertThat(s.canMoveTo(DUPLICATE)).isEqualTo(afterUpload);
        }
        // Only a technician moves a parked packet: back into the queue, or into an export bundle.
        assertThat(NEEDS_ATTENTION.successors()).containsExactlyInAnyOrder(QUEUED, EXPORTED);
    }

    @Test
    void aServerReviewComesAfterTheAcknowledgementAndEndsInAFinalVerdictOrAcceptance() {
        for (OutboxState s : values()) {
            assertThat(s.canMoveTo(SERVER_REVIEW)).as(s + " -> SERVER_REVIEW").isEqualTo(s == ACKNOWLEDGED);
            assertThat(s.hasVerdict()).isEqualTo(s.isDecided() || s == SERVER_REVIEW);
        }
        assertThat(SERVER_REVIEW.successors()).containsExactlyInAnyOrder(CONFIRMED, DUPLICATE, REJECTED);
        assertThat(SERVER_REVIEW.isFinal()).isFalse();
        assertThat(SERVER_REVIEW.isDecided()).isFalse();
    }

    @Property
    void noStateMovesToItself(@ForAll OutboxState s) {
        assertThat(s.canMoveTo(s)).isFalse();
    }

    @Property
    void deliverableMeansQueuedUploadingOrExported(@ForAll OutboxState s) {
        assertThat(s.isDeliverable()).isEqualTo(s == QUEUED || s == UPLOADING || s == EXPORTED);
    }

    @Property
    void onlyApprovedRecordsWithoutAFinalVerdictAreExportable(@ForAll OutboxState s) {
        boolean expected = EnumSet.of(APPROVED, QUEUED, UPLOADING, ACKNOWLEDGED, NEEDS_ATTENTION).contains(s);
        assertThat(s.isExportable()).isEqualTo(expected);
        assertThat(s.canMoveTo(EXPORTED)).isEqualTo(expected);
    }

    @Test
    void anExportedPacketGoesBackOnTheWireOrToATechnicianOnly() {
        // No verdict lands on EXPORTED directly: the next upload's announce learns it (UPLOADING first).
        assertThat(EXPORTED.successors()).containsExactlyInAnyOrder(UPLOADING, NEEDS_ATTENTION);
        assertThat(EXPORTED.isFinal()).isFalse();
        assertThat(CAPTURED.canMoveTo(EXPORTED)).as("unapproved records never leave the station").isFalse();
    }

    /** A supervisor's review refuses or sends back only a record still waiting; both end its life on the station. */
    @Test
    void aReviewDecisionIsFinalAndOnlyTakenOnACapturedRecord() {
        for (OutboxState s : values()) {
            assertThat(s.canMoveTo(DECLINED)).isEqualTo(s == CAPTURED);
            assertThat(s.canMoveTo(RETURNED)).isEqualTo(s == CAPTURED);
        }
        assertThat(DECLINED.isFinal()).isTrue();
        assertThat(RETURNED.isFinal()).isTrue();
        assertThat(DECLINED.isDeliverable() || RETURNED.isDeliverable()).isFalse();
    }
}
