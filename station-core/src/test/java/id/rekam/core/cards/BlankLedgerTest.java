package id.rekam.core.cards;

import id.rekam.core.store.StationStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BlankLedgerTest {

    @TempDir
    Path dir;
    private CardFixtures f;
    private StationStore store;
    private BlankLedger ledger;

    @BeforeEach
    void open() {
        f = new CardFixtures(dir);
        store = f.store;
        ledger = new BlankLedger(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void receiveUseSpoilReturnAndTheBalancePerDay() {
        LocalDate d0 = LocalDate.of(2026, 11, 25);
        assertThat(ledger.receive(500, "SPB-2026/11/01", "spv")).isEqualTo(500);
        assertThat(ledger.use(30, "cetak 25-11", "op1")).isEqualTo(470);
        assertThat(ledger.spoil(2, "kartu macet di printer", "op1")).isEqualTo(468);
        f.clock.advance(Duration.ofDays(1));
        ledger.use(40, "cetak 26-11", "op1");
        ledger.giveBack(100, "retur ke Disdukcapil", "spv");
        f.clock.advance(Duration.ofDays(2));
        ledger.use(10, null, "op1");

        List<DayBalance> days = ledger.daily(d0.minusDays(1), d0.plusDays(3));
        assertThat(days).extracting(DayBalance::closing).containsExactly(0L, 468L, 328L, 328L, 318L);
        assertThat(days.get(1)).isEqualTo(new DayBalance(d0, 500, 30, 2, 0, 468));
        assertThat(days.get(2)).isEqualTo(new DayBalance(d0.plusDays(1), 0, 40, 0, 100, 328));
        assertThat(ledger.balance()).isEqualTo(318);
        assertThat(store.events().pending(100)).filteredOn(e -> e.type().equals(BlankLedger.EVENT)).hasSize(6);
        // The reason is kept (sealed) with the movement; the clear audit trail has only kind and numbers.
        assertThat(ledger.entries(d0, d0)).extracting(BlankLedger.Entry::kind, BlankLedger.Entry::quantity,
                BlankLedger.Entry::reason, BlankLedger.Entry::reference).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LedgerKind.RECEIVED, 500, null, "SPB-2026/11/01"),
                org.assertj.core.groups.Tuple.tuple(LedgerKind.USED, 30, null, "cetak 25-11"),
                org.assertj.core.groups.Tuple.tuple(LedgerKind.SPOILED, 2, "kartu macet di printer", null));
        assertThat(store.auditTrail(1, 10_000)).filteredOn(e -> e.action().equals(BlankLedger.AUDIT)).hasSize(6)
                .anySatisfy(e -> assertThat(e.details()).contains("SPOILED", "\"quantity\":2"))
                .allSatisfy(e -> assertThat(e.details()).doesNotContain("kartu macet", "SPB-2026"));
    }

    @Test
    void forecastWarnsBeforeStockRunsOutAtTheSevenDayRate() {
        ledger.receive(200, "SPB-1", "spv");
        // 7 days at 20/day: 140 used, 60 left -> 3 days at the current rate.
        for (int day = 0; day < 7; day++) {
            ledger.use(18, "cetak", "op1");
            ledger.spoil(2, "rusak cetak", "op1");
            if (day < 6) {
                f.clock.advance(Duration.ofDays(1));
            }
        }
        StockForecast fc = ledger.forecast(5);
        assertThat(fc.balance()).isEqualTo(60);
        assertThat(fc.averageDailyUse()).isCloseTo(20.0, within(1e-9));
        assertThat(fc.daysLeft()).isCloseTo(3.0, within(1e-9));
        assertThat(fc.warn()).isTrue();
        assertThat(ledger.forecast(3).warn()).isFalse();

        // A quiet week: the rate falls, so does the warning.
        f.clock.advance(Duration.ofDays(7));
        StockForecast quiet = ledger.forecast(5);
        assertThat(quiet.averageDailyUse()).isZero();
        assertThat(quiet.daysLeft()).isInfinite();
        assertThat(quiet.warn()).isFalse();
    }

    @Test
    void emptyStockAlwaysWarns() {
        assertThat(ledger.forecast(0).warn()).isTrue();
    }

    @Test
    void badMovementsAreRefusedWithoutAnyRow() {
        ledger.receive(5, "SPB-1", "spv");
        List<Long> before = f.footprint();
        assertThatThrownBy(() -> ledger.use(6, "cetak", "op1")).isInstanceOfSatisfying(CardException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("ledger.insufficient");
            assertThat(e.getMessage()).isEqualTo("Stok blanko tidak cukup: diminta 6, tersedia 5.");
            assertThat(e.localizedMessage(Locale.ENGLISH)).isEqualTo("Not enough blank stock: 6 requested, 5 available.");
        });
        assertThatThrownBy(() -> ledger.spoil(1, "", "op1")).isInstanceOfSatisfying(CardException.class,
                e -> assertThat(e.messageKey()).isEqualTo("input.required"));
        assertThatThrownBy(() -> ledger.receive(0, "SPB-2", "spv")).isInstanceOfSatisfying(CardException.class,
                e -> assertThat(e.messageKey()).isEqualTo("ledger.quantityPositive"));
        assertThat(f.footprint()).isEqualTo(before);
        assertThat(ledger.balance()).isEqualTo(5);
    }
}
