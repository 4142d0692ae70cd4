package id.rekam.server;

import id.rekam.server.coverage.TallyStore;
import id.rekam.server.cases.ServerCases;
import id.rekam.server.dedup.DedupService;
import id.rekam.server.events.EventStore;
import id.rekam.server.imports.BundleImporter;
import id.rekam.server.keys.ServerKeyStore;
import id.rekam.server.packets.PacketRepository;
import id.rekam.server.packets.PacketService;
import id.rekam.server.packets.UploadFiles;
import id.rekam.server.stations.StationRegistry;
import id.rekam.server.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code central-server import-bundle <dir> --passphrase-file F --data-dir D}: ingests a
 * station's export bundle (docs/design/packaging.md, "Moving a station"). The passphrase comes
 * from a file, never the command line (it would sit in the shell history and the process list).
 * It may run while the server is up on the same data directory: both decide against the same
 * database, a decision commits only if no record was accepted meanwhile (else it is made again),
 * and the running server's fingerprint index picks up the imported templates within seconds,
 * without a restart.
 */
@Command(name = "import-bundle", mixinStandardHelpOptions = true,
        description = "ingest a station's encrypted export bundle (verifies signatures and hashes; exactly once)")
final class ImportBundleCommand implements Callable<Integer> {

    @Parameters(paramLabel = "BUNDLE_DIR", description = "the bundle directory (rekam-export-<station>-<time>)")
    Path bundle;

    @Option(names = "--passphrase-file", required = true,
            description = "file whose first line is the export passphrase the technician chose")
    Path passphraseFile;

    @Option(names = "--data-dir", required = true, description = "the server's data directory")
    Path dataDir;

    @Option(names = "--accept-from-lost-station",
            description = "import a bundle of a station revoked as stolen or lost (it must say it was made before)")
    boolean acceptFromLost;

    @Option(names = "--accept-unparseable-templates",
            description = "as for serving: skip fingerprint dedup for templates SourceAFIS cannot read (demo records)")
    boolean acceptUnparseable;

    @Override
    public Integer call() throws IOException {
        char[] passphrase = Files.readAllLines(passphraseFile, StandardCharsets.UTF_8).stream().findFirst()
                .orElse("").toCharArray();
        ServerConfig config = ServerConfig.builder(dataDir).acceptUnparseableTemplates(acceptUnparseable).build();
        try (Database db = new Database(dataDir.resolve("server.db"))) {
            StationRegistry stations = new StationRegistry(db, config.clock());
            PacketRepository repo = new PacketRepository(db);
            DedupService dedup = new DedupService(db, stations, config.acceptUnparseableTemplates());
            dedup.loadIndex();
            PacketService packets = new PacketService(repo, new UploadFiles(dataDir), dedup, stations,
                    ServerKeyStore.loadOrCreate(dataDir), config.clock(), config.maxPacketSize());
            // KTP ganda outcomes in the bundle are applied as if they had come over the network.
            ServerCases cases = new ServerCases(dataDir, db, repo, stations, dedup, config.clock());
            cases.attach(packets);
            // The verdicts (NIK and fingerprint duplicates) run on the decision worker, as in the
            // server; the command waits for them so that what it prints is the packets' verdict.
            packets.decisions().start();
            BundleImporter.Result r;
            try {
                r = new BundleImporter(stations, packets, new EventStore(db, config.clock(), cases.eventHandlers()),
                        new TallyStore(db, config.clock())).importBundle(bundle, passphrase, acceptFromLost);
                if (!packets.decisions().awaitIdle(java.time.Duration.ofMinutes(10))) {
                    System.err.println("imported, but the duplicate check did not finish in 10 minutes; "
                            + "the server decides the rest at its next start");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                System.err.println("interrupted; the server decides the imported packets at its next start");
                return 3;
            } finally {
                packets.decisions().stop();
            }
            System.out.printf("bundle %s from %s: %d packets imported, %d already present, %d events (%d refused)%n",
                    r.bundleId(), r.stationId(), r.imported(), r.alreadyPresent(), r.events(), r.eventsRefused());
            if (r.unapproved() > 0) {
                System.out.printf("  %d records in this safety bundle wait for a supervisor's approval: not imported;"
                        + " the station delivers them once approved%n", r.unapproved());
            }
            r.decided().keySet().forEach(id -> System.out.printf("  %-38s %s%n", id,
                    repo.find(id).map(p -> p.state().wire()).orElse("?")));
            return r.eventsRefused() == 0 ? 0 : 2;
        } catch (BundleImporter.ImportRefused e) {
            System.err.println("import refused (" + e.code() + "): " + e.getMessage());
            return 1;
        }
    }
}
