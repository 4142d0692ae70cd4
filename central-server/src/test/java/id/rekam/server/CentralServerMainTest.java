package id.rekam.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CentralServerMainTest {

    @TempDir
    Path dataDir;

    @Test
    void adminCommandsWorkOnTheDataDirectoryOfARunningServer() throws Exception {
        try (CentralServer server = CentralServer.start(ServerConfig.builder(dataDir).build())) {
            String out = run("enroll-code", "--data-dir", dataDir.toString(), "--office", "32.76.01");
            String code = out.substring(0, 19);
            assertThat(code).matches("[2-9A-Z]{4}(-[2-9A-Z]{4}){3}");
            assertThat(out).contains("office 32.76.01");

            TestStation station = new TestStation(server.baseUri());
            assertThat(station.enroll(code).statusCode()).isEqualTo(201);
            assertThat(run("stations", "--data-dir", dataDir.toString())).contains("ST-327601-0001");
            assertThat(run("packets", "--data-dir", dataDir.toString())).isEmpty();
        }
    }

    private static String run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(new CentralServerMain()).execute(args);
            assertThat(exit).isZero();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
