package id.rekam.sync.cli;

import id.rekam.core.domain.Nik;
import id.rekam.core.outbox.OutboxEntry;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.store.DeliveryStore;
import id.rekam.core.store.StationStore;
import id.rekam.core.trust.ServerAddress;
import id.rekam.core.trust.ServerKeys;
import id.rekam.core.trust.ServerTrust;
import id.rekam.core.trust.TransportKeyStatement;
import id.rekam.core.store.StoreHealth;
import id.rekam.sync.LastContact;
import id.rekam.sync.Messages;
import id.rekam.sync.StationEnrollment;
import id.rekam.sync.SyncConfig;
import id.rekam.sync.SyncFailure;
import id.rekam.sync.SyncService;
import id.rekam.sync.SyncStatus;
import id.rekam.sync.TransportKey;
import id.rekam.sync.api.CentralApi;
import id.rekam.sync.api.ServerVerifier;
import id.rekam.sync.retry.Backoff;
import id.rekam.sync.api.PacketRefused;
import id.rekam.sync.api.PacketView;
import id.rekam.sync.http.HttpClients;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * The technician's sync tool: {@code enroll}, {@code register-transport-key}, {@code status},
 * {@code run}, {@code push-now}, {@code verify}, {@code requeue}. {@code run} and {@code push-now}
 * — what the overnight service does — never take the store passphrase: they send the packets the
 * desk sealed to the central server, signing requests with the service's own transport key
 * ({@code --key-dir}, 0600), and keep what the server signed for the desk's next unlock. The
 * commands that need the store's keys ({@code enroll}, {@code register-transport-key},
 * {@code verify}, {@code requeue}) read the passphrase from a file or the environment, never from
 * the command line (it would show in the process list), and are run by a technician, once.
 * The central server, its pin and keys are those pinned in the store at enrollment.
 */
@Command(name = "rekam-sync", mixinStandardHelpOptions = true,
        subcommands = {SyncCli.Enroll.class, SyncCli.RegisterTransportKey.class, SyncCli.Status.class, SyncCli.Run.class,
                SyncCli.PushNow.class, SyncCli.Verify.class, SyncCli.Requeue.class},
        description = "Delivery of the station's packets to the central server.")
public final class SyncCli {

    static final String PASSPHRASE_ENV = "REKAM_PASSPHRASE";
    static final String KEY_DIR_ENV = "REKAM_SYNC_KEY_DIR";
    /** Audit action of a headless registration ({@code enroll}). */
    public static final String AUDIT_ENROLLED = "station.enrolled";
    /** Audit action of a transport key registered after enrollment. */
    public static final String AUDIT_TRANSPORT_KEY = "station.transportKeyRegistered";

    // Checked when a command needs it (dataDir()), not by picocli: `rekam-sync <command> --help` must work without it.
    @Option(names = "--data-dir", description = "station data directory (required)")
    private Path dataDir;

    @Option(names = "--key-dir", description = "directory of the sync service's transport key (0700; default $"
            + KEY_DIR_ENV + ", else <data-dir>/sync-key); /var/lib/rekam-sync on an installed station")
    Path keyDir;

    @Option(names = "--server", description = "enroll only: central server base URI (https://pusat.example/; "
            + "http only to this machine)")
    URI server;

    @Option(names = "--pin", description = "enroll only: TLS key pin of the server (sha256/...)")
    String pin;

    @Option(names = "--passphrase-file", description = "file holding the store passphrase (else $" + PASSPHRASE_ENV
            + ", else asked at the terminal); only for enroll, register-transport-key, verify, requeue and a detailed "
            + "status. Never keep it in a file on the station.")
    Path passphraseFile;

    @Option(names = "--concurrency", defaultValue = "2")
    int concurrency;

    @Option(names = "--chunk-size", defaultValue = "1048576", description = "bytes per upload request")
    int chunkSize;

    @Option(names = "--retention-days", defaultValue = "30", description = "keep confirmed payloads this long")
    long retentionDays;

