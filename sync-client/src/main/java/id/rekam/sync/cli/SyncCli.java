package id.rekam.sync.cli;

import id.rekam.core.domain.Nik;
import id.rekam.core.outbox.OutboxEntry;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.StoreHealth;
import id.rekam.sync.Messages;
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
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * The technician's sync tool: {@code status}, {@code run}, {@code push-now}, {@code verify}.
 * The store passphrase comes from a file or the environment, never from the command line
 * (it would show in the process list).
 */
@Command(name = "rekam-sync", mixinStandardHelpOptions = true,
        subcommands = {SyncCli.Status.class, SyncCli.Run.class, SyncCli.PushNow.class, SyncCli.Verify.class,
                SyncCli.Requeue.class},
        description = "Delivery of the station's packets to the central server.")
public final class SyncCli {

    static final String PASSPHRASE_ENV = "REKAM_PASSPHRASE";

    @Option(names = "--data-dir", required = true, description = "station data directory")
    Path dataDir;

    @Option(names = "--server", description = "central server base URI, e.g. https://pusat.example/")
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

    PrintWriter out() {
        return new PrintWriter(System.out, true, StandardCharsets.UTF_8);
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
        return StationStore.open(dataDir, pass);
    }

    SyncConfig config() {
        if (server == null) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--server is required");
        }
        return SyncConfig.defaults(server).withTlsPin(pin).withConcurrency(concurrency).withChunkSize(chunkSize)
                .withRetention(Duration.ofDays(retentionDays))
                .withBackoff(Duration.ofMillis(backoffBaseMs), Duration.ofMillis(backoffCapMs))
                .withPollInterval(Duration.ofMillis(pollMs));
    }

    static void print(PrintWriter out, Messages m, SyncStatus s) {
        out.println(m.get("status.summary", s.waiting(), s.uploading(), s.acknowledged(), s.confirmed(),
                s.duplicates(), s.rejected(), s.needsAttention()));
        out.println(m.get("status.lastContact", s.lastContact() == null ? m.get("status.never") : s.lastContact()));
        if (s.nextRetry() != null) {
            out.println(m.get("status.nextRetry", s.nextRetry()));
        }
        s.failure().ifPresent(f -> out.println(m.get("status.lastFailure", f)));
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

    @Command(name = "status", description = "Counts per delivery state (no network).")
    static final class Status extends StoreCommand {
        @Override
        int call(StationStore store) {
            PrintWriter out = cli.out();
            var n = store.outbox().countByState();
            for (OutboxState s : OutboxState.values()) {
                out.printf("%-16s %d%n", s, n.get(s));
            }
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

    @Command(name = "requeue", description = "Technician's retry of a parked packet or event (no network).")
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

    @Command(name = "run", description = "Deliver continuously until stopped (Ctrl-C).")
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

    @Command(name = "push-now", description = "One delivery pass, then exit (non-zero if it failed).")
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

    @Command(name = "verify", description = "Store integrity, audit chain, and confirmed packets' hashes against the server.")
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
        return new CommandLine(new SyncCli()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
