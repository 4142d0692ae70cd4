package id.rekam.sync.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    String run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            int code = SyncCli.execute(args);
            return code + "\n" + buf.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void pushNowStatusAndVerify() throws Exception {
        kit = CliKit.start(dir);
        List<String> ids = kit.capture(3);
        Path pass = kit.passphraseFile();
        String[] common = {"--data-dir", kit.stationDir().toString(), "--server", kit.serverUri().toString(),
                "--passphrase-file", pass.toString(), "--lang", "en"};
        kit.closeStore();

        // One pass delivers everything; the server decides in the background (protocol §4.5), so the
        // verdicts arrive with the technician's next pass.
        String push = run(concat(common, "push-now"));
        assertThat(push).startsWith("0\n").contains("Waiting 0, uploading 0,");
        kit.awaitServerDecisions();
        String again = run(concat(common, "push-now"));
        assertThat(again).startsWith("0\n").contains("confirmed 3");

        String status = run(concat(common, "status"));
        assertThat(status).startsWith("0\n").containsPattern("CONFIRMED\\s+3");

        String verify = run(concat(common, "verify"));
        assertThat(verify).startsWith("0\n").contains("3 confirmed packets match the server")
                .contains("integrity_check: ok");
        assertThat(ids).hasSize(3);
        Files.delete(pass);
    }

    @Test
    void pushNowWithoutServerFailsClearlyInIndonesian() throws Exception {
        kit = CliKit.start(dir);
        kit.capture(1);
        Path pass = kit.passphraseFile();
        kit.closeStore();
        String out = run("--data-dir", kit.stationDir().toString(), "--server", "http://127.0.0.1:9/",
                "--passphrase-file", pass.toString(), "push-now");
        assertThat(out).startsWith("2\n").contains("Tidak tersambung ke server pusat").contains("Menunggu 1");
    }

    static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
