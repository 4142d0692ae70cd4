package id.rekam.sync;

import id.rekam.server.faults.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The status' last contact follows the server's answers during a pass, not only its opening probe. */
class LastContactTest {

    @Test
    void lastContactMovesOnDuringALongPass(@TempDir Path dir) throws Exception {
        try (SyncTestKit kit = SyncTestKit.start(dir);
             SyncService sync = new SyncService(kit.store, SyncTestKit.fastConfig(kit.server.baseUri())
                     .withConcurrency(1), Clock.systemUTC(), n -> 0, Messages.indonesian())) {
            kit.capture(8, 3, true);
            kit.server.faults().add(Fault.stall(400).on("POST", "/v1/uploads").times(-1));
            Instant started = Instant.now();
            CompletableFuture<DrainPass.Result> pass = CompletableFuture.supplyAsync(() -> {
                try {
                    return sync.runOnce();
                } catch (SyncFailure f) {
                    throw new IllegalStateException(f);
                }
            });
            Thread.sleep(1_800);
            Instant during = sync.status().lastContact();
            assertThat(pass).as("8 uploads at 400 ms each are still going").isNotDone();
            assertThat(during).isAfter(started.plusMillis(700));
            assertThat(LastContact.read(dir.resolve("station"))).hasValueSatisfying(
                    kept -> assertThat(kept).isAfter(started));

            kit.server.faults().clear();
            assertThat(pass.get(60, TimeUnit.SECONDS).delivered()).isEqualTo(8);
            assertThat(sync.status().lastContact()).isAfterOrEqualTo(during);
        }
    }
}