    @Option(names = "--backoff-base-ms", defaultValue = "1000")
    long backoffBaseMs;

    @Option(names = "--backoff-cap-ms", defaultValue = "300000")
    long backoffCapMs;

    @Option(names = "--poll-ms", defaultValue = "30000")
    long pollMs;

    @Option(names = "--lang", defaultValue = "id", description = "id or en")
    String lang;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    Path dataDir() {
        if (dataDir == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--data-dir'");
        }
        return dataDir;
    }

    Path keyDir() {
        if (keyDir != null) {
            return keyDir;
        }
        String env = System.getenv(KEY_DIR_ENV);
        return env != null && !env.isBlank() ? Path.of(env) : dataDir().resolve("sync-key");
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    Messages messages() {
        return new Messages(Locale.forLanguageTag(lang));
    }

    /** Status shows the sealed reasons only when a passphrase was given (it never asks). */
    boolean hasPassphrase() {
        return passphraseFile != null || System.getenv(PASSPHRASE_ENV) != null;
    }

    StationStore openStore() throws Exception {
        char[] pass;
        if (passphraseFile != null) {
            pass = Files.readString(passphraseFile, StandardCharsets.UTF_8).strip().toCharArray();
        } else if (System.getenv(PASSPHRASE_ENV) != null) {
            pass = System.getenv(PASSPHRASE_ENV).toCharArray();
        } else if (System.console() != null) {
            // A technician at the terminal: asked, not echoed, kept nowhere.
            pass = System.console().readPassword("%s", messages().get("passphrase.prompt"));
            if (pass == null) {
                throw new CommandLine.ParameterException(new CommandLine(this), "no passphrase given");
            }
        } else {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "give --passphrase-file or set " + PASSPHRASE_ENV);
        }
        return StationStore.open(dataDir(), pass);
    }

    /** The delivery settings for the server pinned in the store. */
    SyncConfig config(Optional<ServerTrust> trust) {
        ServerTrust t = trust.orElseThrow(() -> new CommandLine.ParameterException(new CommandLine(this),
                "this station has no central server pinned: enroll it first"));
        return SyncConfig.of(t).withConcurrency(concurrency).withChunkSize(chunkSize)
                .withRetention(Duration.ofDays(retentionDays))
                .withBackoff(Duration.ofMillis(backoffBaseMs), Duration.ofMillis(backoffCapMs))
                .withPollInterval(Duration.ofMillis(pollMs));
    }

    /** For the service's commands: the passphrase and another server have no place there. @return false when refused */
    boolean refuseKeysAndServer(String command) {
        if (passphraseFile != null || server != null || pin != null) {
            out().println(command + " takes neither the store passphrase nor --server/--pin: it sends sealed packets "
                    + "with the transport key to the server pinned in the store");
            return false;
        }
        return true;
    }

    static void print(PrintWriter out, Messages m, SyncStatus s) {
        out.println(m.get("status.summary", s.waiting(), s.uploading(), s.acknowledged(), s.confirmed(),
                s.duplicates(), s.rejected(), s.needsAttention()));
        out.println(lastContact(m, s.lastContact()));
        if (s.nextRetry() != null) {
            out.println(m.get("status.nextRetry", s.nextRetry()));
        }
        s.failure().ifPresent(f -> out.println(m.get("status.lastFailure", f)));
    }

    static String lastContact(Messages m, Instant when) {
        return m.get("status.lastContact", when == null ? m.get("status.never") : when);
    }

    /** A subcommand that works on the opened (unlocked) station store and closes it when done. */
    abstract static class StoreCommand implements Callable<Integer> {
        @CommandLine.ParentCommand
        SyncCli cli;

        @Override
        public final Integer call() throws Exception {
            try (StationStore store = cli.openStore()) {
                return call(store);
            }
        }

        abstract int call(StationStore store) throws Exception;
    }

