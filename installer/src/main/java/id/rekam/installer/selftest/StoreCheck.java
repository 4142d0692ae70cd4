package id.rekam.installer.selftest;

import id.rekam.core.store.StationStore;
import id.rekam.core.store.StoreHealth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The station's real store code on a throw-away data directory — never the station's data:
 * create (schema migrations, key ring, encryption), write, integrity check, close, reopen and
 * read back, delete. This exercises sqlite-jdbc's native library and the crypto the bundled
 * runtime must provide.
 */
public final class StoreCheck extends SelfTestCheck {

    private static final char[] PASSPHRASE = "self-test-sekali-pakai".toCharArray();

    @Override
    public String name() {
        return "store";
    }

    @Override
    public CheckResult run() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("rekam-selftest-");
            Path data = dir.resolve("data");
            String json = "{\"selfTest\":true}";
            StoreHealth health;
            try (StationStore store = StationStore.initialise(data, PASSPHRASE, "SELF-TEST")) {
                store.saveDraft("self-test", json);
                health = store.verify();
            }
            if (!health.ok()) {
                return CheckResult.fail("new store fails verification: integrity=" + health.integrity());
            }
            Optional<String> back;
            try (StationStore store = StationStore.open(data, PASSPHRASE)) {
                back = store.loadDraft("self-test");
            }
            if (back.isEmpty() || !back.get().equals(json)) {
                return CheckResult.fail("written draft does not read back after reopening");
            }
            return CheckResult.pass("encrypted store: create, write, integrity_check (" + health.integrity()
                    + "), audit chain, reopen and read back ok");
        } catch (IOException | RuntimeException | LinkageError e) {
            return CheckResult.fail("store does not work: " + CheckResult.describe(e));
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp dir is harmless and the OS cleans /tmp
        }
    }
}
