package id.rekam.diag.cli;

import id.rekam.core.crypto.KdfParams;
import id.rekam.core.settings.StationSettingsFile;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.StoreOptions;
import id.rekam.devices.scanner.EmulatedScannerPort;
import id.rekam.devices.scanner.R30xEmulatorSettings;
import id.rekam.diag.software.UpdateCheckStamp;
import id.rekam.reports.DiagnosticsReportPdf;
import id.rekam.server.CentralServer;
import id.rekam.server.ServerConfig;
import id.rekam.sync.StationEnrollment;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code rekam diag} end to end: a registered station, its store, the emulated scanner, a real server. */
class DiagCommandTest {

    static final char[] PASSPHRASE = "uji-frasa-sandi-cli".toCharArray();

    @TempDir
    Path dir;

    private record Result(int code, String out, Duration took) {
    }

    private Result diag(String... args) throws Exception {
        Path stamp = dir.resolve("stamp");
        if (!Files.exists(stamp)) {
            Files.writeString(stamp, "");
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        int code = DiagCommand.run(new DiagCommand(out, Clock.systemUTC(), new UpdateCheckStamp(List.of(stamp))), args);
        return new Result(code, buf.toString(StandardCharsets.UTF_8), Duration.ofNanos(System.nanoTime() - t0));
    }

    @Test
    void aWorkingStationPassesAndTheReportIsWrittenWithItsJsonInside() throws Exception {
        assumeTrue(EmulatedScannerPort.pseudoTerminalUnavailable().isEmpty(), "no pseudo-terminal here: CLI scanner test skipped");
        Path data = dir.resolve("station");
        CentralServer server = CentralServer.start(ServerConfig.builder(dir.resolve("server")).build());
        try (EmulatedScannerPort scanner = EmulatedScannerPort.start(dir.resolve("pty"), R30xEmulatorSettings.defaults(),
                new id.rekam.devices.fingerprint.synth.SyntheticFingerSource(3))) {
            scanner.autoPlaceFingerAfter(Duration.ofMillis(300));
            try (StationStore store = StationStore.initialise(data, PASSPHRASE, "ST-327601-0001",
                    StoreOptions.defaults().withKdf(KdfParams.forTestsOnly(1_000, 1_000)))) {
                OkHttpClient http = new OkHttpClient();
                StationEnrollment.enroll(http, server.baseUri(), server.admin().createEnrollmentCode("32.76.01").code(),
                        store, "meja 1");
                http.dispatcher().executorService().shutdown();
                store.backupNow();
            }
            StationSettingsFile.write(data, Map.of(StationSettingsFile.SERVER, server.baseUri().toString(),
                    "rekam.stationId", "ST-327601-0001", "rekam.office", "Kecamatan Pancoran Mas"));
            Path pass = dir.resolve("pass");
            Files.writeString(pass, new String(PASSPHRASE));
            Path pdf = dir.resolve("laporan.pdf");
            Path json = dir.resolve("laporan.json");

            Result r = diag("--data-dir", data.toString(), "--passphrase-file", pass.toString(), "--simulated",
                    "--scanner-port", scanner.hostPath(), "--camera-driver", "simulated", "--capture-timeout", "5",
                    "--report", pdf.toString(), "--json", json.toString());

            assertThat(r.out()).contains("Diagnosis rekam · ST-327601-0001 · Kecamatan Pancoran Mas",
                    "[OK     ] scanner    Jabat tangan", "[OK     ] scanner    Uji rekam sidik jari",
                    "[OK     ] camera     Gambar langsung", "[OK     ] network    Server menjawab (bukan portal)",
                    "[OK     ] network    Kecepatan unggah", "[OK     ] store      Keutuhan basis data",
                    ">>> Letakkan satu jari di pemindai sekarang", "Laporan: " + pdf.toAbsolutePath());
            assertThat(r.out()).doesNotContain("[FAILED ]");
            assertThat(r.code()).as(r.out()).isZero();
            assertThat(r.took()).isLessThan(Duration.ofSeconds(30));
            assertThat(DiagnosticsReportPdf.embeddedJson(Files.readAllBytes(pdf))).isEqualTo(Files.readAllBytes(json));
        } finally {
            server.stop();
        }
    }

    @Test
    void aMissingScannerFailsTheRunWithTheNextStepAndEndsQuickly() throws Exception {
        Result r = diag("--data-dir", dir.resolve("nowhere").toString(), "--scanner-port", dir.resolve("ttyUSB9").toString(),
                "--camera-driver", "none", "--lang", "en");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("[FAILED ] scanner    Scanner ports: No scanner port",
                "-> Plug in the scanner USB cable", "[FAILED ] camera     Camera driver",
                "[WARNING] network    Central server: The station is not registered", "Result: FAILED");
        assertThat(r.took()).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void helpNeedsNoStation() throws Exception {
        Result r = diag("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("rekam diag", "--passphrase-file", "--report");
    }
}
