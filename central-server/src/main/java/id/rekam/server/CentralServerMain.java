package id.rekam.server;

import id.rekam.server.admin.AdminService;
import id.rekam.server.dedup.DedupService;
import id.rekam.server.packets.PacketRecord;
import id.rekam.server.packets.PacketRepository;
import id.rekam.server.packets.PacketService;
import id.rekam.server.packets.UploadFiles;
import id.rekam.server.stations.Station;
import id.rekam.server.keys.ServerKeyStore;
import id.rekam.server.stations.StationCommands;
import id.rekam.server.stations.StationRegistry;
import id.rekam.server.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code central-server --port 8080 --data-dir ./server-data} runs the server until Ctrl-C;
 * the subcommands administer the same data directory (safe while the server runs: SQLite WAL).
 */
@Command(name = "central-server", mixinStandardHelpOptions = true,
        description = "rekam reference central server (development, demos, tests)",
        subcommands = {CentralServerMain.EnrollCode.class, CentralServerMain.Stations.class,
                CentralServerMain.Packets.class, CentralServerMain.PrintReady.class, ImportBundleCommand.class,
                StationAdminCommands.Revoke.class, StationAdminCommands.SendCommand.class,
                StationAdminCommands.LossReportCommand.class,
                AssignCasesCommand.class})
public final class CentralServerMain implements Callable<Integer> {

    // Not 'required' here: picocli would then demand it before any subcommand too.
    @Option(names = "--data-dir", description = "directory for server.db, uploads and packets (required to serve)")
    Path dataDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port (0 = any free port); default ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "address to listen on; default ${DEFAULT-VALUE}")
    String bind;

    @Option(names = "--admin-token", description = "enables /admin/ with this bearer token")
    String adminToken;

    @Option(names = "--tls-keystore", description = "PKCS12 keystore: serve HTTPS")
    Path tlsKeystore;

    @Option(names = "--tls-password", description = "keystore password", defaultValue = "changeit")
    String tlsPassword;

    @Option(names = "--tls-self-signed", description = "generate <data-dir>/tls.p12 (self-signed) if missing and serve HTTPS")
    boolean selfSigned;

    @Option(names = "--print-ready-after", description = "make accepted records print-ready after this ISO-8601 duration, e.g. PT30S")
    Duration printReadyAfter;

    @Option(names = "--accept-unparseable-templates",
            description = "skip fingerprint dedup for templates SourceAFIS cannot read (demo records) instead of rejecting")
    boolean acceptUnparseable;

    @Option(names = "--no-quotas",
            description = "serve without per-station and per-address quotas (429); for load tests and demos")
    boolean noQuotas;

    public static void main(String[] args) {
        System.exit(new CommandLine(new CentralServerMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (dataDir == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--data-dir'");
        }
        ServerConfig.Builder b = ServerConfig.builder(dataDir).port(port).bindAddress(bind).adminToken(adminToken)
                .printReadyAfter(printReadyAfter).acceptUnparseableTemplates(acceptUnparseable)
                .quotas(noQuotas ? id.rekam.server.quota.Quotas.unlimited() : id.rekam.server.quota.Quotas.defaults());
        Path keystore = tlsKeystore;
        if (selfSigned && keystore == null) {
            keystore = dataDir.resolve("tls.p12");
            if (!Files.exists(keystore)) {
                Tls.generateSelfSigned(keystore, tlsPassword.toCharArray());
            }
        }
        if (keystore != null) {
            b.tls(keystore, tlsPassword.toCharArray());
        }
        CentralServer server = CentralServer.start(b.build());
        System.out.println("rekam central server on " + server.baseUri());
        if (server.tlsPin() != null) {
            System.out.println("TLS pin for stations: " + server.tlsPin());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /** Opens the data directory for an admin command without starting the HTTP server. */
    static AdminService offline(Path dataDir, Database db) {
        StationRegistry stations = new StationRegistry(db, Clock.systemUTC());
        PacketRepository repo = new PacketRepository(db);
        DedupService dedup = new DedupService(db, stations, false);
        ServerKeyStore keys = ServerKeyStore.loadOrCreate(dataDir);
        return new AdminService(stations, repo,
                new PacketService(repo, new UploadFiles(dataDir), dedup, stations, keys, Clock.systemUTC(),
                        Long.MAX_VALUE),
                new StationCommands(db, stations, keys, Clock.systemUTC()), Clock.systemUTC());
    }

    abstract static class AdminCommand implements Callable<Integer> {
        @Option(names = "--data-dir", required = true, description = "the server's data directory")
        Path dataDir;

        @Override
        public Integer call() {
            try (Database db = new Database(dataDir.resolve("server.db"))) {
                return run(offline(dataDir, db));
            }
        }

        abstract int run(AdminService admin);
    }

    @Command(name = "enroll-code", mixinStandardHelpOptions = true,
            description = "create a one-time enrollment code for a new station")
    static final class EnrollCode extends AdminCommand {
        @Option(names = "--office", required = true, description = "kecamatan code the station serves, e.g. 32.76.01")
        String office;

        @Override
        int run(AdminService admin) {
            StationRegistry.IssuedCode code = admin.createEnrollmentCode(office);
            System.out.println(code.code() + "  office " + code.office() + "  valid until " + code.expiresAt());
            return 0;
        }
    }

    @Command(name = "stations", mixinStandardHelpOptions = true, description = "list registered stations")
    static final class Stations extends AdminCommand {
        @Override
        int run(AdminService admin) {
            for (Station s : admin.stations()) {
                System.out.printf("%-20s %-9s %s %s%s%n", s.stationId(), s.office(), s.enrolledAt(),
                        s.name() == null ? "" : s.name(), s.revoked() ? "  REVOKED " + s.revocation().reason().wire()
                                + " " + s.revocation().at() : "");
            }
            return 0;
        }
    }

    @Command(name = "packets", mixinStandardHelpOptions = true, description = "list packets (NIK masked)")
    static final class Packets extends AdminCommand {
        @Override
        int run(AdminService admin) {
            for (PacketRecord p : admin.packets()) {
                System.out.printf("%-38s %-20s %-15s %9d %s %s%n", p.packetId(), p.stationId(), p.state().wire(),
                        p.size(), p.nik() == null ? "-" : id.rekam.core.domain.Nik.of(p.nik()).masked(),
                        p.reasonCode() == null ? "" : p.reasonCode());
            }
            return 0;
        }
    }

    @Command(name = "print-ready", mixinStandardHelpOptions = true, description = "mark an accepted packet print-ready")
    static final class PrintReady extends AdminCommand {
        @CommandLine.Parameters(paramLabel = "PACKET_ID")
        String packetId;

        @Override
        int run(AdminService admin) {
            if (admin.markPrintReady(packetId)) {
                System.out.println(packetId + " print-ready");
                return 0;
            }
            System.err.println(packetId + " is not in state accepted");
            return 1;
        }
    }
}
