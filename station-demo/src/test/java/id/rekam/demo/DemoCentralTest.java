package id.rekam.demo;

import id.rekam.app.adapters.sync.StationSync;
import id.rekam.core.crypto.KdfParams;
import id.rekam.fixtures.DemoSeeder;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.StoreOptions;
import id.rekam.sync.VerdictApplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Demo mode's own reference server: the seeded demo records reach it, are confirmed, then print-ready. */
class DemoCentralTest {

    /** KDF iterations lowered for test speed. */
    static final StoreOptions FAST_STORE = StoreOptions.defaults().withKdf(KdfParams.forTestsOnly(1_000, 1_000));

    @TempDir
    Path dir;

    @Test
    void demoRecordsGoFromWaitingToConfirmedToPrintReady() throws Exception {
        String office = "32.76.01";
        try (DemoCentral central = new DemoCentral(dir.resolve("central-server"), office, Duration.ofMillis(300))) {
            StationStore store = StationStore.initialise(dir.resolve("station"), "demo-uji-sandi-sawah".toCharArray(),
                    DemoCentral.stationIdFor(office), FAST_STORE);
            DemoSeeder.seed(store, "32.76.01.1008");
            StationSync sync = new StationSync(() -> Optional.of(central.syncConfig().withPollInterval(
                    Duration.ofMillis(200))), true, () -> Optional.of(store), Locale.forLanguageTag("id"),
                    central::enroll);
            try {
                sync.start();
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (System.nanoTime() < deadline && printReady(store) < 8) {
                    Thread.sleep(100);
                }
                assertThat(printReady(store)).isEqualTo(8);
                assertThat(store.outbox().countByState().get(OutboxState.CONFIRMED)).isZero();
                // Enrolled once, under the id the store was created with; a second start does not enrol again.
                sync.stop();
                central.enroll(store);
            } finally {
                sync.stop();
                store.close();
            }
        }
    }

    /** Print-ready is the records' state in the store. */
    private static long printReady(StationStore store) {
        return store.outbox().countByState().get(OutboxState.PRINT_READY);
    }
}
