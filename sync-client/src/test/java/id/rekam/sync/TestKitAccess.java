package id.rekam.sync;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** Public face of {@link SyncTestKit} for tests in sub-packages. */
public final class TestKitAccess implements AutoCloseable {

    private final SyncTestKit kit;

    private TestKitAccess(SyncTestKit kit) {
        this.kit = kit;
    }

    public static TestKitAccess start(Path dir) throws Exception {
        return new TestKitAccess(SyncTestKit.start(dir));
    }

    public List<String> capture(int n) {
        return kit.capture(n, 5, true);
    }

    public Path passphraseFile() throws Exception {
        return kit.passphraseFile();
    }

    public Path stationDir() {
        return kit.stationDir;
    }

    public URI serverUri() {
        return kit.server.baseUri();
    }

    /** Waits until the server has decided every packet it stored (it decides off the request path). */
    public void awaitServerDecisions() throws InterruptedException {
        if (!kit.server.awaitDecisions(java.time.Duration.ofSeconds(30))) {
            throw new IllegalStateException("server still deciding after 30 s");
        }
    }

    public void closeStore() {
        kit.closeStore();
    }

    @Override
    public void close() {
        kit.close();
    }
}
