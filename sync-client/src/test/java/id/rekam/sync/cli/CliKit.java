package id.rekam.sync.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** Bridges to the package-private {@code SyncTestKit} of {@code id.rekam.sync}. */
final class CliKit implements AutoCloseable {

    private final id.rekam.sync.TestKitAccess access;

    private CliKit(id.rekam.sync.TestKitAccess access) {
        this.access = access;
    }

    static CliKit start(Path dir) throws Exception {
        return new CliKit(id.rekam.sync.TestKitAccess.start(dir));
    }

    static CliKit startUnenrolled(Path dir) throws Exception {
        return new CliKit(id.rekam.sync.TestKitAccess.startUnenrolled(dir));
    }

    String enrollmentCode() {
        return access.enrollmentCode();
    }

    void slowUploads(long millis) {
        access.slowUploads(millis);
    }

    void clearFaults() {
        access.clearFaults();
    }

    String stationId() {
        return access.stationId();
    }

    char[] passphrase() {
        return access.passphrase();
    }

    List<String> capture(int n) {
        return access.capture(n);
    }

    Path passphraseFile() throws Exception {
        return access.passphraseFile();
    }

    Path stationDir() {
        return access.stationDir();
    }

    Path keyDir() {
        return access.keyDir();
    }

    void stopServer() {
        access.stopServer();
    }

    URI serverUri() {
        return access.serverUri();
    }

    void awaitServerDecisions() throws InterruptedException {
        access.awaitServerDecisions();
    }

    void closeStore() {
        access.closeStore();
    }

    @Override
    public void close() {
        access.close();
    }
}
