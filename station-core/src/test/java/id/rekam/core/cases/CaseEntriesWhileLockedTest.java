package id.rekam.core.cases;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rekam.core.audit.AuditActions;
import id.rekam.core.store.DeliveryStore;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.TestStores;
import id.rekam.core.trust.Ed25519Raw;
import id.rekam.core.trust.SignedJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Case entries the sync service received without the passphrase wait in the inbox; the fold at
 * unlock keeps those signed by the pinned server (dropping, and auditing, the rest) and the cases
 * layer takes each once.
 */
class CaseEntriesWhileLockedTest {

    static final String NIK = "3310214505900001";
    static final String A = "7c1e3a52-1111-4000-8000-0000000000a1";
    static final String B = "7c1e3a52-1111-4000-8000-0000000000b1";

    @TempDir
    Path dir;

    @Test
    void aCaseAssignedWhileLockedOpensOnceAfterTheUnlockAndAForgedOneNever() {
        CaseFixtures f = new CaseFixtures(dir);
        f.pin();
        ObjectNode assigned = f.assignment("srv-case-locked", TestStores.STATION, A, B, NIK);
        ObjectNode forged = SignedJson.sign(Ed25519Raw.newSeed(), SignedJson.Purpose.FEED_ENTRY, TestStores.STATION,
                f.assignment("srv-case-forged", TestStores.STATION, B, "7c1e3a52-1111-4000-8000-0000000000c1", NIK)
                        .put("cursor", "42"));
        f.store.close();

        try (DeliveryStore locked = DeliveryStore.open(dir, f.clock)) {
            locked.recordFeedPage(List.of(assigned, forged), "42");
            // A page read again after a crash keeps nothing twice.
            locked.recordFeedPage(List.of(assigned), "42");
        }

        try (StationStore store = StationStore.open(dir, TestStores.PASSPHRASE, TestStores.fastOptions(f.clock))) {
            // The unlock folded the inbox: the forged entry is gone (and audited), the signed one waits for the cases.
            assertThat(store.delivery().heldEntries()).singleElement()
                    .satisfies(h -> assertThat(h.entry().path("caseId").asText()).isEqualTo("srv-case-locked"));
            assertThat(store.auditTrail(0, 100_000)).filteredOn(e -> e.action().equals(AuditActions.JOURNAL_REFUSED))
                    .singleElement().satisfies(e -> assertThat(e.details()).contains("inbox 42"));

            Cases cases = new Cases(store);
            List<CaseIntake.Result> taken = cases.takeLocalSources();
            assertThat(taken).extracting(CaseIntake.Result::status).containsExactly(CaseIntake.Status.OPENED);
            assertThat(cases.takeLocalSources()).isEmpty();
            assertThat(store.delivery().heldEntries()).isEmpty();
            assertThat(cases.list(false)).singleElement().satisfies(s -> {
                assertThat(s.source()).isEqualTo(CaseSource.SERVER_ASSIGNED);
                assertThat(cases.find(s.id()).orElseThrow().serverCaseId()).isEqualTo("srv-case-locked");
            });
        }
        // A later unlock and take change nothing.
        try (StationStore store = StationStore.open(dir, TestStores.PASSPHRASE, TestStores.fastOptions(f.clock))) {
            Cases cases = new Cases(store);
            assertThat(cases.takeLocalSources()).isEmpty();
            assertThat(cases.list(false)).hasSize(1);
        }
    }
}
