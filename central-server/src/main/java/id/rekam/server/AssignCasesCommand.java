package id.rekam.server;

import id.rekam.server.cases.CaseAssigner;
import id.rekam.server.cases.ServerCases;
import id.rekam.server.dedup.DedupService;
import id.rekam.server.http.ApiException;
import id.rekam.server.packets.PacketRepository;
import id.rekam.server.stations.StationRegistry;
import id.rekam.server.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code central-server assign-cases}: sends a district's KTP ganda cases to the desks that must act
 * (docs/design/cases.md) — every record decided {@code duplicate} without a case, or one pair.
 */
@Command(name = "assign-cases", mixinStandardHelpOptions = true,
        description = "assign KTP ganda cases to the stations of the citizens' kecamatan (signed feed entries)")
final class AssignCasesCommand implements Callable<Integer> {

    @Option(names = "--data-dir", required = true, description = "the server's data directory")
    Path dataDir;

    @Option(names = "--office-prefix", description = "only citizens of kecamatan codes starting with this, e.g. 33.10")
    String officePrefix;

    @Option(names = "--records", split = ",", description = "one pair: two packet ids, comma-separated")
    List<String> records;

    @Option(names = "--station", description = "with --records: the station to assign to (default: the kecamatan's)")
    String station;

    @Override
    public Integer call() {
        try (Database db = new Database(dataDir.resolve("server.db"))) {
            StationRegistry stations = new StationRegistry(db, Clock.systemUTC());
            DedupService dedup = new DedupService(db, stations, false);
            CaseAssigner assigner = new ServerCases(dataDir, db, new PacketRepository(db), stations, dedup,
                    Clock.systemUTC()).assigner();
            if (records != null) {
                if (records.size() != 2) {
                    System.err.println("--records names two packet ids");
                    return 2;
                }
                try {
                    CaseAssigner.Assigned a = assigner.assign(records.get(0), records.get(1), station, "duplicate", null);
                    System.out.println(a.caseId() + "  assigned to " + a.stationId());
                    return 0;
                } catch (ApiException e) {
                    System.err.println("not assigned (" + e.code() + "): " + e.getMessage());
                    return 1;
                }
            }
            CaseAssigner.Bulk bulk = assigner.assignDuplicates(officePrefix);
            bulk.assigned().forEach(a -> System.out.printf("%s  %s  %s|%s%n", a.caseId(), a.stationId(), a.first(),
                    a.second()));
            bulk.skipped().forEach(s -> System.out.println("skipped " + s));
            System.out.printf("%d assigned, %d skipped%n", bulk.assigned().size(), bulk.skipped().size());
            return 0;
        }
    }
}