    /** A subcommand of the sync service: the store stays locked, requests go out under the transport key. */
    abstract static class ServiceCommand implements Callable<Integer> {
        @CommandLine.ParentCommand
        SyncCli cli;

        /** Null (after saying why) when given the passphrase or a server, or when no server is pinned yet. */
        SyncService service(DeliveryStore store) {
            if (!cli.refuseKeysAndServer(getClass().getAnnotation(Command.class).name())) {
                return null;
            }
            if (store.serverTrust().isEmpty()) {
                cli.out().println(cli.messages().get("status.noServerKeys"));
                return null;
            }
            if (!TransportKey.exists(cli.keyDir())) {
                throw new CommandLine.ParameterException(new CommandLine(cli),
                        cli.messages().get("transport.missing", cli.keyDir()));
            }
            return SyncService.locked(store, TransportKey.load(cli.keyDir()), cli.config(store.serverTrust()),
                    Clock.systemUTC(), Backoff.threadLocalRandom(), cli.messages());
        }
    }

    @Command(name = "enroll", mixinStandardHelpOptions = true,
            description = "Register this station with the central server (--server, --pin) using a one-time "
                    + "enrollment code; pins the server's address, TLS key and keys in the store and registers the sync "
                    + "service's transport key (made in --key-dir). Run it as the sync service's user.")
    static final class Enroll extends StoreCommand {
        @Option(names = "--code", required = true, description = "one-time enrollment code from the central administrator")
        String code;

        @Option(names = "--name", description = "how the server lists this station (default: its station id)")
        String name;

        @Option(names = "--technician", required = true, description = "who registers the station (audited)")
        String technician;

        @Option(names = "--no-transport-key", description = "register no transport key (no overnight sync service)")
        boolean noTransportKey;

        @Override
        int call(StationStore store) {
            PrintWriter out = cli.out();
            Messages m = cli.messages();
            if (cli.server == null) {
                throw new CommandLine.ParameterException(new CommandLine(cli), "enroll needs --server");
            }
            ServerAddress address;
            try {
                address = ServerAddress.check(cli.server.toString(), cli.pin);
            } catch (ServerAddress.Refused e) {
                out.println(e.problem() == ServerAddress.Problem.PIN_REQUIRED ? m.get("enroll.pinRequired")
                        : m.get("enroll.refused", e.getMessage()));
                return 2;
            }
            TransportKey transport = noTransportKey ? null : TransportKey.create(cli.keyDir());
            OkHttpClient http = StationEnrollment.client(address.pin());
            StationEnrollment.Enrolled enrolled;
            try {
                enrolled = StationEnrollment.enroll(http, address, code.trim(), store,
                        name == null || name.isBlank() ? store.stationId() : name, transport, technician);
            } catch (IOException e) {
                out.println(m.get("enroll.refused", e.getMessage()));
                return 2;
            } finally {
                http.dispatcher().executorService().shutdown();
                http.connectionPool().evictAll();
            }
            store.audit(technician, AUDIT_ENROLLED, enrolled.stationId(), Map.of("server", address.base().toString(),
                    "pin", address.pin() == null ? "" : address.pin(), "serverKeys", enrolled.keys().fingerprint(),
                    "transportKey", transport == null ? "" : transport.publicKeyBase64()));
            out.println(m.get("enroll.done", enrolled.stationId(), address.base(), enrolled.keys().fingerprint()));
            if (transport != null) {
                out.println(m.get("transport.registered", cli.keyDir(), enrolled.stationId()));
            }
            return 0;
        }
    }

    @Command(name = "register-transport-key", mixinStandardHelpOptions = true,
            description = "Make a new transport key for the sync service in --key-dir (0600) and register it with the "
                    + "central server, signed by the station key (after the set-up wizard, or to replace a key). "
                    + "Run it as the sync service's user.")
    static final class RegisterTransportKey extends StoreCommand {
        @Option(names = "--technician", required = true, description = "who registers the key (audited)")
        String technician;

