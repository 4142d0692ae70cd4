package id.rekam.sync.cli;

import id.rekam.core.settings.StationSettingsFile;
import id.rekam.core.store.StationStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The technician's commands against a real server and store. */
class SyncCliTest {

    @TempDir
    Path dir;
    CliKit kit;

    @AfterEach
    void tearDown() {
        if (kit != null) {
            kit.close();
        }
    }

    /** Keeps {@code started} as the test's kit, queues {@code captures} records, closes the store for the commands. */
    private Path ready(CliKit started, int captures) throws Exception {
        kit = started;
        if (captures > 0) {
            kit.capture(captures);
        }
        Path pass = kit.passphraseFile();
        kit.closeStore();
        return pass;
    }

    /** Exit code, a new line, then what the command printed (safe to call from several threads). */
    static String run(String... args) {
        StringWriter buf = new StringWriter();
        int code = SyncCli.execute(new PrintWriter(buf, true), args);
        return code + "\n" + buf;
    }

    @Test
    void everyCommandAnswersHelp() {
        CommandLine cli = SyncCli.commandLine();
        assertThat(cli.getSubcommands()).containsKeys("enroll", "register-transport-key", "status", "run", "push-now",
                "verify", "requeue");
        for (String name : cli.getSubcommands().keySet()) {
            for (String help : new String[] {"--help", "-h"}) {
                // Neither the parent's required --data-dir nor the command's own options stand in the way.
                assertThat(run(name, help)).as(name + " " + help)
                        .startsWith("0\n").contains("Usage: rekam-sync " + name);
                assertThat(run("--data-dir", dir.toString(), name, help)).as(name + " " + help)
                        .startsWith("0\n").contains("Usage: rekam-sync " + name);
            }
        }
        assertThat(run("--help")).startsWith("0\n").contains("Usage: rekam-sync").contains("enroll");
        assertThat(run("status")).as("--data-dir is still required to do anything").startsWith("2\n");
    }

