package id.rekam.bench;

import id.rekam.core.crypto.KdfParams;
import id.rekam.core.domain.Nik;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.store.RecordSummary;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.StoreOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The lookup bench measures the real findByNik path only if the loader's rows read like a capture's. */
class BenchBulkLoaderTest {

    @Test
    void loadedRecordsAreFoundByNikAndTheStoreStaysHealthy(@TempDir Path dir) {
        try (StationStore store = StationStore.initialise(dir, "bench-loader-test".toCharArray(), "ST-327601-0001",
                StoreOptions.defaults().withKdf(KdfParams.forTestsOnly(1_000, 1_000)))) {
            List<Nik> niks = BenchBulkLoader.load(store, 60, 11);
            assertThat(niks).hasSize(60).doesNotHaveDuplicates();
            for (Nik nik : niks) {
                List<RecordSummary> found = store.findByNik(nik);
                assertThat(found).hasSize(1);
                assertThat(found.get(0).nik()).isEqualTo(nik);
            }
            assertThat(store.recordCount()).isEqualTo(60);
            assertThat(store.outbox().countByState().get(OutboxState.CAPTURED)).isEqualTo(60);
            assertThat(store.verify().integrity()).isEqualTo("ok");
        }
    }
}
