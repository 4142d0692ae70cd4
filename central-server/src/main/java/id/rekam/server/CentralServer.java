package id.rekam.server;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import id.rekam.server.admin.AdminApi;
import id.rekam.server.admin.AdminAuthInterceptor;
import id.rekam.server.admin.AdminService;
import id.rekam.server.audit.AuditAnchorApi;
import id.rekam.server.auth.NonceStore;
import id.rekam.server.auth.SignatureAuthInterceptor;
import id.rekam.server.cases.CasesApi;
import id.rekam.server.cases.ServerCases;
import id.rekam.server.dedup.DedupService;
import id.rekam.server.events.EventStore;
import id.rekam.server.faults.FaultInjector;
import id.rekam.server.faults.FaultInterceptor;
import id.rekam.server.feed.FeedbackFeed;
import id.rekam.server.equipment.LoanLedger;
import id.rekam.server.health.HealthApi;
import id.rekam.server.health.ThroughputApi;
import id.rekam.server.http.GuardedExecutor;
import id.rekam.server.http.HttpAdapter;
import id.rekam.server.http.Router;
import id.rekam.server.http.ServerHeadersInterceptor;
import id.rekam.server.packets.PacketRepository;
import id.rekam.server.packets.PacketService;
import id.rekam.server.packets.Receipts;
import id.rekam.server.keys.ServerKeyStore;
import id.rekam.server.stations.StationCommands;
import id.rekam.core.trust.ServerKeys;
import id.rekam.server.packets.StationApi;
import id.rekam.server.quota.QuotaInterceptor;
import id.rekam.server.relay.PacketIngest;
import id.rekam.server.relay.RelayApi;
import id.rekam.server.coverage.TallyStore;
import id.rekam.server.packets.UploadFiles;
import id.rekam.server.stations.StationRegistry;
import id.rekam.server.store.Database;
import id.rekam.server.tus.TusHandler;
import id.rekam.server.tus.TusResumableInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The reference central server (docs/sync-protocol.md). Start in-process with
 * {@link #start(ServerConfig)}, stop with {@link #stop()}; everything it knows lives in the
 * data directory, so a stop and a new start on the same directory is a server restart.
 */
public final class CentralServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CentralServer.class);

    private final ServerConfig config;
    static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";
    /** How often the fingerprint index picks up templates written by another process. */
    static final Duration INDEX_CATCH_UP = Duration.ofSeconds(2);

    private final HttpServer http;
    private final ExecutorService workers;
    private final GuardedExecutor guarded;
    private final ScheduledExecutorService scheduler;
    private final Database db;
    private final AdminService admin;
    private final FaultInjector faults;
    private final DedupService dedup;
    private final String tlsPin;
    private final PacketService packets;
    private final ServerKeyStore keys;
    private final ServerCases cases;

    private CentralServer(ServerConfig config, HttpServer http, ExecutorService workers, GuardedExecutor guarded,
                          ScheduledExecutorService scheduler, Database db, AdminService admin, FaultInjector faults,
                          DedupService dedup, String tlsPin, PacketService packets, ServerKeyStore keys,
                          ServerCases cases) {
        this.keys = keys;
        this.config = config;
        this.http = http;
        this.workers = workers;
        this.guarded = guarded;
        this.scheduler = scheduler;
        this.db = db;
        this.admin = admin;
        this.faults = faults;
        this.dedup = dedup;
        this.tlsPin = tlsPin;
        this.packets = packets;
        this.cases = cases;
    }

    public static CentralServer start(ServerConfig config) throws IOException {
        Files.createDirectories(config.dataDir());
        Database db = new Database(config.dataDir().resolve("server.db"));
        PacketService[] packetsRef = new PacketService[1];
        try {
            ServerKeyStore keys = ServerKeyStore.loadOrCreate(config.dataDir());
            StationRegistry stations = new StationRegistry(db, config.clock());
            StationCommands commands = new StationCommands(db, stations, keys, config.clock());
            PacketRepository repo = new PacketRepository(db);
            DedupService dedup = new DedupService(db, stations, config.acceptUnparseableTemplates());
            dedup.loadIndex();
            PacketService packets = new PacketService(repo, new UploadFiles(config.dataDir()), dedup, stations, keys,
                    config.clock(), config.maxPacketSize());
            packetsRef[0] = packets;
            ServerCases cases = new ServerCases(config.dataDir(), db, repo, stations, dedup, config.clock());
            cases.attach(packets);
            packets.recover();
            packets.decisions().start();
            FeedbackFeed feed = new FeedbackFeed(db, keys);
            Receipts receipts = new Receipts(keys);
            LoanLedger loans = new LoanLedger(db, config.clock());
            EventStore events = new EventStore(db, config.clock(), cases.eventHandlers(), List.of(loans));
            FaultInjector faults = new FaultInjector();
            AdminService admin = new AdminService(stations, repo, packets, commands, config.clock());

            StationApi api = new StationApi(stations, packets, events, feed, receipts, keys, config.clock());
            RelayApi relay = new RelayApi(stations, new PacketIngest(packets), new TallyStore(db, config.clock()), db,
                    config.clock());
            TusHandler tus = new TusHandler(packets, config.maxPacketSize(), receipts);
            CasesApi casesApi = new CasesApi(cases);
            AdminApi adminApi = new AdminApi(admin, faults);
            Router router = new Router()
                    .add("GET", "/v1/health", new HealthApi(config.clock())::health)
                    .add("POST", "/v1/throughput", new ThroughputApi(config.clock())::probe)
                    .add("POST", "/v1/stations", api::enroll)
                    .add("POST", "/v1/stations/transport-key", api::transportKey)
                    .add("GET", "/v1/server-keys", api::serverKeys)
                    .add("POST", "/v1/station-report", api::stationReport)
                    .add("POST", "/v1/audit-anchors", new AuditAnchorApi(db, keys, config.clock())::anchor)
                    .add("POST", "/v1/packets", api::announce)
                    .add("GET", "/v1/packets/{packetId}", api::packet)
                    .add("POST", "/v1/events", api::events)
                    .add("GET", "/v1/feedback", api::feedback)
                    .add("GET", "/v1/stations/{stationId}/key", relay::key)
                    .add("POST", "/v1/relay/packets", relay::packet)
                    .add("POST", "/v1/relay/tallies", relay::tally)
                    .add("POST", "/v1/coverage/tally", relay::ownTally)
                    .add("GET", "/v1/coverage/tallies", relay::officeTallies)
                    .add("OPTIONS", "/v1/uploads", tus::options)
                    .add("POST", "/v1/uploads", tus::create)
                    .add("OPTIONS", "/v1/uploads/{uploadId}", tus::options)
                    .add("HEAD", "/v1/uploads/{uploadId}", tus::head)
                    .add("PATCH", "/v1/uploads/{uploadId}", tus::patch)
                    .add("POST", "/admin/enrollment-codes", adminApi::createCode)
                    .add("GET", "/admin/stations", adminApi::stations)
                    .add("POST", "/admin/stations/{stationId}/revoke", adminApi::revoke)
                    .add("POST", "/admin/stations/{stationId}/commands", adminApi::command)
                    .add("GET", "/admin/stations/{stationId}/loss-report", adminApi::lossReport)
                    .add("GET", "/admin/stations/{stationId}/loss-report.pdf", adminApi::lossReportPdf)
                    .add("GET", "/admin/packets", adminApi::packets)
                    .add("POST", "/admin/packets/{packetId}/print-ready", adminApi::printReady)
                    .add("POST", "/admin/cases", casesApi::assign)
                    .add("POST", "/admin/cases/from-duplicates", casesApi::fromDuplicates)
                    .add("GET", "/admin/cases", casesApi::list)
                    .add("GET", "/admin/loans", loans::handle)
                    .add("GET", "/admin/faults", adminApi::listFaults)
                    .add("POST", "/admin/faults", adminApi::addFault)
                    .add("DELETE", "/admin/faults", adminApi::clearFaults);
            HttpAdapter adapter = new HttpAdapter(List.of(
                    new FaultInterceptor(faults),
                    new ServerHeadersInterceptor(config.clock()),
                    new AdminAuthInterceptor(config.adminToken()),
                    new TusResumableInterceptor(),
                    new SignatureAuthInterceptor(stations, new NonceStore(db, config.clock(), config.clockSkew()),
                            config.clock(), config.clockSkew(), commands, config.maxUnverifiedBody()),
                    new QuotaInterceptor(config.quotas())),
                    router, config.maxRequestBody());

            InetSocketAddress address = new InetSocketAddress(config.bindAddress(), config.port());
            // The JDK server flushes response headers before the body; with Nagle on, a small
            // JSON body then waits for the client's delayed ACK (~40 ms a request). The JDK reads
            // this property once, when its first server starts in this JVM: an explicit setting wins.
            if (System.getProperty(NODELAY_PROPERTY) == null) {
                System.setProperty(NODELAY_PROPERTY, "true");
            }
            HttpServer http;
            String pin = null;
            if (config.tls()) {
                KeyStore ks = Tls.load(config.tlsKeystore(), config.tlsPassword());
                HttpsServer https = HttpsServer.create(address, 64);
                https.setHttpsConfigurator(new HttpsConfigurator(Tls.context(ks, config.tlsPassword())));
                pin = Tls.pin(Tls.certificate(ks));
                http = https;
            } else {
                http = HttpServer.create(address, 64);
            }
            ExecutorService workers = Executors.newFixedThreadPool(config.threads(), r -> {
                Thread t = new Thread(r, "rekam-server-worker");
                t.setDaemon(true);
                return t;
            });
            GuardedExecutor guarded = new GuardedExecutor(workers, config.timeouts());
            http.setExecutor(guarded);
            http.createContext("/", adapter);
            http.start();

            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "rekam-server-scheduler");
                t.setDaemon(true);
                return t;
            });
            // Templates another process wrote into this database (import-bundle while the server runs)
            // reach the index before the next decision anyway; this keeps it level in between.
            scheduler.scheduleWithFixedDelay(() -> {
                try {
                    dedup.catchUp();
                } catch (RuntimeException e) {
                    LOG.error("fingerprint index catch-up failed", e);
                }
            }, INDEX_CATCH_UP.toMillis(), INDEX_CATCH_UP.toMillis(), TimeUnit.MILLISECONDS);
            if (config.printReadyAfter() != null) {
                scheduler.scheduleWithFixedDelay(() -> {
                    try {
                        packets.promoteAcceptedOlderThan(config.printReadyAfter());
                    } catch (RuntimeException e) {
                        LOG.error("print-ready promotion failed", e);
                    }
                }, 200, 200, TimeUnit.MILLISECONDS);
            }
            CentralServer server = new CentralServer(config, http, workers, guarded, scheduler, db, admin, faults,
                    dedup, pin, packets, keys, cases);
            LOG.info("central server listening on {} ({} people indexed)", server.baseUri(), dedup.indexedPeople());
            return server;
        } catch (GeneralSecurityException e) {
            stopDecisions(packetsRef[0]);
            db.close();
            throw new IOException("cannot set up TLS from " + config.tlsKeystore(), e);
        } catch (IOException | RuntimeException e) {
            stopDecisions(packetsRef[0]);
            db.close();
            throw e;
        }
    }

    private static void stopDecisions(PacketService packets) {
        if (packets != null) {
            packets.decisions().stop();
        }
    }

    /**
     * Waits until every packet acknowledged so far has its verdict (the decisions run in the
     * background, protocol §4.5). @return false on timeout
     */
    public boolean awaitDecisions(Duration timeout) throws InterruptedException {
        return packets.decisions().awaitIdle(timeout);
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** E.g. {@code http://127.0.0.1:41234/} — the base the /v1 paths are resolved against. */
    public URI baseUri() {
        String host = config.bindAddress().equals("0.0.0.0") ? "127.0.0.1" : config.bindAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create((config.tls() ? "https" : "http") + "://" + host + ":" + port() + "/");
    }

    /** Pin of the TLS certificate ({@code sha256/...}), null when serving plain HTTP. */
    public String tlsPin() {
        return tlsPin;
    }

    /** The server's public keys, as the enrollment answer gives them to stations. */
    public ServerKeys serverKeys() {
        return keys.publicKeys();
    }

    public AdminService admin() {
        return admin;
    }

    public FaultInjector faults() {
        return faults;
    }

    /** People in the fingerprint index (accepted records with at least one readable template). */
    public int indexedPeople() {
        return dedup.indexedPeople();
    }

    /** KTP ganda cases: assignments to stations, outcomes applied once (docs/design/cases.md). */
    public ServerCases cases() {
        return cases;
    }

    public ServerConfig config() {
        return config;
    }

    /** Stops listening at once (open exchanges are cut) and closes the database. */
    public void stop() {
        http.stop(0);
        scheduler.shutdownNow();
        workers.shutdownNow();
        guarded.close();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        packets.decisions().stop();
        db.close();
        LOG.info("central server stopped");
    }

    @Override
    public void close() {
        stop();
    }
}
