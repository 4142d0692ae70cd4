package id.rekam.tools;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

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
    void freshRefusesToDeleteADirectoryThatIsNotAStore() throws Exception {
        Path other = dir.resolve("documents");
        Files.createDirectories(other);
        Files.writeString(other.resolve("keep.txt"), "important");
        Run r = run("demo", "--data-dir", other.toString(), "--count", "1", "--fresh");
        assertThat(r.code()).isNotZero();
        assertThat(other.resolve("keep.txt")).exists();
    }
}
