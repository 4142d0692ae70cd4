package id.rekam.core.cards;

import id.rekam.core.auth.Role;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.store.StationStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Chain of custody under a long random mix of every card operation (assign, re-assign, back to
 * stock, hand-over, return by the owner, invalidation, registration for destruction, witnessed
 * destruction): each card is always in exactly one state, the one its custody history ends in;
 * an operation succeeds exactly when the transition table allows it; every move is one custody
 * row, one audit entry and one sync event; a refused operation writes nothing. And a failure in
 * the middle of a multi-card write (injected by a trigger) leaves no trace either.
 */
class CustodyInvariantTest {

    private static final byte[] PHOTO = {(byte) 0xFF, (byte) 0xD8, 7, 7};
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G'};

    @TempDir
    Path dir;
    CardFixtures f;
    StationStore store;
    CardRegistry cards;
    HandOverService handOver;
    DestructionRegister destruction;

    @BeforeEach
    void open() {
        f = new CardFixtures(dir);
        store = f.store;
        store.operators().createFirstSupervisor("spv", "rahasia-spv".toCharArray());
        store.operators().createAccount("spv", "op1", Role.OPERATOR, "operator-1!".toCharArray());
        cards = new CardRegistry(store);
        handOver = new HandOverService(store);
        destruction = new DestructionRegister(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private enum Op { ASSIGN_OFFICER, ASSIGN_DESK, TO_STOCK, HAND_OVER, OWNER_RETURNS, INVALIDATE, REGISTER, DESTROY }

    @Test
    void everyCardIsInExactlyOneStateAndEveryMoveIsACustodyRowAnAuditEntryAndAnEvent() {
        List<String> serials = new ArrayList<>();
        Map<String, CardState> model = new LinkedHashMap<>();
        Set<String> registered = new HashSet<>();
        Map<Op, int[]> outcomes = new EnumMap<>(Op.class);
        Random random = new Random(20261125);
        int destructions = 0;

        // Weighted so that cards live a while before they are invalidated and burnt.
        List<Op> weighted = List.of(Op.ASSIGN_OFFICER, Op.ASSIGN_DESK, Op.ASSIGN_DESK, Op.TO_STOCK, Op.HAND_OVER,
                Op.HAND_OVER, Op.HAND_OVER, Op.OWNER_RETURNS, Op.OWNER_RETURNS, Op.INVALIDATE, Op.REGISTER, Op.DESTROY);
        for (int step = 0; step < 200; step++) {
            if (step % 40 == 0) {
                // A new delivery now and then, so that live cards keep coming.
                List<BatchCard> list = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    EnrollmentRecord owner = f.demo.next();
                    store.saveEnrollment(owner);
                    String serial = "KTP-INV-" + step + "-" + i;
                    serials.add(serial);
                    model.put(serial, CardState.IN_STOCK);
                    list.add(BatchCard.of(serial, owner.demographics().nik().value()));
                }
                cards.receiveBatch(new BatchReceipt("B-INV-" + step, 3, list, "spv", "Saksi Gudang"));
            }
            Op op = weighted.get(random.nextInt(weighted.size()));
            String serial = serials.get(random.nextInt(serials.size()));
            CardState now = model.get(serial);
            CardState expected = switch (op) {
                case ASSIGN_OFFICER, ASSIGN_DESK -> now.canMoveTo(CardState.ASSIGNED) ? CardState.ASSIGNED : null;
                case TO_STOCK -> now.canMoveTo(CardState.IN_STOCK) ? CardState.IN_STOCK : null;
                case HAND_OVER -> now == CardState.ASSIGNED ? CardState.HANDED_OVER : null;
                case OWNER_RETURNS -> now.canMoveTo(CardState.RETURNED) ? CardState.RETURNED : null;
                case INVALIDATE -> now.canMoveTo(CardState.INVALID) ? CardState.INVALID : null;
                case REGISTER -> !registered.contains(serial)
                        && (now == CardState.INVALID || now.canMoveTo(CardState.INVALID)) ? CardState.INVALID : null;
                case DESTROY -> registered.stream().anyMatch(s -> model.get(s) != CardState.DESTROYED)
                        ? CardState.DESTROYED : null;
            };
            List<Long> before = f.footprint();
            int number = destructions + 1;
            Runnable action = () -> {
                switch (op) {
                    case ASSIGN_OFFICER -> cards.assign(serial, HolderKind.OFFICER, "Petugas " + serial, "spv");
                    case ASSIGN_DESK -> cards.assign(serial, HolderKind.DESK, "loket-1", "spv");
                    case TO_STOCK -> cards.returnToStock(serial, "spv", "loket tutup");
                    case HAND_OVER -> handOver.handOverWithException(
                            new HandOverRequest(serial, "op1", null, PHOTO, SIGNATURE),
                            new SupervisorOverride("spv", "rahasia-spv".toCharArray(), "jari aus",
                                    SecondFactor.photoComparison("wajah sesuai foto rekam")));
                    case OWNER_RETURNS -> cards.markReturned(serial, "spv", "pindah domisili");
                    case INVALIDATE -> cards.invalidate(serial, "spv", "data berubah");
                    case REGISTER -> destruction.register(serial, DestructionCategory.DAMAGED, null, "spv");
                    case DESTROY -> destruction.destroy(new DestructionPlan("BA-INV-" + number, LocalDate.of(2026, 11, 25),
                            "Halaman Kantor", DestructionPlan.BURNING, "Kecamatan Uji", "Kota Uji",
                            new Official("Camat Uji", "Camat", ""),
                            List.of(new Witness("Saksi Satpol", "Anggota", "Satpol PP"))), "spv");
                }
            };
            if (expected == null) {
                assertThatThrownBy(action::run).as(step + ": " + op + " on " + serial + " in " + now)
                        .isInstanceOf(CardException.class);
                assertThat(f.footprint()).as("refused %s wrote something", op).isEqualTo(before);
                outcomes.computeIfAbsent(op, k -> new int[2])[1]++;
            } else {
                action.run();
                outcomes.computeIfAbsent(op, k -> new int[2])[0]++;
                if (op == Op.DESTROY) {
                    destructions++;
                    registered.forEach(s -> model.put(s, CardState.DESTROYED));
                } else {
                    model.put(serial, expected);
                    if (op == Op.REGISTER) {
                        registered.add(serial);
                    }
                }
            }
            assertInvariants(model);
        }
        // The mix really exercised both outcomes of the operations that matter.
        assertThat(outcomes.get(Op.HAND_OVER)[0]).isPositive();
        assertThat(outcomes.get(Op.HAND_OVER)[1]).isPositive();
        assertThat(outcomes.get(Op.DESTROY)[0]).isPositive();
        assertThat(outcomes.get(Op.REGISTER)[1]).isPositive();
        assertThat(model.values()).contains(CardState.DESTROYED);
        assertThat(store.verify().ok()).isTrue();
    }

    private void assertInvariants(Map<String, CardState> model) {
        for (Map.Entry<String, CardState> e : model.entrySet()) {
            Card card = cards.require(e.getKey());
            assertThat(card.state()).as(e.getKey()).isEqualTo(e.getValue());
            List<CardMove> h = cards.history(e.getKey());
            assertThat(h.get(0).from()).isNull();
            for (int i = 1; i < h.size(); i++) {
                assertThat(h.get(i).from()).as("custody of %s is a chain", e.getKey()).isEqualTo(h.get(i - 1).to());
            }
            assertThat(h.get(h.size() - 1).to()).isEqualTo(card.state());
        }
        long moves = f.count("SELECT count(*) FROM card_moves");
        assertThat(f.count("SELECT count(*) FROM events WHERE type = 'card.moved'")).isEqualTo(moves);
        assertThat(f.count("SELECT count(*) FROM audit_log WHERE action = 'CARD_MOVED'")).isEqualTo(moves);
        assertThat(f.count("SELECT count(*) FROM card_moves m JOIN events e ON e.id = m.event_id")).isEqualTo(moves);
        assertThat(f.count("SELECT count(*) FROM cards")).isEqualTo(model.size());
    }

    @Test
    void aFailureHalfwayThroughABatchOrADestructionLeavesNoTrace() throws Exception {
        cards.receiveBatch(CardFixtures.batch("B-1", 2, "KTP-T0001", "KTP-T0002"));
        destruction.register("KTP-T0001", DestructionCategory.DAMAGED, null, "spv");
        destruction.register("KTP-T0002", DestructionCategory.DEFECTIVE_BLANK, null, "spv");
        // Stand-in for a disk or constraint failure after earlier rows of the same transaction were written.
        store.read(tx -> {
            try (Statement s = tx.connection().createStatement()) {
                s.execute("CREATE TEMP TRIGGER fail_third_card BEFORE INSERT ON cards WHEN NEW.serial = 'KTP-T0103' "
                        + "BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
                s.execute("CREATE TEMP TRIGGER fail_second_destroyed BEFORE INSERT ON card_moves "
                        + "WHEN NEW.serial = 'KTP-T0002' AND NEW.to_state = 'DESTROYED' "
                        + "BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
            }
            return null;
        });
        List<Long> before = f.footprint();

        assertThatThrownBy(() -> cards.receiveBatch(CardFixtures.batch("B-2", 3, "KTP-T0101", "KTP-T0102",
                "KTP-T0103"))).hasMessageContaining("injected failure");
        assertThat(f.footprint()).isEqualTo(before);
        assertThat(cards.find("KTP-T0101")).isEmpty();

        assertThatThrownBy(() -> destruction.destroy(new DestructionPlan("BA-T-1", LocalDate.of(2026, 11, 25),
                "Halaman Kantor", DestructionPlan.BURNING, "Kecamatan Uji", "Kota Uji",
                new Official("Camat Uji", "Camat", ""), List.of(new Witness("Saksi", "Anggota", "Satpol PP"))), "spv"))
                .hasMessageContaining("injected failure");
        assertThat(f.footprint()).isEqualTo(before);
        // The first card, already moved inside the failed transaction, is back to INVALID.
        assertThat(cards.require("KTP-T0001").state()).isEqualTo(CardState.INVALID);
        assertThat(destruction.find("BA-T-1")).isEmpty();
        assertThat(destruction.pending()).hasSize(2);
        assertThat(store.verify().ok()).isTrue();
        assertThat(count("SELECT count(*) FROM destructions")).isZero();
    }

    private long count(String sql) {
        return store.read(tx -> {
            try (PreparedStatement p = tx.connection().prepareStatement(sql); ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