    @Test
    void enrollRegistersTheStationAndLaterCommandsUseTheKeptServer() throws Exception {
        Path pass = ready(CliKit.startUnenrolled(dir), 2);
        String data = kit.stationDir().toString();
        String keys = dir.resolve("service-keys").toString();

        // Before registration there is no server to deliver to.
        String early = run("--data-dir", data, "--key-dir", keys, "--lang", "en", "push-now");
        assertThat(early).startsWith("2\n").contains("Register the station");

        String bad = run("--data-dir", data, "--key-dir", keys, "--server", kit.serverUri().toString(),
                "--passphrase-file", pass.toString(), "--lang", "en", "enroll", "--code", "AAAA-BBBB-CCCC-DDDD",
                "--technician", "tek");
        assertThat(bad).startsWith("2\n").contains("Station registration failed").contains("enrollment-code-unknown");

        String enrolled = run("--data-dir", data, "--key-dir", keys, "--server", kit.serverUri().toString(),
                "--passphrase-file", pass.toString(), "--lang", "en", "enroll", "--code", kit.enrollmentCode(),
                "--technician", "tek", "--name", "Meja 1");
        assertThat(enrolled).startsWith("0\n").contains("Station " + kit.stationId() + " is registered")
                .contains("transport key was made in " + keys);
        // The server lives in the store now, never in the group-writable settings file.
        assertThat(StationSettingsFile.read(kit.stationDir()).getProperty(StationSettingsFile.SERVER)).isNull();
        Path key = Path.of(keys, "transport.key");
        assertThat(id.rekam.core.crypto.PrivateKeyFile.ownerOnly(key)).isTrue();
        if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                    .isEqualTo("rw-------");
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(key.getParent()))).isEqualTo("rwx------");
        }

        // The service's commands: no passphrase, no --server; they take neither.
        String push = run("--data-dir", data, "--key-dir", keys, "--lang", "en", "push-now");
        assertThat(push).startsWith("0\n").contains("Waiting 0, uploading 0,");
        kit.awaitServerDecisions();
        assertThat(run("--data-dir", data, "--key-dir", keys, "--lang", "en", "push-now"))
                .startsWith("0\n").contains("confirmed 2");
        assertThat(run("--data-dir", data, "--key-dir", keys, "--passphrase-file", pass.toString(), "push-now"))
                .startsWith("2\n").contains("takes neither the store passphrase");

        try (StationStore store = StationStore.open(kit.stationDir(), kit.passphrase())) {
            assertThat(store.serverTrust()).hasValueSatisfying(t -> {
                assertThat(t.server()).isEqualTo(kit.serverUri());
                assertThat(t.keys()).isNotNull();
            });
            // What the locked service learned is applied at unlock: both records confirmed.
            assertThat(store.outbox().countByState().get(id.rekam.core.outbox.OutboxState.CONFIRMED)).isEqualTo(2);
            assertThat(store.auditTrail(0, 10_000)).anySatisfy(e -> {
                assertThat(e.action()).isEqualTo(SyncCli.AUDIT_ENROLLED);
                assertThat(e.actor()).isEqualTo("tek");
                assertThat(e.subject()).isEqualTo(kit.stationId());
            });
        }
    }

    @Test
    void enrollRefusesAnHttpsServerWithoutPinBeforeSendingTheCode() throws Exception {
        Path pass = ready(CliKit.startUnenrolled(dir), 0);
        String out = run("--data-dir", kit.stationDir().toString(), "--server", "https://127.0.0.1:9/",
                "--passphrase-file", pass.toString(), "--lang", "en", "enroll", "--code", kit.enrollmentCode(),
                "--technician", "tek");
        assertThat(out).startsWith("2\n").contains("needs --pin");
        String plain = run("--data-dir", kit.stationDir().toString(), "--server", "http://10.1.2.3:8080/",
                "--passphrase-file", pass.toString(), "--lang", "en", "enroll", "--code", kit.enrollmentCode(),
                "--technician", "tek");
        assertThat(plain).startsWith("2\n").contains("plain http is allowed only to this machine");
        try (StationStore store = StationStore.open(kit.stationDir(), kit.passphrase())) {
            assertThat(store.serverTrust()).isEmpty();
        }
    }

    @Test
    void aNewTransportKeyIsRegisteredOnTheStationKeysWordAndTheOldOneNoLongerWorks() throws Exception {
        Path pass = ready(CliKit.start(dir), 1);
        String[] service = {"--data-dir", kit.stationDir().toString(), "--key-dir", kit.keyDir().toString(),
                "--lang", "en"};
        byte[] old = Files.readAllBytes(kit.keyDir().resolve("transport.key"));
        String out = run("--data-dir", kit.stationDir().toString(), "--key-dir", kit.keyDir().toString(),
                "--passphrase-file", pass.toString(), "--lang", "en", "register-transport-key", "--technician", "tek");
        assertThat(out).startsWith("0\n").contains("registered with the central server");
        assertThat(run(concat(service, "push-now"))).startsWith("0\n").contains("Waiting 0");
        // The key it replaced is refused by the server.
        Files.write(kit.keyDir().resolve("transport.key"), old);
        assertThat(run(concat(service, "push-now"))).startsWith("2\n");
    }

    /**
     * While {@code run} delivers slowly (every upload answer held back), {@code status} from
     * another command shows a last contact that moves on during the pass, not the moment the
     * pass began.
     */
    @Test
    void statusShowsTheLastContactOfARunningServiceAsItGoes() throws Exception {
        ready(CliKit.start(dir), 10);
        String[] common = {"--data-dir", kit.stationDir().toString(), "--key-dir", kit.keyDir().toString(),
                "--lang", "en", "--concurrency", "1"};
        assertThat(run(concat(common, "status"))).contains("Last contact with the server: never");

        kit.slowUploads(500);
        Instant started = Instant.now();
        CompletableFuture<String> running = CompletableFuture.supplyAsync(
                () -> run(concat(common, "run", "--exit-when-drained", "--timeout-s", "60")));
        Thread.sleep(2_500);
        assertThat(running).as("10 uploads at 500 ms each are still going").isNotDone();
        Instant first = lastContact(run(concat(common, "status")));
        Thread.sleep(1_500);
        Instant second = lastContact(run(concat(common, "status")));
        assertThat(running).isNotDone();
        // The pass began with its probe at `started`; contacts during its uploads come later.
        assertThat(first).isAfter(started.plusMillis(1_000));
        assertThat(second).isAfter(first);

        kit.clearFaults();
        assertThat(running.get(90, TimeUnit.SECONDS)).startsWith("0\n");
    }

    private static Instant lastContact(String status) {
        Matcher m = Pattern.compile("Last contact with the server: (\\S+)").matcher(status);
        assertThat(m.find()).as(status).isTrue();
        return Instant.parse(m.group(1));
    }

    @Test
    void pushNowStatusAndVerify() throws Exception {
        kit = CliKit.start(dir);
        List<String> ids = kit.capture(3);
        Path pass = kit.passphraseFile();
        String[] service = {"--data-dir", kit.stationDir().toString(), "--key-dir", kit.keyDir().toString(),
                "--lang", "en"};
        kit.closeStore();

        // One pass delivers everything; the server decides in the background (protocol §4.5), so the
        // verdicts arrive with the service's next pass.
        String push = run(concat(service, "push-now"));
        assertThat(push).startsWith("0\n").contains("Waiting 0, uploading 0,");
        kit.awaitServerDecisions();
        String again = run(concat(service, "push-now"));
        assertThat(again).startsWith("0\n").contains("confirmed 3");

        String status = run(concat(service, "status"));
        assertThat(status).startsWith("0\n").containsPattern("CONFIRMED\\s+3");

        String verify = run("--data-dir", kit.stationDir().toString(), "--passphrase-file", pass.toString(),
                "--lang", "en", "verify", "--with-server");
        assertThat(verify).startsWith("0\n").contains("3 confirmed packets match the server")
                .contains("integrity_check: ok");
        assertThat(ids).hasSize(3);
        Files.delete(pass);
    }

    @Test
    void pushNowWithoutServerFailsClearlyInIndonesian() throws Exception {
        ready(CliKit.start(dir), 1);
        kit.stopServer();
        String out = run("--data-dir", kit.stationDir().toString(), "--key-dir", kit.keyDir().toString(), "push-now");
        assertThat(out).startsWith("2\n").contains("Tidak tersambung ke server pusat").contains("Menunggu 1");
    }

    static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