        @Override
        int call(StationStore store) throws Exception {
            PrintWriter out = cli.out();
            Messages m = cli.messages();
            SyncConfig config = cli.config(store.serverTrust());
            TransportKey key = TransportKey.create(cli.keyDir());
            TransportKeyStatement st = new TransportKeyStatement(store.stationId(), key.publicKeyBase64(),
                    Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            var http = HttpClients.builder(config, store.stationId(), store::signRequest, Clock.systemUTC()).build();
            try {
                new CentralApi(http, config.server()).registerTransportKey(st.transportKeyBase64(),
                        st.issuedAt().toString(), Base64.getEncoder().encodeToString(store.signTransportKey(st)));
            } catch (SyncFailure | PacketRefused e) {
                out.println(m.get("enroll.refused", e.getMessage()));
                return 2;
            } finally {
                http.dispatcher().executorService().shutdown();
                http.connectionPool().evictAll();
            }
            store.audit(technician, AUDIT_TRANSPORT_KEY, store.stationId(), Map.of("transportKey", key.publicKeyBase64()));
            out.println(m.get("transport.registered", cli.keyDir(), store.stationId()));
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Counts per delivery state and the last contact of a running service (no network, no "
                    + "passphrase; with one, also why parked records are parked).")
    static final class Status implements Callable<Integer> {
        @CommandLine.ParentCommand
        SyncCli cli;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = cli.out();
            Messages m = cli.messages();
            if (cli.hasPassphrase()) {
                try (StationStore store = cli.openStore()) {
                    print(out, m, store.outbox().countByState());
                    for (OutboxEntry e : store.outbox().inState(OutboxState.NEEDS_ATTENTION, 50)) {
                        // Reasons are kept whole (sealed); a NIK in them is masked where they are shown.
                        out.printf("NEEDS_ATTENTION %s: %s%n", e.packetId(), Nik.maskIn(e.reason()));
                    }
                    for (var e : store.events().needingAttention(50)) {
                        out.printf("NEEDS_ATTENTION event %s (%s): %s%n", e.id(), e.type(), Nik.maskIn(e.reason()));
                    }
                }
            } else {
                try (DeliveryStore store = DeliveryStore.open(cli.dataDir())) {
                    print(out, m, store.countByState());
                    int unsealed = store.unsealed();
                    if (unsealed > 0) {
                        out.println(m.get("status.unsealed", unsealed));
                    }
                }
            }
            // Another process (the service's run) may be delivering: its last contact, as it kept it.
            out.println(lastContact(m, LastContact.read(cli.dataDir()).orElse(null)));
            return 0;
        }

        private static void print(PrintWriter out, Messages m, Map<OutboxState, Long> n) {
            for (OutboxState s : OutboxState.values()) {
                out.printf("%-16s %d%n", s, n.get(s));
            }
        }
    }

    @Command(name = "requeue", mixinStandardHelpOptions = true, description = "Technician's retry of a parked packet or event (no network).")
    static final class Requeue extends StoreCommand {
        @CommandLine.Parameters(index = "0", description = "packet id or event id shown by 'status'")
        String id;

        @Option(names = "--technician", required = true, description = "who decides the retry (audited)")
        String technician;

        @Option(names = "--reason", defaultValue = "retry requested by technician", description = "why (audited)")
        String reason;

        @Override
        int call(StationStore store) {
            if (store.outbox().entry(id).isPresent()) {
                store.outbox().requeue(id, reason, technician);
            } else {
                store.events().requeue(id, reason, technician);
            }
            cli.out().printf("requeued %s%n", id);
            return 0;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Deliver continuously until stopped (Ctrl-C), without the passphrase: the systemd service.")
    static final class Run extends ServiceCommand implements Callable<Integer> {
        @Option(names = "--exit-when-drained", description = "exit 0 once nothing is left to send or to hear about")
        boolean exitWhenDrained;

        @Option(names = "--timeout-s", defaultValue = "0", description = "with --exit-when-drained: give up after this (0 = never)")
        long timeoutSeconds;

        @Override
        public Integer call() throws Exception {
            DeliveryStore store = DeliveryStore.open(cli.dataDir());
            SyncService service;
            try {
                service = service(store);
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
            if (service == null) {
                store.close();
                return 2;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                service.close();
                store.close();
                stopped.countDown();
            }, "rekam-sync-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            service.start();
            if (!exitWhenDrained) {
                stopped.await();
                return 0;
            }
            boolean drained = service.awaitDrained(timeoutSeconds == 0 ? Duration.ofDays(3650)
                    : Duration.ofSeconds(timeoutSeconds));
            print(cli.out(), cli.messages(), service.status());
            Runtime.getRuntime().removeShutdownHook(hook);
            service.close();
            store.close();
            return drained ? 0 : 3;
        }
    }

    @Command(name = "push-now", mixinStandardHelpOptions = true,
            description = "One delivery pass without the passphrase, then exit (non-zero if it failed).")
    static final class PushNow extends ServiceCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            try (DeliveryStore store = DeliveryStore.open(cli.dataDir()); SyncService service = service(store)) {
                if (service == null) {
                    return 2;
                }
                int code = 0;
                try {
                    service.runOnce();
                } catch (SyncFailure f) {
                    code = 2;
                }
                print(cli.out(), cli.messages(), service.status());
                return code;
            }
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Store integrity, audit chain, and (--with-server) confirmed packets' hashes against the server.")
    static final class Verify extends StoreCommand {
        @Option(names = "--with-server", description = "also compare confirmed packets with the pinned server")
        boolean withServer;

        @Override
        int call(StationStore store) throws Exception {
            PrintWriter out = cli.out();
            Messages m = cli.messages();
            StoreHealth health = store.verify();
            out.println(m.get("verify.storeOk", health.integrity(), health.audit()));
            boolean ok = health.ok();
            if (withServer) {
                ok &= compare(store, out, m);
            }
            return ok ? 0 : 1;
        }

        private boolean compare(StationStore store, PrintWriter out, Messages m) throws Exception {
            SyncConfig config = cli.config(store.serverTrust());
            var http = HttpClients.builder(config, store.stationId(), store::signRequest, Clock.systemUTC()).build();
            CentralApi api = new CentralApi(http, config.server(), new ServerVerifier(store.stationId(),
                    () -> store.serverTrust().map(ServerTrust::keys).map(ServerKeys::signingKey).orElse(null)));
            boolean ok = true;
            int matched = 0;
            List<OutboxEntry> confirmed = new java.util.ArrayList<>(
                    store.outbox().inState(OutboxState.CONFIRMED, Integer.MAX_VALUE));
            confirmed.addAll(store.outbox().inState(OutboxState.PRINT_READY, Integer.MAX_VALUE));
            try {
                for (OutboxEntry e : confirmed) {
                    try {
                        PacketView v = api.packet(e.packetId());
                        // The packet inside the seal is what the station signed: compare that hash.
                        if (e.sha256().equals(v.contentSha256())) {
                            matched++;
                        } else {
                            ok = false;
                            out.println(m.get("verify.packetMismatch", e.packetId(), e.sha256(), v.contentSha256()));
                        }
                    } catch (PacketRefused r) {
                        ok = false;
                        out.println(m.get("verify.packetMissing", e.packetId(), r.code()));
                    }
                }
            } catch (SyncFailure f) {
                out.println(m.reason(f));
                ok = false;
            } finally {
                http.dispatcher().executorService().shutdown();
                http.connectionPool().evictAll();
            }
            out.println(m.get("verify.packetOk", matched));
            return ok;
        }
    }

    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true, StandardCharsets.UTF_8), args);
    }

    /** Runs one command line, printing to {@code out} (tests, other tools). */
    public static int execute(PrintWriter out, String... args) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        return cl.execute(args);
    }

    static CommandLine commandLine() {
        return new CommandLine(new SyncCli()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
