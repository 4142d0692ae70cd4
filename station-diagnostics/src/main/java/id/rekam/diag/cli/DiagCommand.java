package id.rekam.diag.cli;

import id.rekam.core.diag.DiagnosticReport;
import id.rekam.core.diag.Finding;
import id.rekam.core.diag.Status;
import id.rekam.core.equipment.EquipmentSnapshot;
import id.rekam.core.equipment.Loans;
import id.rekam.core.settings.StationSettingsFile;
import id.rekam.core.store.StationStore;
import id.rekam.devices.DeviceConfig;
import id.rekam.devices.DeviceRegistry;
import id.rekam.devices.Devices;
import id.rekam.diag.DiagnosticListener;
import id.rekam.diag.DiagnosticRun;
import id.rekam.diag.StationDiagnostics;
import id.rekam.diag.network.NetworkTarget;
import id.rekam.diag.report.ReportBuilder;
import id.rekam.diag.report.ReportFiles;
import id.rekam.diag.software.UpdateCheckStamp;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * {@code rekam diag}: the technician's diagnostics on the command line (SSH, or a station whose
 * screen will not start), the same engine and checks as the technician's screen. Started by the
 * installed launcher ({@code rekam diag ...}, {@code id.rekam.installer.StationLauncher}), so it is
 * on every installed station and in the binary zip. Without {@code --passphrase-file} nothing
 * sealed is opened: the store is inspected read-only and the server is reached unsigned (identity
 * and throughput then untested, said so). Exit status 0 when nothing failed, 1 otherwise.
 */
@Command(name = "rekam diag", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Diagnose this station: scanner, camera, network, store, software.",
                "Each check ends OK, WARNING or FAILED with the next step (Bahasa Indonesia unless --lang en)."})
public final class DiagCommand implements Callable<Integer> {

    static final String PASSPHRASE_ENV = "REKAM_PASSPHRASE";

    @Option(names = "--data-dir", description = "station data directory (default: rekam.dataDir of the installed settings)")
    Path dataDir;

    @Option(names = "--passphrase-file", description = "file holding the store passphrase: tests the station's identity "
            + "at the server, throughput and the audit chain (else $" + PASSPHRASE_ENV + " if set)")
    Path passphraseFile;

    @Option(names = "--report", paramLabel = "FILE.pdf", description = "write the help desk's report (PDF with its JSON inside)")
    Path report;

    @Option(names = "--json", paramLabel = "FILE", description = "write the report as JSON alone (- = standard output)")
    String json;

    @Option(names = "--lang", defaultValue = "${sys:rekam.lang:-id}", description = "id (default) or en")
    String lang;

    @Option(names = "--capture-timeout", defaultValue = "10", paramLabel = "SECONDS",
            description = "how long the scanner test waits for a finger (default 10)")
    int captureSeconds;

    @Option(names = "--no-capture", description = "skip the scanner's test capture")
    boolean noCapture;

    @Option(names = "--scanner-port", paramLabel = "PORT", description = "scanner port(s) to test (default: auto)")
    List<String> scannerPorts;

    @Option(names = "--camera-driver", defaultValue = "default", description = "default, none, or a driver class")
    String cameraDriver;

    @Option(names = "--simulated", description = "also test SIMULATED devices (demo and test stations only)")
    boolean simulated;

    private final PrintStream out;
    private final Clock clock;
    private final UpdateCheckStamp updates;

    public DiagCommand(PrintStream out, Clock clock, UpdateCheckStamp updates) {
        this.out = out;
        this.clock = clock;
        this.updates = updates;
    }

    public static void main(String[] args) {
        System.exit(run(System.out, args));
    }

    public static int run(PrintStream out, String... args) {
        return run(new DiagCommand(out, Clock.systemUTC(), UpdateCheckStamp.system()), args);
    }

