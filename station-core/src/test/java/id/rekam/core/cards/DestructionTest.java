package id.rekam.core.cards;

import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.Nik;
import id.rekam.core.outbox.OutboxEvent;
import id.rekam.core.store.StationStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DestructionTest {

    static final String OFFICE = "Dinas Kependudukan dan Pencatatan Sipil Kota Kupang";

    @TempDir
    Path dir;
    private CardFixtures f;
    private StationStore store;
    private CardRegistry cards;
    private DestructionRegister register;

    @BeforeEach
    void open() {
        f = new CardFixtures(dir).withAccounts();
        store = f.store;
        cards = new CardRegistry(store);
        register = new DestructionRegister(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    static DestructionPlan plan(String number, List<Witness> witnesses) {
        return new DestructionPlan(number, LocalDate.of(2026, 12, 13), "Halaman Kantor Disdukcapil Kota Kupang",
                DestructionPlan.BURNING, OFFICE, "Kota Kupang",
                new Official("Drs. Yohanes Ndun", "Kepala Dinas", "196805121994031007"), witnesses);
    }

    static List<Witness> witnesses() {
        return List.of(new Witness("Markus Lay", "Kepala Seksi Penegakan Perda", "Satpol PP Kota Kupang"),
                new Witness("Ani Bessie", "Auditor", "Inspektorat Kota Kupang"));
    }

    @Test
    void registeredCardsAreDestroyedInOneWitnessedEventWithCountsPerCategory() {
        EnrollmentRecord moved = f.demo.next();
        store.saveEnrollment(moved);
        cards.receiveBatch(new BatchReceipt("B-1", 3, List.of(BatchCard.of("KTP-M0001", moved.demographics().nik().value()),
                BatchCard.of("KTP-M0002", null), BatchCard.of("KTP-M0003", null)), "op1", "spv"));
        cards.assign("KTP-M0001", HolderKind.OFFICER, "budi", "spv");
        register.register("KTP-M0001", DestructionCategory.MOVED_AWAY, null, "spv");
        register.register("KTP-M0002", DestructionCategory.DAMAGED, null, "spv");
        register.register("BLANK-0007", DestructionCategory.DEFECTIVE_BLANK, null, "spv");
        Nik lostOwner = Nik.of("5371014506900003");
        register.register("KTP-OLD-42", DestructionCategory.REPORTED_LOST, lostOwner, "spv");

        assertThat(cards.require("KTP-M0001").state()).isEqualTo(CardState.INVALID);
        assertThat(cards.require("BLANK-0007").state()).isEqualTo(CardState.INVALID);
        assertThat(cards.owner("KTP-OLD-42")).hasValueSatisfying(o -> assertThat(o.nik()).isEqualTo(lostOwner));
        assertThat(register.pending()).hasSize(4);

        DestructionRecord r = register.destroy(plan("470/123/Dukcapil/XII/2026", witnesses()), "spv");

        assertThat(r.total()).isEqualTo(4);
        assertThat(r.counts()).containsEntry(DestructionCategory.MOVED_AWAY, 1)
                .containsEntry(DestructionCategory.DAMAGED, 1).containsEntry(DestructionCategory.DEFECTIVE_BLANK, 1)
                .containsEntry(DestructionCategory.REPORTED_LOST, 1).containsEntry(DestructionCategory.INVALID_DATA_CHANGED, 0);
        for (String s : List.of("KTP-M0001", "KTP-M0002", "BLANK-0007", "KTP-OLD-42")) {
            assertThat(cards.require(s).state()).isEqualTo(CardState.DESTROYED);
        }
        assertThat(cards.require("KTP-M0003").state()).isEqualTo(CardState.IN_STOCK);
        assertThat(register.pending()).isEmpty();
        assertThat(register.find("470/123/Dukcapil/XII/2026")).hasValueSatisfying(again -> {
            assertThat(again.items()).isEqualTo(r.items());
            assertThat(again.witnesses()).isEqualTo(witnesses());
            assertThat(again.officer().name()).isEqualTo("Drs. Yohanes Ndun");
        });
        assertThat(store.events().pending(1000)).extracting(OutboxEvent::type).contains(DestructionRegister.EVENT_DESTROYED);
        assertThat(store.verify().ok()).isTrue();
    }

    @Test
    void aPastBeritaAcaraIsListedAndItsReprintIsAuditedWithoutWritingAnythingElse() {
        cards.receiveBatch(CardFixtures.batch("B-1", 2, "KTP-P0001", "KTP-P0002"));
        register.register("KTP-P0001", DestructionCategory.DAMAGED, null, "spv");
        DestructionRecord first = register.destroy(plan("470/1/2026", witnesses()), "spv");
        f.clock.advance(java.time.Duration.ofDays(1));
        register.register("KTP-P0002", DestructionCategory.DEFECTIVE_BLANK, null, "spv");
        register.destroy(new DestructionPlan("470/2/2026", LocalDate.of(2026, 12, 14), "Halaman Kantor Camat",
                DestructionPlan.BURNING, "Kecamatan Oebobo", "Kota Kupang", new Official("Drs. Yohanes Ndun", "Camat", ""),
                witnesses()), "spv");
        assertThat(register.all()).extracting(DestructionRecord::number).containsExactly("470/2/2026", "470/1/2026");

        List<Long> before = f.footprint();
        DestructionRecord again = register.reprint("470/1/2026", "op1");
        assertThat(again).isEqualTo(first);
        List<Long> after = f.footprint();
        // Only the audit trail grew, by exactly the reprint entry.
        assertThat(after.subList(0, after.size() - 1)).isEqualTo(before.subList(0, before.size() - 1));
        assertThat(after.get(after.size() - 1)).isEqualTo(before.get(before.size() - 1) + 1);
        assertThat(store.auditTrail(1, 10_000)).filteredOn(e -> e.action().equals(DestructionRegister.AUDIT_REPRINTED))
                .singleElement().satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("op1");
                    assertThat(e.subject()).isEqualTo(first.id());
                    assertThat(e.details()).contains("470/1/2026").doesNotContain("Ndun");
                });

        assertThatThrownBy(() -> register.reprint("470/9/2026", "op1")).isInstanceOfSatisfying(CardException.class,
                e -> {
                    assertThat(e.messageKey()).isEqualTo("destruction.unknown");
                    assertThat(e.getMessage()).contains("470/9/2026", "tidak ditemukan");
                    assertThat(e.localizedMessage(Locale.ENGLISH)).contains("No destruction record numbered 470/9/2026");
                });
        assertThat(f.footprint()).isEqualTo(after);
    }

    @Test
    void destroyedSerialsCanNeverAgainBeHandedOverOrMarkedValid() {
        cards.receiveBatch(CardFixtures.batch("B-1", 1, "KTP-N0001"));
        register.register("KTP-N0001", DestructionCategory.DAMAGED, null, "spv");
        register.destroy(plan("BA-1", witnesses()), "spv");
        List<Long> before = f.footprint();

        assertThatThrownBy(() -> cards.assign("KTP-N0001", HolderKind.DESK, "loket-1", "spv"))
                .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.messageKey()).isEqualTo("card.wrongState"));
        assertThatThrownBy(() -> cards.returnToStock("KTP-N0001", "spv", "keliru"))
                .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.messageKey()).isEqualTo("card.wrongState"));
        assertThatThrownBy(() -> cards.invalidate("KTP-N0001", "spv", "x"))
                .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.messageKey()).isEqualTo("card.wrongState"));
        assertThatThrownBy(() -> new HandOverService(store).handOver(new HandOverRequest("KTP-N0001", "op1",
                CardFixtures.Prints.PROBE, new byte[] {1}, new byte[] {1})))
                .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.messageKey()).isEqualTo("card.wrongState"));
        assertThatThrownBy(() -> register.register("KTP-N0001", DestructionCategory.DAMAGED, null, "spv"))
                .isInstanceOfSatisfying(CardException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("destruction.alreadyRegistered"));
        // A later batch listing the destroyed serial does not bring it back into stock.
        assertThatThrownBy(() -> cards.receiveBatch(CardFixtures.batch("B-2", 1, "KTP-N0001")))
                .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.messageKey()).isEqualTo("card.serialKnown"));
        // Nor does SQL run against the file: the schema itself refuses.
        assertThatThrownBy(() -> store.inTransaction(tx -> tx.connection().createStatement()
                .executeUpdate("UPDATE cards SET state = 'IN_STOCK' WHERE serial = 'KTP-N0001'")))
                .hasMessageContaining("a destroyed card cannot change state");
        assertThat(f.footprint()).isEqualTo(before);
        assertThat(cards.require("KTP-N0001").state()).isEqualTo(CardState.DESTROYED);
    }

    @Test
    void aHandedOverCardMustBeReturnedBeforeItCanBeRegistered() {
        cards.receiveBatch(CardFixtures.batch("B-1", 1, "KTP-R0001"));
        cards.assign("KTP-R0001", HolderKind.DESK, "loket-1", "spv");
        store.inTransaction(tx -> CardRegistry.move(tx, CardRegistry.require(tx, "KTP-R0001"), CardState.HANDED_OVER,
                null, null, "op1", "test setup"));
        assertThatThrownBy(() -> register.register("KTP-R0001", DestructionCategory.MOVED_AWAY, null, "spv"))
                .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.messageKey()).isEqualTo("card.wrongState"));
        cards.markReturned("KTP-R0001", "op1", "pindah ke Kabupaten Kupang");
        assertThat(register.register("KTP-R0001", DestructionCategory.MOVED_AWAY, null, "spv").state())
                .isEqualTo(CardState.INVALID);
    }

    @Test
    void witnessRulesAndOtherBadInputWriteNothing() {
        cards.receiveBatch(CardFixtures.batch("B-1", 1, "KTP-W0001"));
        register.register("KTP-W0001", DestructionCategory.DAMAGED, null, "spv");
        List<Long> before = f.footprint();

        assertThatThrownBy(() -> register.destroy(plan("BA-1", List.of()), "spv"))
                .isInstanceOfSatisfying(CardException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("destruction.noWitness");
                    assertThat(e.getMessage()).contains("saksi masih kosong");
                });
        assertThatThrownBy(() -> register.destroy(plan("BA-1",
                List.of(new Witness("Rina", "Staf", OFFICE.toUpperCase(java.util.Locale.ROOT)))), "spv"))
                .isInstanceOfSatisfying(CardException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("destruction.noOutsideWitness");
                    assertThat(e.getMessage()).contains("instansi lain", "Satpol PP");
                });
        DestructionPlan p = plan("BA-1", witnesses());
        assertThatThrownBy(() -> register.destroy(new DestructionPlan(p.number(), p.date(), p.place(), "SHREDDING",
                p.office(), p.region(), p.officer(), p.witnesses()), "spv"))
                .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.messageKey()).isEqualTo("destruction.methodBurning"));
        assertThatThrownBy(() -> register.destroy(plan("BA-1", List.of(new Witness("Markus", "x", " "))), "spv"))
                .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.messageKey()).isEqualTo("input.required"));
        assertThat(f.footprint()).isEqualTo(before);

        register.destroy(plan("BA-1", witnesses()), "spv");
        assertThatThrownBy(() -> register.destroy(plan("BA-2", witnesses()), "spv"))
                .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.messageKey()).isEqualTo("destruction.nothingToDestroy"));
        cards.receiveBatch(CardFixtures.batch("B-2", 1, "KTP-W0002"));
        register.register("KTP-W0002", DestructionCategory.DAMAGED, null, "spv");
        List<Long> mid = f.footprint();
        assertThatThrownBy(() -> register.destroy(plan("BA-1", witnesses()), "spv"))
                .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.messageKey()).isEqualTo("destruction.duplicateNumber"));
        assertThat(f.footprint()).isEqualTo(mid);
        assertThat(cards.require("KTP-W0002").state()).isEqualTo(CardState.INVALID);
        assertThat(DestructionRegister.counts(register.pending())).containsEntry(DestructionCategory.DAMAGED, 1);
        assertThat(Map.copyOf(DestructionRegister.counts(List.of()))).hasSize(6);
    }
}
