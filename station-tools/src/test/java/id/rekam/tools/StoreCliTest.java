package id.rekam.tools;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the real commands (production KDF cost: one unlock per command). */
class StoreCliTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = StoreCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void demoThenVerifyAndStatsThenDetectTampering() throws Exception {
        Path data = dir.resolve("demo");
        Run demo = run("demo", "--data-dir", data.toString(), "--count", "4", "--fresh");
        assertThat(demo.code()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("DEMO MODE")
                .contains("Captured today: 4 | waiting for approval: 2 | waiting for sync: 2 | needs attention: 0")
                .contains("audit chain intact");

        Path pass = dir.resolve("pass.txt");
        Files.writeString(pass, StoreCli.DEMO_PASSPHRASE + "\n");
        Run verify = run("verify", "--data-dir", data.toString(), "--passphrase-file", pass.toString());
        assertThat(verify.code()).isZero();
        assertThat(verify.out()).contains("integrity_check: ok").contains("audit chain intact");

        Run stats = run("stats", "--data-dir", data.toString(), "--passphrase-file", pass.toString());
        assertThat(stats.code()).isZero();
        assertThat(stats.out()).contains("records: 4").containsPattern("QUEUED\\s+1").contains("backups: 1");

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("station.db"));
             Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER audit_log_no_update");
            s.executeUpdate("UPDATE audit_log SET actor = 'mallory' WHERE seq = 3");
        }
        Run broken = run("verify", "--data-dir", data.toString(), "--passphrase-file", pass.toString());
        assertThat(broken.code()).isEqualTo(1);
        assertThat(broken.out()).contains("broken at entry 3");

        Files.writeString(pass, "wrong\n");
        Run wrong = run("stats", "--data-dir", data.toString(), "--passphrase-file", pass.toString());
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).isNotBlank();
    }

    @Test
    void everyCommandAnswersHelp() {
        CommandLine cli = StoreCli.commandLine();
        assertThat(cli.getSubcommands()).containsOnlyKeys("init", "demo", "verify", "stats");
        for (String name : cli.getSubcommands().keySet()) {
            for (String help : new String[] {"--help", "-h"}) {
                Run r = run(name, help);
                assertThat(r.code()).as(name + " " + help + ": " + r.err()).isZero();
                assertThat(r.out()).contains("Usage: rekam-store " + name);
                assertThat(r.err()).doesNotContain("Unknown option");
            }
        }
        assertThat(run("--help").out()).contains("Usage: rekam-store").contains("demo");
    }

    @Test
    void demoStoreCarriesAStationIdTheReferenceServerAccepts() throws Exception {
        Path data = dir.resolve("demo");
        Run demo = run("demo", "--data-dir", data.toString(), "--count", "1", "--passphrase-env", "REKAM_UNSET_FOR_TEST");
        assertThat(demo.code()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("Demo passphrase '" + StoreCli.DEMO_PASSPHRASE + "'")
                .contains("Station ST-327601-0001");
        Path pass = dir.resolve("pass.txt");
        Files.writeString(pass, StoreCli.DEMO_PASSPHRASE + "\n");
        assertThat(run("stats", "--data-dir", data.toString(), "--passphrase-file", pass.toString()).out())
                .contains("station: ST-327601-0001");
    }

    @Test
    void demoUsesThePassphraseOfTheGivenFile() throws Exception {
        Path data = dir.resolve("demo");
        Path pass = dir.resolve("pass.txt");
        Files.writeString(pass, "frasa-sandi-demo-milik-teknisi\n");
        Run demo = run("demo", "--data-dir", data.toString(), "--count", "1", "--passphrase-file", pass.toString());
        assertThat(demo.code()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("--passphrase-file " + pass).doesNotContain(StoreCli.DEMO_PASSPHRASE);
        assertThat(run("verify", "--data-dir", data.toString(), "--passphrase-file", pass.toString()).code()).isZero();

        Files.writeString(pass, StoreCli.DEMO_PASSPHRASE + "\n");
        assertThat(run("verify", "--data-dir", data.toString(), "--passphrase-file", pass.toString()).code())
                .as("the demo passphrase does not open it").isEqualTo(2);
    }

    /** The variable is read from the environment, so this one runs the command in its own JVM. */
    @Test
    void demoUsesThePassphraseOfTheNamedEnvironmentVariable() throws Exception {
        Path data = dir.resolve("demo");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                StoreCli.class.getName(), "demo", "--data-dir", data.toString(), "--count", "1",
                "--passphrase-env", "REKAM_DEMO_PASS").redirectErrorStream(true);
        pb.environment().put("REKAM_DEMO_PASS", "frasa-sandi-dari-lingkungan");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("$REKAM_DEMO_PASS").doesNotContain(StoreCli.DEMO_PASSPHRASE);

        Path pass = dir.resolve("pass.txt");
        Files.writeString(pass, "frasa-sandi-dari-lingkungan\n");
        assertThat(run("verify", "--data-dir", data.toString(), "--passphrase-file", pass.toString()).code()).isZero();
    }

    @Test
    void freshRefusesToDeleteADirectoryThatIsNotAStore() throws Exception {
        Path other = dir.resolve("documents");
        Files.createDirectories(other);
        Files.writeString(other.resolve("keep.txt"), "important");
        Run r = run("demo", "--data-dir", other.toString(), "--count", "1", "--fresh");
        assertThat(r.code()).isNotZero();
        assertThat(other.resolve("keep.txt")).exists();
    }
}
