package id.rekam.sync.cli;

import id.rekam.core.domain.Nik;
import id.rekam.core.outbox.OutboxEntry;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.settings.StationSettingsFile;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.StoreHealth;
import id.rekam.sync.LastContact;
import id.rekam.sync.Messages;
import id.rekam.sync.StationEnrollment;
import id.rekam.sync.SyncConfig;
import id.rekam.sync.SyncFailure;
import id.rekam.sync.SyncService;
import id.rekam.sync.SyncStatus;
import id.rekam.sync.api.CentralApi;
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
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * The technician's sync tool: {@code enroll}, {@code status}, {@code run}, {@code push-now},
 * {@code verify}, {@code requeue}. The store passphrase comes from a file or the environment,
 * never from the command line (it would show in the process list). Without {@code --server} the
 * commands deliver to the server (and pin) that {@code enroll} or the station's provisioning
 * wizard kept in the data directory's settings file.
 */
@Command(name = "rekam-sync", mixinStandardHelpOptions = true,
        subcommands = {SyncCli.Enroll.class, SyncCli.Status.class, SyncCli.Run.class, SyncCli.PushNow.class,
                SyncCli.Verify.class, SyncCli.Requeue.class},
        description = "Delivery of the station's packets to the central server.")
public final class SyncCli {

    static final String PASSPHRASE_ENV = "REKAM_PASSPHRASE";
    /** Audit action of a headless registration ({@code enroll}). */
    public static final String AUDIT_ENROLLED = "station.enrolled";

    // Checked when a command needs it (dataDir()), not by picocli: `rekam-sync <command> --help` must work without it.
    @Option(names = "--data-dir", description = "station data directory (required)")
    private Path dataDir;

    @Option(names = "--server", description = "central server base URI, e.g. https://pusat.example/ "
            + "(default: the one kept by enroll or the station's set-up)")
    URI server;

    @Option(names = "--pin", description = "TLS key pin of the server (sha256/...)")
    String pin;

    @Option(names = "--passphrase-file", description = "file holding the store passphrase (else $" + PASSPHRASE_ENV + ")")
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

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    Messages messages() {
        return new Messages(Locale.forLanguageTag(lang));
    }

