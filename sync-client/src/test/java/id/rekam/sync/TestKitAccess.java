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

    /** Server and store, the station not yet registered ({@link #enrollmentCode()} gives it a code). */
    public static TestKitAccess startUnenrolled(Path dir) throws Exception {
        return new TestKitAccess(SyncTestKit.unenrolled(dir));
    }

    /** A fresh one-time code for the kit station's office. */
    public String enrollmentCode() {
        return kit.server.admin().createEnrollmentCode(SyncTestKit.OFFICE).code();
    }

    /** Every upload answer from now on comes this much later (until {@link #clearFaults()}). */
    public void slowUploads(long millis) {
        kit.server.faults().add(id.rekam.server.faults.Fault.stall(millis).on("POST", "/v1/uploads").times(-1));
    }

    public void clearFaults() {
        kit.server.faults().clear();
    }

    public String stationId() {
        return SyncTestKit.STATION;
    }

    public char[] passphrase() {
        return SyncTestKit.PASSPHRASE.clone();
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

    public Path keyDir() {
        return kit.keyDir;
    }

    /** The central server goes away (the station's pinned address then answers nothing). */
    public void stopServer() {
        kit.server.stop();
        kit.server = null;
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
