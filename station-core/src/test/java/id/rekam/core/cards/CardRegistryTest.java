package id.rekam.core.cards;

import id.rekam.core.audit.AuditEntry;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.outbox.OutboxEvent;
import id.rekam.core.store.StationStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CardRegistryTest {

    @TempDir
    Path dir;
    private CardFixtures f;
    private StationStore store;
    private CardRegistry cards;

    @BeforeEach
    void open() {
        f = new CardFixtures(dir).withAccounts();
        store = f.store;
        cards = new CardRegistry(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void batchArrivesInStockAndEveryMoveIsAuditedAndAnEvent() {
        List<Card> in = cards.receiveBatch(CardFixtures.batch("B-2026-001", 3, "KTP-A0001", "KTP-A0002", "ktp-a0003"));
        assertThat(in).extracting(Card::serial).containsExactly("KTP-A0001", "KTP-A0002", "KTP-A0003");
        assertThat(in).allSatisfy(c -> assertThat(c.state()).isEqualTo(CardState.IN_STOCK));

        cards.assign("KTP-A0001", HolderKind.OFFICER, "budi", "spv");
        cards.assign("KTP-A0001", HolderKind.DESK, "loket-2", "spv");
        cards.returnToStock("KTP-A0001", "spv", "loket tutup");

        List<CardMove> h = cards.history("KTP-A0001");
        assertThat(h).extracting(CardMove::to).containsExactly(CardState.IN_STOCK, CardState.ASSIGNED,
                CardState.ASSIGNED, CardState.IN_STOCK);
        assertThat(h).extracting(CardMove::holder).containsExactly(null, "budi", "loket-2", null);
        // 3 arrivals + 3 moves: each one audit entry and one sync event (with its own creation audit entry).
        List<AuditEntry> trail = store.auditTrail(1, 10_000);
        assertThat(trail).filteredOn(e -> e.action().equals(CardRegistry.AUDIT_MOVED)).hasSize(6);
        List<OutboxEvent> events = store.events().pending(100);
        assertThat(events).filteredOn(e -> e.type().equals(CardRegistry.EVENT_MOVED)).hasSize(6);
        assertThat(h).extracting(CardMove::eventId).allSatisfy(id ->
                assertThat(events).anySatisfy(e -> assertThat(e.id()).isEqualTo(id)));
        assertThat(events.get(events.size() - 1).jsonPayload()).contains("\"to\":\"IN_STOCK\"", "KTP-A0001");
        assertThat(store.verify().ok()).isTrue();
    }

    @Test
    void personalisedCardsLinkToTheRecordByBlindIndexAndNeverStoreTheNikInClear() throws Exception {
        EnrollmentRecord r = f.demo.next();
        store.saveEnrollment(r);
        String nik = r.demographics().nik().value();
        cards.receiveBatch(new BatchReceipt("B-7", 1, List.of(BatchCard.of("KTP-P0001", nik)), "petugas1", "saksi1"));

        Card c = cards.require("KTP-P0001");
        assertThat(c.recordId()).isEqualTo(r.id().value());
        assertThat(c.villageCode()).isEqualTo(r.demographics().address().villageCode());
        assertThat(cards.findByNik(r.demographics().nik())).extracting(Card::serial).containsExactly("KTP-P0001");
        CardOwner owner = cards.owner("KTP-P0001").orElseThrow();
        assertThat(owner.nik()).isEqualTo(r.demographics().nik());
        assertThat(owner.fullName()).isEqualTo(r.demographics().fullName());

        store.close();
        for (Path p : List.of(dir.resolve(StationStore.DB_FILE), dir.resolve(StationStore.DB_FILE + "-wal"))) {
            if (Files.exists(p)) {
                String raw = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                assertThat(raw).doesNotContain(nik).doesNotContain(r.demographics().fullName());
            }
        }
        store = StationStore.open(dir, id.rekam.core.store.TestStores.PASSPHRASE,
                id.rekam.core.store.TestStores.fastOptions(f.clock));
    }

    @Test
    void countMismatchIsFlaggedAtOnceAndNoCardEntersStock() {
        List<Long> before = f.footprint();
        assertThatThrownBy(() -> cards.receiveBatch(CardFixtures.batch("B-9", 5, "KTP-C0001", "KTP-C0002")))
                .isInstanceOfSatisfying(BatchDiscrepancyException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("batch.countMismatch");
                    assertThat(e.getMessage()).contains("B-9", "5", "2");
                    assertThat(e.localizedMessage(Locale.ENGLISH)).contains("declared 5, serials listed 2");
                });
        assertThat(f.count("SELECT count(*) FROM cards")).isZero();
        assertThat(f.count("SELECT count(*) FROM card_batches")).isZero();
        assertThat(f.count("SELECT count(*) FROM card_moves")).isZero();
        assertThat(cards.flaggedBatches()).singleElement().satisfies(fl -> {
            assertThat(fl.batchId()).isEqualTo("B-9");
            assertThat(fl.declaredCount()).isEqualTo(5);
            assertThat(fl.listedCount()).isEqualTo(2);
        });
        assertThat(store.events().pending(10)).extracting(OutboxEvent::type).containsExactly(CardRegistry.EVENT_BATCH_FLAGGED);
        assertThat(f.footprint().get(2)).isEqualTo(before.get(2) + 1);
    }

    @Test
    void duplicateSerialsInABatchAreFlaggedEvenWhenTheCountAgrees() {
        assertThatThrownBy(() -> cards.receiveBatch(CardFixtures.batch("B-10", 3, "KTP-D0001", "KTP-D0002", "ktp-d0001")))
                .isInstanceOfSatisfying(BatchDiscrepancyException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("batch.duplicates");
                    assertThat(e.flag().duplicateSerials()).containsExactly("KTP-D0001");
                    assertThat(e.getMessage()).contains("nomor seri ganda", "KTP-D0001");
                });
        assertThat(f.count("SELECT count(*) FROM cards")).isZero();
        assertThat(cards.flaggedBatches()).singleElement()
                .satisfies(fl -> assertThat(fl.duplicateSerials()).containsExactly("KTP-D0001"));
    }

    @Test
    void duplicateBatchAndKnownSerialAreRefusedWithoutAnyPartialRow() {
        cards.receiveBatch(CardFixtures.batch("B-1", 2, "KTP-E0001", "KTP-E0002"));
        List<Long> before = f.footprint();
        assertThatThrownBy(() -> cards.receiveBatch(CardFixtures.batch("B-1", 1, "KTP-E0003")))
                .isInstanceOfSatisfying(CardException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("batch.duplicate");
                    assertThat(e.getMessage()).isEqualTo("Kiriman B-1 sudah pernah diterima.");
                    assertThat(e.localizedMessage(Locale.ENGLISH)).isEqualTo("Batch B-1 was already received.");
                });
        // The second serial is already known: the batch row and the first card must not remain.
        assertThatThrownBy(() -> cards.receiveBatch(CardFixtures.batch("B-2", 2, "KTP-E0009", "KTP-E0002")))
                .isInstanceOfSatisfying(CardException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("card.serialKnown"));
        assertThat(f.footprint()).isEqualTo(before);
        assertThat(cards.find("KTP-E0009")).isEmpty();
    }

    @Test
    void badInputIsAClearErrorAndWritesNothing() {
        cards.receiveBatch(CardFixtures.batch("B-1", 1, "KTP-F0001"));
        cards.assign("KTP-F0001", HolderKind.OFFICER, "budi", "spv");
        List<Long> before = f.footprint();

        assertThatThrownBy(() -> cards.assign("KTP-NOPE", HolderKind.DESK, "loket-1", "spv"))
                .isInstanceOfSatisfying(CardException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("card.unknown");
                    assertThat(e.getMessage()).contains("KTP-NOPE", "tidak dikenal");
                });
        assertThatThrownBy(() -> cards.markReturned("KTP-F0001", "spv", "pindah"))
                .isInstanceOfSatisfying(CardException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("card.wrongState");
                    assertThat(e.getMessage()).contains("KTP-F0001", "diserahkan ke petugas/loket", "dikembalikan pemilik");
                    assertThat(e.localizedMessage(Locale.ENGLISH)).contains("is assigned to an officer/desk");
                });
        assertThatThrownBy(() -> cards.receiveBatch(CardFixtures.batch("B-3", 1, "1234567890123456")))
                .isInstanceOfSatisfying(CardException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("card.serialInvalid"));
        assertThatThrownBy(() -> cards.receiveBatch(new BatchReceipt("B-4", 1, List.of(BatchCard.of("KTP-G1", null)),
                "budi", "BUDI"))).isInstanceOfSatisfying(CardException.class,
                e -> assertThat(e.messageKey()).isEqualTo("batch.witnessSame"));
        assertThatThrownBy(() -> cards.invalidate("KTP-F0001", "spv", " "))
                .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.messageKey()).isEqualTo("input.required"));
        assertThatThrownBy(() -> cards.invalidate("KTP-F0001", "spv", "pemilik NIK 3276014508900001 pindah"))
                .isInstanceOfSatisfying(CardException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("input.noNik");
                    assertThat(e.getMessage()).contains("tidak boleh memuat NIK");
                });
        assertThat(f.footprint()).isEqualTo(before);
        assertThat(cards.require("KTP-F0001").state()).isEqualTo(CardState.ASSIGNED);
    }

    @Test
    void notHandedOverAfterNDaysPerKelurahanAndPerOfficer() {
        EnrollmentRecord a = f.demo.next();
        store.saveEnrollment(a);
        String village = a.demographics().address().villageCode();
        cards.receiveBatch(new BatchReceipt("B-OLD", 3, List.of(BatchCard.of("KTP-H0001", a.demographics().nik().value()),
                BatchCard.of("KTP-H0002", null), BatchCard.of("KTP-H0003", null)), "petugas1", "saksi1"));
        cards.assign("KTP-H0001", HolderKind.OFFICER, "budi", "spv");
        cards.assign("KTP-H0002", HolderKind.OFFICER, "budi", "spv");
        f.clock.advance(Duration.ofDays(10));
        cards.receiveBatch(CardFixtures.batch("B-NEW", 1, "KTP-H0004"));
        cards.assign("KTP-H0004", HolderKind.OFFICER, "sari", "spv");
        cards.invalidate("KTP-H0003", "spv", "rusak");

        NotHandedOverReport r = cards.notHandedOver(7);
        assertThat(r.total()).isEqualTo(2);
        assertThat(r.byVillage()).extracting(NotHandedOverReport.Group::key, NotHandedOverReport.Group::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(NotHandedOverReport.UNKNOWN, 1),
                        org.assertj.core.groups.Tuple.tuple(village, 1));
        assertThat(r.byHolder()).singleElement().satisfies(g -> {
            assertThat(g.key()).isEqualTo("OFFICER:budi");
            assertThat(g.serials()).containsExactly("KTP-H0001", "KTP-H0002");
        });
        assertThat(cards.notHandedOver(0).byHolder()).extracting(NotHandedOverReport.Group::key)
                .containsExactly("OFFICER:budi", "OFFICER:sari");
        assertThat(cards.notHandedOver(11).total()).isZero();
    }

    @Test
    void aKupangSizedBatchIsBookedInOneTransaction() {
        List<BatchCard> list = new java.util.ArrayList<>();
        for (int i = 1; i <= 500; i++) {
            list.add(BatchCard.of(String.format("KTP-L%05d", i), null));
        }
        long t0 = System.nanoTime();
        cards.receiveBatch(new BatchReceipt("B-500", 500, list, "petugas1", "saksi1"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("500-card batch booked in " + ms + " ms");
        assertThat(cards.countByState()).containsEntry(CardState.IN_STOCK, 500L);
        assertThat(f.count("SELECT count(*) FROM card_moves")).isEqualTo(500);
        assertThat(store.events().countByState().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(500);
        assertThat(store.verify().ok()).isTrue();
    }
}