    StationStore openStore() throws Exception {
        char[] pass;
        if (passphraseFile != null) {
            pass = Files.readString(passphraseFile, StandardCharsets.UTF_8).strip().toCharArray();
        } else {
            String env = System.getenv(PASSPHRASE_ENV);
            if (env == null) {
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "give --passphrase-file or set " + PASSPHRASE_ENV);
            }
            pass = env.toCharArray();
        }
        return StationStore.open(dataDir(), pass);
    }

    /** {@code --server} with {@code --pin}, else the server and pin kept in the station's settings file. */
    SyncConfig config() {
        URI target = server;
        String targetPin = pin;
        if (target == null) {
            Properties kept = StationSettingsFile.effective(dataDir());
            String url = kept.getProperty(StationSettingsFile.SERVER, "").trim();
            if (url.isEmpty()) {
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "--server is required (no server kept in " + dataDir().resolve(StationSettingsFile.FILE) + ")");
            }
            target = URI.create(url);
            String keptPin = kept.getProperty(StationSettingsFile.SERVER_PIN, "").trim();
            targetPin = keptPin.isEmpty() ? null : keptPin;
        }
        return SyncConfig.defaults(target).withTlsPin(targetPin).withConcurrency(concurrency).withChunkSize(chunkSize)
                .withRetention(Duration.ofDays(retentionDays))
                .withBackoff(Duration.ofMillis(backoffBaseMs), Duration.ofMillis(backoffCapMs))
                .withPollInterval(Duration.ofMillis(pollMs));
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

    /** A subcommand that works on the opened station store and closes it when done. */
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

    @Command(name = "enroll", mixinStandardHelpOptions = true,
            description = "Register this station with the central server (--server, --pin) using a one-time "
                    + "enrollment code; keeps the server and pin where the station and later commands read them.")
    static final class Enroll extends StoreCommand {
        @Option(names = "--code", required = true, description = "one-time enrollment code from the central administrator")
        String code;

        @Option(names = "--name", description = "how the server lists this station (default: its station id)")
        String name;

        @Option(names = "--technician", required = true, description = "who registers the station (audited)")
        String technician;

        @Override
        int call(StationStore store) {
            PrintWriter out = cli.out();
            Messages m = cli.messages();
            if (cli.server == null) {
                throw new CommandLine.ParameterException(new CommandLine(cli), "enroll needs --server");
            }
            URI base = URI.create(cli.server.toString().endsWith("/") ? cli.server.toString() : cli.server + "/");
            String pin = cli.pin == null || cli.pin.isBlank() ? null : cli.pin.trim();
            if ("https".equalsIgnoreCase(base.getScheme()) && pin == null) {
                out.println(m.get("enroll.pinRequired"));
                return 2;
            }
            OkHttpClient http = StationEnrollment.client(pin);
            String id;
            try {
                id = StationEnrollment.enroll(http, base, code.trim(),
                        store, name == null || name.isBlank() ? store.stationId() : name);
            } catch (IOException e) {
                out.println(m.get("enroll.refused", e.getMessage()));
                return 2;
            } finally {
                http.dispatcher().executorService().shutdown();
                http.connectionPool().evictAll();
            }
            StationSettingsFile.write(cli.dataDir(), Map.of(StationSettingsFile.SERVER, base.toString(),
                    StationSettingsFile.SERVER_PIN, pin == null ? "" : pin));
            store.audit(technician, AUDIT_ENROLLED, id, Map.of("server", base.toString(), "pin", pin == null ? "" : pin));
            out.println(m.get("enroll.done", id, base, cli.dataDir().resolve(StationSettingsFile.FILE)));
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Counts per delivery state and the last contact of a running service (no network).")
    static final class Status extends StoreCommand {
        @Override
        int call(StationStore store) {
            PrintWriter out = cli.out();
            Messages m = cli.messages();
            var n = store.outbox().countByState();
            for (OutboxState s : OutboxState.values()) {
                out.printf("%-16s %d%n", s, n.get(s));
            }
            // Another process (the service's run) may be delivering: its last contact, as it kept it.
            out.println(lastContact(m, LastContact.read(cli.dataDir()).orElse(null)));
            for (OutboxEntry e : store.outbox().inState(OutboxState.NEEDS_ATTENTION, 50)) {
                // Reasons are kept whole (sealed); a NIK in them is masked where they are shown.
                out.printf("NEEDS_ATTENTION %s: %s%n", e.packetId(), Nik.maskIn(e.reason()));
            }
            for (var e : store.events().needingAttention(50)) {
                out.printf("NEEDS_ATTENTION event %s (%s): %s%n", e.id(), e.type(), Nik.maskIn(e.reason()));
            }
            return 0;
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

    @Command(name = "run", mixinStandardHelpOptions = true, description = "Deliver continuously until stopped (Ctrl-C).")
    static final class Run implements Callable<Integer> {
        @CommandLine.ParentCommand
        SyncCli cli;

        @Option(names = "--exit-when-drained", description = "exit 0 once nothing is left to send or to hear about")
        boolean exitWhenDrained;

        @Option(names = "--timeout-s", defaultValue = "0", description = "with --exit-when-drained: give up after this (0 = never)")
        long timeoutSeconds;

        @Override
        public Integer call() throws Exception {
            StationStore store = cli.openStore();
            SyncService service = new SyncService(store, cli.config());
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

    @Command(name = "push-now", mixinStandardHelpOptions = true, description = "One delivery pass, then exit (non-zero if it failed).")
    static final class PushNow extends StoreCommand {
        @Override
        int call(StationStore store) {
            try (SyncService service = new SyncService(store, cli.config())) {
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

    @Command(name = "verify", mixinStandardHelpOptions = true, description = "Store integrity, audit chain, and confirmed packets' hashes against the server.")
    static final class Verify extends StoreCommand {
        @Override
        int call(StationStore store) throws Exception {
            PrintWriter out = cli.out();
            Messages m = cli.messages();
            StoreHealth health = store.verify();
            out.println(m.get("verify.storeOk", health.integrity(), health.audit()));
            boolean ok = health.ok();
            if (cli.server != null) {
                ok &= compare(store, out, m);
            }
            return ok ? 0 : 1;
        }

        private boolean compare(StationStore store, PrintWriter out, Messages m) throws Exception {
            SyncConfig config = cli.config();
            var http = HttpClients.builder(config, store.stationId(), store::signRequest, Clock.systemUTC()).build();
            CentralApi api = new CentralApi(http, config.server());
            boolean ok = true;
            int matched = 0;
            List<OutboxEntry> confirmed = new java.util.ArrayList<>(
                    store.outbox().inState(OutboxState.CONFIRMED, Integer.MAX_VALUE));
            confirmed.addAll(store.outbox().inState(OutboxState.PRINT_READY, Integer.MAX_VALUE));
            try {
                for (OutboxEntry e : confirmed) {
                    try {
                        PacketView v = api.packet(e.packetId());
                        if (v.sha256().equals(e.sha256())) {
                            matched++;
                        } else {
                            ok = false;
                            out.println(m.get("verify.packetMismatch", e.packetId(), e.sha256(), v.sha256()));
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
