package id.rekam.demo;

import id.rekam.core.store.StationStore;
import id.rekam.server.CentralServer;
import id.rekam.server.ServerConfig;
import id.rekam.sync.StationEnrollment;
import id.rekam.sync.SyncConfig;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Demo mode only: the reference central server, in-process on 127.0.0.1 (random port, data in
 * the demo directory), so the demo shows records going waiting → confirmed → print-ready. This
 * is the one reason station-app depends on central-server; production code never reaches it
 * (Bootstrap creates it only when {@code --demo} is given). The demo's templates come from
 * SYNTHETIC prints, hence {@code acceptUnparseableTemplates}.
 */
public final class DemoCentral implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCentral.class);
    /** Long enough to see "confirmed" before "ready to print" on the sync panel. */
    static final Duration PRINT_READY_AFTER = Duration.ofSeconds(15);
    static final Duration POLL = Duration.ofSeconds(3);

    private final CompletableFuture<CentralServer> server;
    private final String office;

    /** Starts the server in the background (the unlock screen is up meanwhile). */
    public DemoCentral(Path dataDir, String office) {
        this(dataDir, office, PRINT_READY_AFTER, CompletableFuture.completedFuture(null));
    }

    /** Starts the server in the background once {@code startAfter} completes (e.g. the first frame is drawn). */
    public DemoCentral(Path dataDir, String office, CompletableFuture<?> startAfter) {
        this(dataDir, office, PRINT_READY_AFTER, startAfter);
    }

    DemoCentral(Path dataDir, String office, Duration printReadyAfter) {
        this(dataDir, office, printReadyAfter, CompletableFuture.completedFuture(null));
    }

    private DemoCentral(Path dataDir, String office, Duration printReadyAfter, CompletableFuture<?> startAfter) {
        this.office = office;
        this.server = startAfter.thenApplyAsync(ignored -> {
            try {
                CentralServer s = CentralServer.start(ServerConfig.builder(dataDir).bindAddress("127.0.0.1").port(0)
                        .acceptUnparseableTemplates(true).printReadyAfter(printReadyAfter).build());
                LOG.info("demo reference server (SIMULATED central) listening on {}", s.baseUri());
                return s;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the demo reference server", e);
            }
        }, r -> {
            Thread t = new Thread(r, "rekam-demo-central");
            t.setDaemon(true);
            t.start();
        });
    }

    /**
     * The station id the fresh demo server gives the first station of {@code office}
     * ({@code ST-<office digits>-0001}, see the server's StationRegistry). The demo store is
     * created with it because the id is inside every signed packet and enrolment checks it.
     */
    public static String stationIdFor(String office) {
        return "ST-" + office.replace(".", "") + "-0001";
    }

    public SyncConfig syncConfig() {
        return SyncConfig.defaults(server.join().baseUri()).withPollInterval(POLL)
                .withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /** Registers the demo store's key with a one-time code, as a technician would at provisioning. */
    public void enroll(StationStore store) {
        CentralServer s = server.join();
        if (s.admin().stations().stream().anyMatch(st -> st.stationId().equals(store.stationId()))) {
            return;
        }
        OkHttpClient http = new OkHttpClient();
        try {
            String code = s.admin().createEnrollmentCode(office).code();
            StationEnrollment.enroll(http, s.baseUri(), code, store, "Stasiun demo");
        } catch (IOException e) {
            throw new UncheckedIOException("demo station enrolment failed", e);
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    @Override
    public void close() {
        server.thenAccept(CentralServer::stop);
    }
}
