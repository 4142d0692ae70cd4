package id.rekam.core.store;

import id.rekam.core.audit.AuditActions;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.domain.FingerprintCapture;
import id.rekam.core.domain.Nik;
import id.rekam.core.domain.RegistrationId;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.packet.EnrollmentPackets;
import id.rekam.core.packet.PacketCodec;
import id.rekam.core.crypto.StationKeys;
import id.rekam.fixtures.DemoRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static id.rekam.core.store.TestStores.PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StationStoreTest {

    @TempDir
    Path dir;

    @Test
    void savedEnrollmentRoundTripsAndIsFoundByNikAndId() {
        DemoRecords demo = TestStores.demo(1);
        List<EnrollmentRecord> saved = new ArrayList<>();
        try (StationStore store = TestStores.create(dir, TestStores.fastOptions())) {
            for (int i = 0; i < 5; i++) {
                EnrollmentRecord r = demo.next();
                SavedEnrollment receipt = store.saveEnrollment(r);
                assertThat(receipt.packetId()).isEqualTo(r.id().value());
                saved.add(r);
            }
        }
        try (StationStore store = StationStore.open(dir, PASSPHRASE, TestStores.fastOptions())) {
            EnrollmentRecord original = saved.get(2);
            EnrollmentRecord loaded = store.findById(original.id()).orElseThrow();
            assertThat(loaded.demographics()).isEqualTo(original.demographics());
            assertThat(loaded.photo().jpeg()).isEqualTo(original.photo().jpeg());
            assertThat(loaded.signature().png()).isEqualTo(original.signature().png());
            for (FingerprintCapture f : original.fingerprints()) {
                FingerprintCapture g = loaded.finger(f.position());
                assertThat(g.exception()).isEqualTo(f.exception());
                assertThat(g.template()).isEqualTo(f.template());
                assertThat(g.image()).isEqualTo(f.image());
            }

            List<RecordSummary> byNik = store.findByNik(original.demographics().nik());
            assertThat(byNik).extracting(RecordSummary::id).containsExactly(original.id());
            assertThat(byNik.get(0).fullName()).isEqualTo(original.demographics().fullName());
            assertThat(byNik.get(0).state()).isEqualTo(OutboxState.CAPTURED);

            assertThat(byNik.get(0).toString()).doesNotContain(original.demographics().fullName())
                    .doesNotContain(original.demographics().nik().value());
            assertThat(store.findByNik(Nik.of("3276010101990001"))).isEmpty();
            assertThat(store.findById(RegistrationId.random())).isEmpty();
            assertThat(store.recordCount()).isEqualTo(5);
            assertThat(store.listRecent(0, 10)).hasSize(5);
        }
    }

    @Test
    void packetIsSignedByTheStationKeyOverItsHash() {
        try (StationStore store = TestStores.create(dir, TestStores.fastOptions())) {
            EnrollmentRecord r = TestStores.demo(2).next();
            SavedEnrollment saved = store.saveEnrollment(r);
            var env = store.outbox().readPacket(saved.packetId());
            assertThat(PacketCodec.sha256Hex(env.body())).isEqualTo(env.sha256()).isEqualTo(saved.sha256());
            assertThat(StationKeys.verify(store.stationPublicKey(),
                    PacketCodec.signingInput(env.packetId(), env.sha256()), env.signature())).isTrue();
            assertThat(StationKeys.verify(store.stationPublicKey(),
                    PacketCodec.signingInput(env.packetId(), "0".repeat(64)), env.signature())).isFalse();
            assertThat(env.kind()).isEqualTo(EnrollmentPackets.KIND);
        }
    }

    @Test
    void searchFindsByNameWordsAndNikDigitsAndStopsAtLimit() {
        DemoRecords demo = TestStores.demo(3);
        try (StationStore store = TestStores.create(dir, TestStores.fastOptions())) {
            List<EnrollmentRecord> all = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                EnrollmentRecord r = demo.next();
                store.saveEnrollment(r);
                all.add(r);
            }
            EnrollmentRecord target = all.get(7);
            String[] words = target.demographics().fullName().split(" ");
            String query = words[0].substring(0, 3).toLowerCase(Locale.ROOT) + " " + words[1];
            List<RecordSummary> hits = store.search(query, 100);
            long expected = all.stream().filter(r -> {
                String[] w = r.demographics().fullName().split(" ");
                return w[0].startsWith(words[0].substring(0, 3)) && w[1].startsWith(words[1]);
            }).count();
            assertThat(hits).hasSize((int) expected).extracting(RecordSummary::id).contains(target.id());

            String nikPart = target.demographics().nik().value().substring(6, 14);
            assertThat(store.search(nikPart, 100)).extracting(RecordSummary::id).contains(target.id())
                    .allSatisfy(id -> assertThat(store.findSummary(id).orElseThrow().nik().value()).contains(nikPart));
            assertThat(store.search("", 4)).hasSize(4);
            assertThat(store.search("zzzz", 10)).isEmpty();
            // Saved after the search index was loaded: found too, and first (newest first).
            EnrollmentRecord later = demo.next();
            store.saveEnrollment(later);
            assertThat(store.search(later.demographics().fullName(), 100)).extracting(RecordSummary::id)
                    .first().isEqualTo(later.id());
        }
    }

    @Test
    void countersFollowCapturesApprovalAndQueue() {
        TestStores.MutableClock clock = new TestStores.MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
        DemoRecords demo = TestStores.demo(4);
        try (StationStore store = TestStores.create(dir, TestStores.fastOptions(clock))) {
            store.operators().createFirstSupervisor("spv", "rahasia-spv".toCharArray());
            // Counted by capture time, the time the records list shows, not by save time.
            store.saveEnrollment(capturedAt(demo, clock.instant())); // yesterday in Jakarta (17:00 WIB on the 24th)
            clock.advance(Duration.ofHours(16)); // 2026-11-25 09:00 WIB
            SavedEnrollment a = store.saveEnrollment(capturedAt(demo, clock.instant()));
            SavedEnrollment b = store.saveEnrollment(capturedAt(demo, clock.instant().plusSeconds(1)));
            assertThat(store.counters()).isEqualTo(new Counters(2, 3, 0, 0));
            // Saved today (restored, seeded, late), captured yesterday: not today's work.
            SavedEnrollment late = store.saveEnrollment(capturedAt(demo, clock.instant().minus(Duration.ofHours(15))));
            assertThat(store.counters()).isEqualTo(new Counters(2, 4, 0, 0));
            store.outbox().approve(List.of(late.packetId()), "spv");
            store.outbox().enqueue(List.of(late.packetId()), "spv");
            store.outbox().approve(List.of(a.packetId(), b.packetId()), "spv");
            assertThat(store.counters()).isEqualTo(new Counters(2, 1, 3, 0));
            store.outbox().enqueueAllApproved("sync");
            assertThat(store.counters()).isEqualTo(new Counters(2, 1, 3, 0));
            store.outbox().markNeedsAttention(a.packetId(), "unreadable", "sync");
            assertThat(store.counters()).isEqualTo(new Counters(2, 1, 2, 1));
        }
    }

    @Test
    void draftsAreSealedSavedReplacedAndDeleted() throws Exception {
        try (StationStore store = TestStores.create(dir, TestStores.fastOptions())) {
            store.saveDraft("d1", "{\"fullName\":\"SITI DRAFTWATI\"}");
            store.saveDraft("d1", "{\"fullName\":\"SITI DRAFTWATI\",\"step\":2}");
            store.saveDraft("d2", "{}");
            assertThat(store.loadDraft("d1")).contains("{\"fullName\":\"SITI DRAFTWATI\",\"step\":2}");
            assertThat(store.listDrafts()).extracting(DraftInfo::id).containsExactlyInAnyOrder("d1", "d2");
            try (Statement s = store.database().connection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT sealed FROM drafts WHERE id = 'd1'")) {
                rs.next();
                assertThat(new String(rs.getBytes(1), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .doesNotContain("DRAFTWATI");
            }
            assertThat(store.deleteDraft("d1", "operator1")).isTrue();
            assertThat(store.deleteDraft("d1", "operator1")).isFalse();
            assertThat(store.loadDraft("d1")).isEmpty();
            assertThat(store.auditTrail(1, 100)).extracting(e -> e.action()).contains(AuditActions.DRAFT_DELETED);
        }
    }

    @Test
    void ciphertextMovedToAnotherRowDoesNotDecrypt() throws Exception {
        DemoRecords demo = TestStores.demo(5);
        try (StationStore store = TestStores.create(dir, TestStores.fastOptions())) {
            EnrollmentRecord a = demo.next();
            EnrollmentRecord b = demo.next();
            store.saveEnrollment(a);
            store.saveEnrollment(b);
            var c = store.database().connection();
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE records SET summary = (SELECT summary FROM records WHERE id = ?) WHERE id = ?")) {
                p.setString(1, a.id().value());
                p.setString(2, b.id().value());
                p.executeUpdate();
            }
            assertThatThrownBy(() -> store.findSummary(b.id()))
                    .isInstanceOf(id.rekam.core.crypto.DecryptionException.class);
            assertThat(store.findSummary(a.id())).isPresent();
        }
    }

    @Test
    void initialiseRefusesExistingStoreAndOpenRefusesMissingOne() {
        TestStores.create(dir, TestStores.fastOptions()).close();
        assertThatThrownBy(() -> TestStores.create(dir, TestStores.fastOptions()))
                .isInstanceOf(StoreException.class).hasMessageContaining(dir.toString());
        assertThatThrownBy(() -> StationStore.open(dir.resolve("elsewhere"), PASSPHRASE, TestStores.fastOptions()))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("store.notInitialised"));
    }

    @Test
    void templatesAreReadableForEveryPrintedFinger() {
        try (StationStore store = TestStores.create(dir, TestStores.fastOptions())) {
            EnrollmentRecord r = TestStores.demo(6).next();
            store.saveEnrollment(r);
            var templates = store.fingerprintTemplates(r.id());
            for (FingerPosition f : FingerPosition.values()) {
                if (r.finger(f).hasPrint()) {
                    assertThat(templates.get(f)).isEqualTo(r.finger(f).template());
                } else {
                    assertThat(templates).doesNotContainKey(f);
                }
            }
        }
    }

    @Test
    void lookupsByNikAndIdUseIndexesNotTableScans() throws Exception {
        try (StationStore store = TestStores.create(dir, TestStores.fastOptions())) {
            for (String where : List.of("WHERE r.nik_bidx = x'00'", "WHERE r.id = 'x'")) {
                List<String> plan = new ArrayList<>();
                try (Statement s = store.database().connection().createStatement();
                     ResultSet rs = s.executeQuery("EXPLAIN QUERY PLAN " + RecordRepository.SUMMARY_SQL + where)) {
                    while (rs.next()) {
                        plan.add(rs.getString("detail"));
                    }
                }
                assertThat(plan).as(where).isNotEmpty().noneMatch(d -> d.startsWith("SCAN"));
            }
        }
    }

    @Test
    void recordOfAnotherStationIsRefused() {
        try (StationStore store = TestStores.create(dir, TestStores.fastOptions())) {
            EnrollmentRecord foreign = new DemoRecords(7, TestStores.VILLAGE, "OTHER-STATION").next();
            assertThatThrownBy(() -> store.saveEnrollment(foreign)).isInstanceOf(IllegalArgumentException.class);
            assertThat(store.recordCount()).isZero();
        }
    }

    private static id.rekam.core.domain.EnrollmentRecord capturedAt(DemoRecords demo, Instant at) {
        return id.rekam.fixtures.EnrollmentBuilder.from(demo.next()).createdAt(at).build();
    }
}