    static int run(DiagCommand command, String... args) {
        return new CommandLine(command).setOut(new java.io.PrintWriter(command.out, true))
                .setErr(new java.io.PrintWriter(command.out, true)).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        Path dir = dataDir != null ? dataDir : Path.of(System.getProperty("rekam.dataDir",
                Path.of(System.getProperty("user.home"), ".rekam").toString()));
        Locale locale = Locale.forLanguageTag("en".equals(lang) ? "en" : "id");
        Properties settings = StationSettingsFile.effective(dir);
        String stationId = settings.getProperty("rekam.stationId", "UNREGISTERED");
        String office = settings.getProperty("rekam.office", "");
        Optional<StationStore> store = openStore(dir);
        Devices devices = devices(dir, office);
        try {
            StationDiagnostics diagnostics = new StationDiagnostics(dir, () -> devices, () -> { },
                    ref -> store.map(s -> new Loans(s).provenance(ref)).orElse(ref),
                    () -> target(settings, stationId, store), () -> store, updates,
                    noCapture ? Duration.ZERO : Duration.ofSeconds(Math.max(1, Math.min(captureSeconds, 10))), clock);
            out.println(header(locale, stationId, office, dir, store.isPresent()));
            DiagnosticRun run = diagnostics.engine(locale).run(new Printer(out));
            ZoneId zone = store.map(StationStore::zone).orElse(ZoneId.systemDefault());
            DiagnosticReport r = ReportBuilder.build(run, stationId, office, locale,
                    EquipmentSnapshot.read(dir, LocalDate.ofInstant(clock.instant(), zone)));
            print(r, locale, run);
            if (report != null) {
                Path written = ReportFiles.writePdf(Files.isDirectory(report)
                        ? report.resolve(ReportBuilder.fileName(r, "pdf")) : report, r, locale, zone);
                out.println((locale.getLanguage().equals("en") ? "Report: " : "Laporan: ") + written.toAbsolutePath());
            }
            if ("-".equals(json)) {
                out.println(new String(id.rekam.core.diag.DiagnosticReports.json(r), StandardCharsets.UTF_8));
            } else if (json != null) {
                ReportFiles.writeJson(Path.of(json), r);
            }
            return r.status() == Status.FAILED ? 1 : 0;
        } finally {
            devices.close();
            store.ifPresent(StationStore::close);
        }
    }

    private Devices devices(Path dir, String office) {
        Map<String, String> config = new HashMap<>();
        config.put("owner.office", office);
        config.put("camera.driver", cameraDriver);
        config.put("camera.fps", "30");
        config.put("devices.simulated", Boolean.toString(simulated));
        if (scannerPorts != null && !scannerPorts.isEmpty()) {
            config.put("scanner.ports", String.join(",", scannerPorts));
        }
        DeviceRegistry registry = Files.isDirectory(dir) ? DeviceRegistry.open(dir.resolve("devices.json"), office)
                : DeviceRegistry.inMemory(office);
        // No background monitor: the checks poll when they need to, so nothing else opens a port meanwhile.
        return Devices.load(DeviceConfig.of(config), registry);
    }

    private Optional<StationStore> openStore(Path dir) throws IOException {
        char[] pass = null;
        if (passphraseFile != null) {
            pass = new String(Files.readAllBytes(passphraseFile), StandardCharsets.UTF_8).strip().toCharArray();
        } else if (System.getenv(PASSPHRASE_ENV) != null) {
            pass = System.getenv(PASSPHRASE_ENV).toCharArray();
        }
        if (pass == null || !Files.isRegularFile(dir.resolve(StationStore.DB_FILE))) {
            return Optional.empty();
        }
        try {
            return Optional.of(StationStore.open(dir, pass));
        } finally {
            java.util.Arrays.fill(pass, '\0');
        }
    }

    static Optional<NetworkTarget> target(Properties settings, String stationId, Optional<StationStore> store) {
        String server = settings.getProperty(StationSettingsFile.SERVER);
        if (server == null || server.isBlank()) {
            return Optional.empty();
        }
        String pin = settings.getProperty(StationSettingsFile.SERVER_PIN);
        return Optional.of(new NetworkTarget(URI.create(server.trim()), pin == null || pin.isBlank() ? null : pin.trim(),
                store.map(StationStore::stationId).orElse(stationId),
                store.<java.util.function.UnaryOperator<byte[]>>map(s -> s::signRequest).orElse(null)));
    }

    private String header(Locale locale, String stationId, String office, Path dir, boolean unlocked) {
        boolean en = locale.getLanguage().equals("en");
        return (en ? "rekam diagnostics · " : "Diagnosis rekam · ") + stationId + (office.isBlank() ? "" : " · " + office)
                + System.lineSeparator() + (en ? "data: " : "data: ") + dir.toAbsolutePath()
                + (unlocked ? "" : (en ? " (locked: identity and throughput not tested)"
                : " (terkunci: identitas dan kecepatan tidak diuji)"));
    }

    private void print(DiagnosticReport r, Locale locale, DiagnosticRun run) {
        boolean en = locale.getLanguage().equals("en");
        out.printf("%s: %s (%.1f s)%n", en ? "Result" : "Hasil", word(r.status(), en), run.took().toMillis() / 1000.0);
    }

    static String word(Status s, boolean en) {
        return switch (s) {
            case OK -> "OK";
            case WARNING -> en ? "WARNING" : "PERINGATAN";
            case FAILED -> en ? "FAILED" : "GAGAL";
        };
    }

    /** One line per finding as it arrives, then its next step when something is to be done. */
    private static final class Printer implements DiagnosticListener {

        private final PrintStream out;

        Printer(PrintStream out) {
            this.out = out;
        }

        @Override
        public synchronized void prompt(String area, String text) {
            out.println(">>> " + text);
        }

        @Override
        public synchronized void finding(Finding f) {
            out.printf("[%-7s] %-10s %s: %s%n", f.status().wire().toUpperCase(Locale.ROOT), f.area(), f.title(), f.result());
            if (f.status() != Status.OK) {
                out.println("           -> " + f.nextStep());
            }
        }
    }
}
