package id.rekam.tools;

import id.rekam.server.CentralServer;
import id.rekam.server.ServerConfig;
import id.rekam.sync.cli.SyncCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A technician's whole headless path with both command lines and an in-process reference
 * server: {@code rekam-store demo} makes a store, {@code rekam-sync enroll} registers it with a
 * one-time code of the demo's office, {@code rekam-sync push-now} (server and pin as enroll kept
 * them) delivers what the demo queued, and the server's verdicts come back.
 */
class HeadlessStationTest {

    @TempDir
    Path dir;

    private static String sync(String... args) {
        StringWriter out = new StringWriter();
        int code = SyncCli.execute(new PrintWriter(out, true), args);
        return code + "\n" + out;
    }

    @Test
    void demoStoreEnrollsAndDelivers() throws Exception {
        Path data = dir.resolve("station");
        Path pass = dir.resolve("pass.txt");
        Files.writeString(pass, "frasa-sandi-stasiun-tanpa-layar\n");
        StringWriter demoOut = new StringWriter();
        int demo = StoreCli.run(new String[] {"demo", "--data-dir", data.toString(), "--count", "8",
                "--passphrase-file", pass.toString()}, new PrintWriter(demoOut, true), new PrintWriter(new StringWriter()));
        assertThat(demo).as(demoOut.toString()).isZero();
        assertThat(demoOut.toString()).contains("Station " + StoreCli.DEMO_STATION);

        try (CentralServer server = CentralServer.start(ServerConfig.builder(dir.resolve("server"))
                // DemoRecords' fingerprint templates are random bytes, not SourceAFIS templates.
                .acceptUnparseableTemplates(true).build())) {
            String code = server.admin().createEnrollmentCode("32.76.01").code();
            String enrolled = sync("--data-dir", data.toString(), "--server", server.baseUri().toString(),
                    "--passphrase-file", pass.toString(), "--lang", "en", "enroll", "--code", code, "--technician", "tek");
            assertThat(enrolled).startsWith("0\n").contains("Station " + StoreCli.DEMO_STATION + " is registered with the central server");

            // The sync service delivers without the passphrase: sealed packets, its own transport key.
            String push = sync("--data-dir", data.toString(), "--lang", "en", "push-now");
            // The demo queues a quarter of its records for delivery: 2 of 8.
            assertThat(push).startsWith("0\n").contains("Waiting 0, uploading 0, stored by server 2,");
            assertThat(server.awaitDecisions(Duration.ofSeconds(30))).isTrue();
            String verdicts = sync("--data-dir", data.toString(), "--lang", "en", "push-now");
            assertThat(verdicts).startsWith("0\n").contains("confirmed 2");
        }
    }
}
