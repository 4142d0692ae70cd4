package id.rekam.tools;

import id.rekam.core.auth.Role;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.store.Counters;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.StoreException;
import id.rekam.core.store.StoreHealth;
import id.rekam.fixtures.DemoRecords;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Technician's command line for the station store: {@code init}, {@code demo}, {@code verify},
 * {@code stats}. The passphrase is read from the first line of {@code --passphrase-file}, the
 * environment variable named by {@code --passphrase-env}, or typed at the console; it is never a
 * command-line argument (those show up in process lists). {@code demo} uses the printed demo
 * passphrase only when neither file nor variable gives one.
 */
@Command(name = "rekam-store", mixinStandardHelpOptions = true,
        description = "Station store: initialise, demo, verify, statistics.",
        subcommands = {StoreCli.Init.class, StoreCli.Demo.class, StoreCli.Verify.class, StoreCli.Stats.class})
public final class StoreCli {

    static final String DEMO_PASSPHRASE = "demo-rekam-passphrase";
    /**
     * The first station id the reference server gives an office ({@code ST-<kecamatan digits>-NNNN}),
     * for the kecamatan the demo citizens live in, so a demo store can be enrolled with a one-time
     * code for office 32.76.01 ({@code rekam-sync enroll}).
     */
    static final String DEMO_STATION = "ST-327601-0001";
    static final String DEMO_VILLAGE = "32.76.01.1001";
    static final String DEMO_SUPERVISOR = "demo-supervisor";

