package id.rekam.core.cases;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rekam.core.audit.AuditActions;
import id.rekam.core.cards.CardFixtures;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.store.DeliveryStore;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.TestStores;
import id.rekam.core.trust.Ed25519Raw;
import id.rekam.core.trust.SignedJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Case entries the sync service received without the passphrase wait in the inbox; the fold at
 * unlock keeps those signed by the pinned server (dropping, and auditing, the rest) and the cases
 * layer takes each once.
 */
class CaseEntriesWhileLockedTest {

    static final String NIK = CaseFeedTest.NIK;
    static final String A = CaseFeedTest.A;
    static final String B = CaseFeedTest.B;

    @TempDir
    Path dir;

    @Test
    void casesAssignedOrRaisedWhileLockedOpenOnceAfterTheUnlockAndAForgedOneNever() {
        CaseFixtures f = new CaseFixtures(dir);
        f.pin();
        ObjectNode assigned = f.assignment("srv-case-locked", TestStores.STATION, A, B, NIK);
        ObjectNode forged = SignedJson.sign(Ed25519Raw.newSeed(), SignedJson.Purpose.FEED_ENTRY, TestStores.STATION,
                f.assignment("srv-case-forged", TestStores.STATION, B, "7c1e3a52-1111-4000-8000-0000000000c1", NIK)
                        .put("cursor", "42"));
        // One of this station's records, on its way to the server, which will find it a duplicate.
        var ours = f.recorded(CardFixtures.Prints.PROBE);
        String oursId = ours.id().value();
        f.store.captures().approve(List.of(ours.id()), "spv", "satu jari terekam, diperiksa langsung");
        f.store.outbox().startUpload(oursId, URI.create("https://pusat.example/v1/uploads/" + oursId), "sync");
        ObjectNode duplicate = CaseFixtures.JSON.createObjectNode().put("cursor", "43").put("type", "duplicate")
                .put("packetId", oursId).put("at", "2026-11-25T04:00:00Z").put("matchedBy", "nik");
        duplicate.putObject("duplicateOf").put("packetId", "5f0c9a52-8a9e-4d43-9d7b-1f6a3c2b9e10")
                .put("stationId", "ST-337105-0002").put("office", "33.71.05").put("nik", NIK).put("nikMasked", false);
        duplicate = f.signed(TestStores.STATION, duplicate);
        f.store.close();

        try (DeliveryStore locked = DeliveryStore.open(dir, f.clock)) {
            locked.recordFeedPage(List.of(assigned, forged, duplicate), "43");
            // A page read again after a crash keeps nothing twice.
            locked.recordFeedPage(List.of(assigned, duplicate), "43");
        }

        try (StationStore store = StationStore.open(dir, TestStores.PASSPHRASE, TestStores.fastOptions(f.clock))) {
            // The unlock folded the inbox: the forged entry is gone (and audited), the verdict applied, and the
            // assignment and the verdict wait for the cases.
            assertThat(store.outbox().entry(oursId).orElseThrow().state()).isEqualTo(OutboxState.DUPLICATE);
            assertThat(store.delivery().heldEntries()).extracting(h -> h.entry().path("type").asText())
                    .containsExactly("case-assigned", "duplicate");
            assertThat(store.auditTrail(0, 100_000)).filteredOn(e -> e.action().equals(AuditActions.JOURNAL_REFUSED))
                    .singleElement().satisfies(e -> assertThat(e.details()).contains("inbox 42"));

            Cases cases = new Cases(store);
            List<CaseIntake.Result> taken = cases.takeLocalSources();
            assertThat(taken).extracting(CaseIntake.Result::status)
                    .containsExactly(CaseIntake.Status.OPENED, CaseIntake.Status.OPENED);
            assertThat(cases.takeLocalSources()).isEmpty();
            assertThat(store.delivery().heldEntries()).isEmpty();
            assertThat(cases.list(false)).extracting(CaseSummary::source)
                    .containsExactlyInAnyOrder(CaseSource.SERVER_ASSIGNED, CaseSource.SERVER_VERDICT);
            assertThat(cases.list(false)).filteredOn(s -> s.source() == CaseSource.SERVER_ASSIGNED).singleElement()
                    .satisfies(s -> assertThat(cases.find(s.id()).orElseThrow().serverCaseId())
                            .isEqualTo("srv-case-locked"));
            assertThat(cases.ofRecord(ours.id())).singleElement()
                    .satisfies(s -> assertThat(s.source()).isEqualTo(CaseSource.SERVER_VERDICT));
        }
        // A later unlock and take change nothing.
        try (StationStore store = StationStore.open(dir, TestStores.PASSPHRASE, TestStores.fastOptions(f.clock))) {
            Cases cases = new Cases(store);
            assertThat(cases.takeLocalSources()).isEmpty();
            assertThat(cases.list(false)).hasSize(2);
        }
    }
}
