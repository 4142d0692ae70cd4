package id.rekam.core.cards;

import id.rekam.core.auth.AuthException;
import id.rekam.core.auth.Role;
import id.rekam.core.store.StationStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Custody moves and destruction need a supervisor, checked by the card services in core (not by a
 * screen): an operator, an unknown name or a disabled account is refused and nothing is written.
 */
class CustodyPolicyTest {

    @TempDir
    Path dir;

    private CardFixtures f;
    private StationStore store;
    private CardRegistry cards;
    private DestructionRegister destruction;

    @BeforeEach
    void open() {
        f = new CardFixtures(dir).withAccounts();
        store = f.store;
        cards = new CardRegistry(store);
        destruction = new DestructionRegister(store);
        cards.receiveBatch(CardFixtures.batch("B-1", 3, "KTP-P0001", "KTP-P0002", "KTP-P0003"));
        cards.assign("KTP-P0001", HolderKind.OFFICER, "budi", "spv");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void onlyASupervisorChangesCustody() {
        List<Long> before = f.footprint();
        for (String who : List.of("op1", "nobody", "petugas1")) {
            assertThatThrownBy(() -> cards.assign("KTP-P0002", HolderKind.DESK, "loket-1", who))
                    .isInstanceOf(AuthException.class);
            assertThatThrownBy(() -> cards.returnToStock("KTP-P0001", who, "loket tutup"))
                    .isInstanceOf(AuthException.class);
            assertThatThrownBy(() -> cards.invalidate("KTP-P0001", who, "rusak")).isInstanceOf(AuthException.class);
        }
        assertThat(f.footprint()).isEqualTo(before);
        assertThat(cards.require("KTP-P0001").state()).isEqualTo(CardState.ASSIGNED);
        assertThat(cards.returnToStock("KTP-P0001", "spv", "loket tutup").state()).isEqualTo(CardState.IN_STOCK);
    }

    @Test
    void onlyASupervisorRegistersAndDestroys() {
        List<Long> before = f.footprint();
        assertThatThrownBy(() -> destruction.register("KTP-P0001", DestructionCategory.DAMAGED, null, "op1"))
                .isInstanceOf(AuthException.class);
        assertThat(f.footprint()).isEqualTo(before);
        destruction.register("KTP-P0001", DestructionCategory.DAMAGED, null, "spv");
        DestructionPlan plan = new DestructionPlan("BA-1/2026", LocalDate.of(2026, 11, 30), "Halaman kantor",
                DestructionPlan.BURNING, "Kec. Uji", "Kab. Uji", new Official("Camat Uji", "Camat", "1970"),
                List.of(new Witness("Saksi", "Anggota", "Satpol PP")));
        List<Long> registered = f.footprint();
        assertThatThrownBy(() -> destruction.destroy(plan, "op1")).isInstanceOf(AuthException.class);
        assertThat(f.footprint()).isEqualTo(registered);
        assertThat(destruction.destroy(plan, "spv").items()).hasSize(1);
    }

    @Test
    void theRuleItself() {
        assertThat(CustodyPolicy.mayChangeCustody(Role.SUPERVISOR)).isTrue();
        assertThat(CustodyPolicy.mayChangeCustody(Role.OPERATOR)).isFalse();
        assertThat(CustodyPolicy.mayChangeCustody(Role.TECHNICIAN)).isFalse();
        assertThat(CustodyPolicy.mayChangeCustody(null)).isFalse();
    }
}