    public static void main(String[] args) {
        int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        if (code != 0) {
            System.exit(code);
        }
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof StoreException se) {
                err.println(se.localizedMessage(Locale.getDefault()));
                return 2;
            }
            throw e;
        });
        return cl.execute(args);
    }

    static CommandLine commandLine() {
        return new CommandLine(new StoreCli());
    }

    abstract static class Base implements Callable<Integer> {
        @Option(names = "--data-dir", description = "Station data directory (default: ${DEFAULT-VALUE}).",
                defaultValue = "rekam-data")
        Path dataDir;

        @Option(names = "--passphrase-env", description = "Environment variable holding the station passphrase "
                + "(default: ${DEFAULT-VALUE}); without it the passphrase is asked for.", defaultValue = "REKAM_PASSPHRASE")
        String passphraseEnv;

        @Option(names = "--passphrase-file", description = "File whose first line is the station passphrase "
                + "(for scripted maintenance; keep it readable by the technician only).")
        Path passphraseFile;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        /** The passphrase of {@code --passphrase-file}, else of the variable {@code --passphrase-env} names. */
        Optional<char[]> givenPassphrase() {
            if (passphraseFile != null) {
                try {
                    return Optional.of(Files.readAllLines(passphraseFile).get(0).toCharArray());
                } catch (IOException | IndexOutOfBoundsException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "cannot read " + passphraseFile);
                }
            }
            String env = System.getenv(passphraseEnv);
            return env == null || env.isEmpty() ? Optional.empty() : Optional.of(env.toCharArray());
        }

        char[] passphrase(String prompt) {
            Optional<char[]> given = givenPassphrase();
            if (given.isPresent()) {
                return given.get();
            }
            Console console = System.console();
            if (console == null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "no console: set " + passphraseEnv + " to the station passphrase");
            }
            return console.readPassword(prompt);
        }

        StationStore open() {
            return StationStore.open(dataDir, passphrase("Frasa sandi stasiun: "));
        }
    }

    @Command(name = "init", mixinStandardHelpOptions = true, description = "Create the encrypted store of a new station.")
    static final class Init extends Base {
        @Option(names = "--station-id", required = true)
        String stationId;

        @Override
        public Integer call() {
            char[] p = passphrase("Frasa sandi stasiun baru: ");
            try (StationStore store = StationStore.initialise(dataDir, p, stationId)) {
                out().println("Station " + store.stationId() + " initialised in " + store.dataDir().toAbsolutePath());
            }
            return 0;
        }
    }

    @Command(name = "demo", mixinStandardHelpOptions = true, description = "DEMO: create a store with fictitious records and print its counters.")
    static final class Demo extends Base {
        @Option(names = "--count", defaultValue = "25", description = "Demo records to write (default: ${DEFAULT-VALUE}).")
        int count;

        @Option(names = "--fresh", description = "Delete an earlier demo store in --data-dir first.")
        boolean fresh;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = out();
            Optional<char[]> given = givenPassphrase();
            out.println("==================================================================");
            out.println(" DEMO MODE - fictitious citizens, simulated devices.");
            out.println(given.isPresent() ? " Passphrase: the one given by " + passphraseSource() + "."
                    : " Demo passphrase '" + DEMO_PASSPHRASE + "' - never use it on a real station.");
            out.println(" Station " + DEMO_STATION + " (office 32.76.01): enrol it with an enrollment code of that office,");
            out.println(" e.g. rekam-sync --data-dir " + dataDir + " --server URL enroll --code CODE");
            out.println("==================================================================");
            if (fresh) {
                deleteDemoDir(dataDir);
            }
            char[] pass = given.orElseGet(DEMO_PASSPHRASE::toCharArray);
            long start = System.nanoTime();
            try (StationStore store = StationStore.initialise(dataDir, pass, DEMO_STATION)) {
                store.operators().createFirstSupervisor(DEMO_SUPERVISOR, "demo-password".toCharArray());
                store.operators().createAccount(DEMO_SUPERVISOR, "operator1", Role.OPERATOR, "demo-password".toCharArray());
                DemoRecords demo = new DemoRecords(42, DEMO_VILLAGE, DEMO_STATION).capturedBefore(java.time.Instant.now());
                List<String> ids = new ArrayList<>();
                long writeStart = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    ids.add(store.saveEnrollment(demo.next()).packetId());
                }
                long writeMs = (System.nanoTime() - writeStart) / 1_000_000;
                List<String> approved = ids.subList(0, ids.size() / 2);
                store.outbox().approve(approved, DEMO_SUPERVISOR);
                store.outbox().enqueue(approved.subList(0, approved.size() / 2), "sync");
                out.printf("Wrote %d demo enrollments in %d ms (encrypted, signed, durable).%n", count, writeMs);
                out.println("Store: " + store.dataDir().toAbsolutePath());
                printCounters(out, store);
                StoreHealth health = store.verify();
                out.println("Integrity: " + health.integrity() + "; " + health.audit());
            }
            out.printf("DEMO finished in %d ms.%n", (System.nanoTime() - start) / 1_000_000);
            return 0;
        }

        private String passphraseSource() {
            return passphraseFile != null ? "--passphrase-file " + passphraseFile : "$" + passphraseEnv;
        }

        /** Only ever deletes a directory that holds a station store (or nothing). */
        private static void deleteDemoDir(Path dir) throws IOException {
            if (!Files.exists(dir)) {
                return;
            }
            boolean isStore = Files.exists(dir.resolve(StationStore.DB_FILE));
            try (Stream<Path> s = Files.list(dir)) {
                if (!isStore && s.findAny().isPresent()) {
                    throw new IOException(dir + " is not a station store; not deleting it");
                }
            }
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, description = "Check database integrity and the audit chain; exit 1 if broken.")
    static final class Verify extends Base {
        @Override
        public Integer call() {
            try (StationStore store = open()) {
                StoreHealth h = store.verify();
                out().println("integrity_check: " + h.integrity());
                out().println(h.audit());
                return h.ok() ? 0 : 1;
            }
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true, description = "Records, outbox states, counters and backups.")
    static final class Stats extends Base {
        @Override
        public Integer call() throws IOException {
            try (StationStore store = open()) {
                PrintWriter out = out();
                out.println("station: " + store.stationId());
                out.println("records: " + store.recordCount());
                for (Map.Entry<OutboxState, Long> e : store.outbox().countByState().entrySet()) {
                    out.printf("  %-16s %d%n", e.getKey(), e.getValue());
                }
                printCounters(out, store);
                out.println("database: " + Files.size(store.dataDir().resolve(StationStore.DB_FILE)) + " bytes");
                out.println("backups: " + store.backups().size()
                        + store.backups().stream().findFirst().map(p -> " (latest " + p + ")").orElse(""));
                return 0;
            }
        }
    }

    static void printCounters(PrintWriter out, StationStore store) {
        Counters c = store.counters();
        out.printf("Captured today: %d | waiting for approval: %d | waiting for sync: %d | needs attention: %d%n",
                c.capturedToday(), c.waitingForApproval(), c.waitingForSync(), c.needsAttention());
    }
}
