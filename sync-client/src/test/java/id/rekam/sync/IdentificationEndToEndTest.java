package id.rekam.sync;

import id.rekam.core.commit.ApprovalMode;
import id.rekam.core.commit.CaptureCommit;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.domain.RegistrationId;
import id.rekam.core.export.PendingExport;
import id.rekam.core.identification.DuplicatePolicy;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.verdict.ServerVerdict;
import id.rekam.devices.fingerprint.synth.SyntheticPeople;
import id.rekam.fixtures.DemoRecords;
import id.rekam.fixtures.EnrollmentBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 across station, sync and server, on SIMULATED ten-finger people: templates imported by
 * {@code import-bundle} while the server runs are found by the running server without a restart,
 * and the server's {@code needs-review} (fingers in another order, too many exceptions) reaches
 * the station as the record's own state and sealed verdict.
 */
class IdentificationEndToEndTest {

    private static final String EXPORT_PASS = "ekspor-sidik-jari-gunung-kaler";
    private static final SyntheticPeople PEOPLE = new SyntheticPeople(4141);
    private static final byte[] IMAGE = new byte[400];

    @TempDir
    Path dir;
    SyncTestKit kit;
    private final DemoRecords demo = new DemoRecords(77, SyncTestKit.VILLAGE, SyncTestKit.STATION);

    @AfterEach
    void tearDown() {
        if (kit != null) {
            kit.close();
        }
    }

    private EnrollmentRecord with(Map<FingerPosition, byte[]> prints) {
        return EnrollmentBuilder.from(demo.next()).operatorId("op1").onlyPrints(prints, IMAGE, "R30X-4BIT-256x288", 80)
                .build();
    }

    /** Committed, reviewed where the store asks for it, approved and queued, as the desk and a supervisor would. */
    private String queued(EnrollmentRecord r) {
        kit.store.captures().commit(CaptureCommit.of(r, ApprovalMode.END_OF_DAY));
        kit.store.captures().approve(List.of(r.id()), "spv", "diperiksa supervisor");
        return r.id().value();
    }

    private void sync() throws Exception {
        try (SyncService sync = new SyncService(kit.store, SyncTestKit.fastConfig(kit.server.baseUri()))) {
            kit.pass(sync);
        }
    }

    @Test
    void templatesImportedWhileTheServerRunsAreFoundWithoutARestart() throws Exception {
        kit = SyncTestKit.start(dir);
        kit.store.operators().createFirstSupervisor("spv", "rahasia-spv".toCharArray());
        EnrollmentRecord moved = with(PEOPLE.prints(1, 0));
        queued(moved);
        Path stick = Files.createDirectories(dir.resolve("usb"));
        PendingExport.Result export = new PendingExport(kit.store, Clock.systemUTC())
                .export(stick, EXPORT_PASS.toCharArray(), "tek1", (d, t) -> { });
        assertThat(export.packets()).isEqualTo(1);
        assertThat(kit.server.indexedPeople()).isZero();

        // import-bundle runs beside the server, on its data directory, with its own connection and index.
        Path passFile = dir.resolve("pass.txt");
        Files.writeString(passFile, EXPORT_PASS + "\n");
        assertThat(kit.importBundle(export.bundle(), passFile, 0)).contains("1 packets imported");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (kit.server.indexedPeople() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(kit.server.indexedPeople()).as("the running server picked the imported templates up").isEqualTo(1);

        // The same person recorded again under another NIK: the running server knows the imported prints.
        EnrollmentRecord again = with(PEOPLE.prints(1, 1));
        String againId = queued(again);
        sync();
        assertThat(kit.store.outbox().entry(againId).orElseThrow().state()).isEqualTo(OutboxState.DUPLICATE);
        ServerVerdict.Duplicate dup = (ServerVerdict.Duplicate) kit.store.verdicts().latest(againId).orElseThrow();
        assertThat(dup.matchedBy()).isEqualTo(ServerVerdict.MatchedBy.FINGERPRINT);
        assertThat(dup.other().registrationId()).isEqualTo(moved.id().value());
        assertThat(dup.fingers()).filteredOn(ServerVerdict.FingerScore::matched)
                .hasSizeGreaterThanOrEqualTo(DuplicatePolicy.DEFAULT.fingersToMatch());
    }

    @Test
    void theServersNeedsReviewBecomesTheRecordsStateAndSealedVerdictAtTheStation() throws Exception {
        kit = SyncTestKit.start(dir);
        kit.store.operators().createFirstSupervisor("spv", "rahasia-spv".toCharArray());
        EnrollmentRecord first = with(PEOPLE.prints(2, 0));
        String firstId = queued(first);
        // Delivered first on its own: packets sent together are decided in the order they arrive.
        sync();
        String rotated = queued(with(SyntheticPeople.rotated(PEOPLE.prints(2, 1))));
        int allowed = DuplicatePolicy.DEFAULT.maxExceptions();
        String hidden = queued(with(SyntheticPeople.first(PEOPLE.prints(3, 0), 10 - allowed - 1)));
        sync();

        assertThat(kit.store.outbox().entry(firstId).orElseThrow().state()).isEqualTo(OutboxState.CONFIRMED);
        assertThat(kit.store.outbox().entry(rotated).orElseThrow().state()).isEqualTo(OutboxState.SERVER_REVIEW);
        ServerVerdict.NeedsReview review = (ServerVerdict.NeedsReview) kit.store.verdicts()
                .ofRecord(new RegistrationId(rotated)).orElseThrow();
        assertThat(review.reasons()).containsExactly("cross-position");
        assertThat(review.candidates()).singleElement().satisfies(c -> {
            assertThat(c.other().registrationId()).isEqualTo(firstId);
            assertThat(c.fingers()).hasSizeGreaterThanOrEqualTo(DuplicatePolicy.DEFAULT.crossPositionFingersToMatch())
                    .allSatisfy(f -> assertThat(f.storedPosition()).isNotNull().isNotEqualTo(f.position()));
        });

        assertThat(kit.store.outbox().entry(hidden).orElseThrow().state()).isEqualTo(OutboxState.SERVER_REVIEW);
        ServerVerdict.NeedsReview exceptions = (ServerVerdict.NeedsReview) kit.store.verdicts().latest(hidden).orElseThrow();
        assertThat(exceptions.reasons()).containsExactly("too-many-exceptions");
        assertThat(exceptions.exceptions()).isEqualTo(allowed + 1);
        assertThat(exceptions.candidates()).isEmpty();

        // Issue 13: the cross-position review is a pair to re-verify with the citizen, so it opens a
        // KTP ganda case at the desk; the exceptions-only review names no other record (the official's).
        id.rekam.core.cases.Cases cases = new id.rekam.core.cases.Cases(kit.store);
        assertThat(cases.list(true)).singleElement().satisfies(s -> {
            assertThat(s.source()).isEqualTo(id.rekam.core.cases.CaseSource.SERVER_VERDICT);
            assertThat(s.reason()).isEqualTo("needs-review");
            id.rekam.core.cases.CaseFile c = cases.find(s.id()).orElseThrow();
            assertThat(List.of(c.first().registrationId(), c.second().registrationId()))
                    .containsExactlyInAnyOrder(firstId, rotated);
            assertThat(c.fingers()).isNotEmpty();
        });
        assertThat(cases.ofRecord(new RegistrationId(hidden))).isEmpty();
        // A second pass re-reads nothing new: still one case.
        sync();
        assertThat(cases.list(true)).hasSize(1);
        assertThat(kit.store.verify().ok()).isTrue();
    }
}
