package id.rekam.bench.field;

import id.rekam.app.adapters.store.CoreOpenStore;
import id.rekam.app.ports.FingerprintIdentification;
import id.rekam.core.coverage.Coverage;
import id.rekam.core.crypto.KdfParams;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.domain.FingerprintCapture;
import id.rekam.core.field.Guardrails;
import id.rekam.core.store.IdentificationStore;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.StoreOptions;
import id.rekam.fixtures.DemoRecords;
import id.rekam.fixtures.EnrollmentBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * BENCHMARK ONLY. Runs in a fresh JVM started by {@link BigQueueBench} with the launcher's heap
 * options and unlocks a prepared store as the station does: the store is opened and, unless
 * {@code no-index}, handed to the station's own {@link CoreOpenStore}, which starts the
 * fingerprint index ({@code StationIndex}) in the background, restored from the sealed snapshot or
 * rebuilt from the sealed templates. Meanwhile it times what an operator does first in a session
 * (the first search, later ones, the records list, the home counters, the guardrails, the coverage
 * report); then waits for the index, reads the process's resident memory, runs one duplicate check
 * through the index (a new record with the first stored record's prints: it must be found) and
 * reads the memory again. Prints one {@code RESULT} line of {@code key=value} pairs.
 */
public final class BigQueueProbe {

    private static final long INDEX_TIMEOUT_MINUTES = 30;

    private BigQueueProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        char[] pass = args[1].toCharArray();
        boolean withIndex = !(args.length > 2 && args[2].equals("no-index"));
        Map<String, String> out = new LinkedHashMap<>();
        try {
            run(dir, pass, withIndex, out);
        } catch (OutOfMemoryError e) {
            // What the launcher's heap limit does to the station is a result, not a crash of the bench.
            out.put("error", "OutOfMemoryError");
        } finally {
            long[] rss = rss();
            out.putIfAbsent("rssMb", String.valueOf(rss[0] / 1024));
            out.put("hwmMb", String.valueOf(rss[1] / 1024));
            System.out.println("RESULT " + out.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(" ")));
        }
    }

    /** Idle time before the settled reading: past the launcher's {@code G1PeriodicGCInterval} and one cycle. */
    static final long SETTLE_SECONDS = Long.getLong("rekam.bench.field.settleSeconds", 45);

    private static void run(Path dir, char[] pass, boolean withIndex, Map<String, String> out) throws Exception {
        StoreOptions options = StoreOptions.defaults().withKdf(KdfParams.forTestsOnly(1_000, 1_000));
        Path snapshot = dir.resolve(IdentificationStore.SNAPSHOT_FILE);
        long t0 = System.nanoTime();
        StationStore store = StationStore.open(dir, pass, options);
        out.put("open", ms(System.nanoTime() - t0));
        Object before = fileState(snapshot);
        long indexStart = System.nanoTime();
        // The station's unlock: CoreOpenStore starts StationIndex.open(store.identification()).
        AutoCloseable session = withIndex ? new CoreOpenStore(store) : store;
        try (session) {
            FingerprintIdentification index = withIndex ? ((CoreOpenStore) session).identification() : null;
            operatorFirstSteps(store, index, out);
            if (index == null) {
                putRss(out, "rssMb");
                putLiveHeap(out);
                return;
            }
            while (!index.status().ready()) {
                if (System.nanoTime() - indexStart > TimeUnit.MINUTES.toNanos(INDEX_TIMEOUT_MINUTES)) {
                    throw new IllegalStateException("index not ready after " + INDEX_TIMEOUT_MINUTES + " minutes");
                }
                Thread.sleep(10);
            }
            out.put("readyMs", ms(System.nanoTime() - indexStart));
            putRss(out, "rssMb");
            duplicateCheck(store, index, out);
            putRss(out, "rssAfterCheckMb");
            // A desk is idle most of the time: what the station holds once the JVM has had an idle
            // period to give back what the build or restore left committed (G1's periodic collection).
            Thread.sleep(TimeUnit.SECONDS.toMillis(SETTLE_SECONDS));
            putRss(out, "rssSettledMb");
            // Rebuilding seals a fresh snapshot (new file); restoring leaves the file as it was.
            Object after = fileState(snapshot);
            if (!out.containsKey("origin")) {
                out.put("origin", after == null ? "none" : Objects.equals(before, after) ? "snapshot" : "rebuilt");
            }
            out.put("snapshotMb", after == null ? "-"
                    : String.format(Locale.ROOT, "%.1f", Files.size(snapshot) / (double) (1 << 20)));
            putLiveHeap(out);
        }
    }

    /** Heap in use after a full collection: what the session keeps (the index's share is the difference to no-index). */
    private static void putLiveHeap(Map<String, String> out) {
        System.gc();
        out.put("heapLiveMb", String.valueOf(
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20));
    }

    private static void operatorFirstSteps(StationStore store, FingerprintIdentification index,
                                           Map<String, String> out) {
        long a = System.nanoTime();
        // Matches nothing: the whole index is walked, the worst case of a name search.
        store.search("ZZZ", 10);
        out.put("first", ms(System.nanoTime() - a));
        if (index != null) {
            FingerprintIdentification.IndexStatus s = index.status();
            out.put("indexAtFirst", s.ready() ? "ready" : s.total() == 0 ? "starting" : s.done() + "/" + s.total());
        }
        long[] later = new long[9];
        for (int i = 0; i < later.length; i++) {
            a = System.nanoTime();
            store.search(i % 2 == 0 ? "SITI RAH" : "ZZZ", 20);
            later[i] = System.nanoTime() - a;
        }
        Arrays.sort(later);
        out.put("laterP50", ms(later[later.length / 2]));
        out.put("laterMax", ms(later[later.length - 1]));
        a = System.nanoTime();
        store.listRecent(0, 50);
        out.put("list", ms(System.nanoTime() - a));
        a = System.nanoTime();
        store.counters();
        out.put("counters", ms(System.nanoTime() - a));
        a = System.nanoTime();
        new Guardrails(store.fieldLimits(), store.zone()).evaluate(store.fieldFacts());
        out.put("guardrails", ms(System.nanoTime() - a));
        a = System.nanoTime();
        Coverage c = new Coverage(store, Clock.systemUTC());
        c.report(c.today());
        out.put("coverage", ms(System.nanoTime() - a));
    }

    /** A new record carrying the first stored record's prints: the index must name that record (and its repeats). */
    private static void duplicateCheck(StationStore store, FingerprintIdentification index, Map<String, String> out)
            throws InterruptedException {
        String first = store.read(tx -> {
            try (Statement s = tx.connection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT id FROM records ORDER BY rowid LIMIT 1")) {
                rs.next();
                return rs.getString(1);
            }
        });
        Map<FingerPosition, byte[]> prints = store.identification().templates(first);
        EnrollmentRecord demo = new DemoRecords(7, "32.76.01.1001", store.stationId()).next();
        FingerprintCapture shape = demo.finger(FingerPosition.RIGHT_THUMB);
        EnrollmentRecord probe = EnrollmentBuilder.from(demo).newId()
                .onlyPrints(prints, shape.image(), shape.imageFormat(), shape.quality()).build();
        long a = System.nanoTime();
        try {
            FingerprintIdentification.Result r = index.identify(probe, new FingerprintIdentification.Listener() {
            });
            out.put("checkMs", ms(System.nanoTime() - a));
            boolean found = r.candidates().stream().anyMatch(c -> c.id().value().equals(first));
            out.put("verdict", r.verdict().name().toLowerCase(Locale.ROOT));
            out.put("candidates", String.valueOf(r.candidates().size()));
            out.put("foundFirst", String.valueOf(found));
        } catch (IllegalStateException e) {
            // StationIndex refuses every check when its build failed (e.g. out of heap): that is the result.
            out.put("origin", "failed");
            out.put("error", String.valueOf(e.getCause() == null ? e : e.getCause()).replace(' ', '_'));
        }
    }

    /** The snapshot file's identity (inode and time): a rebuild replaces the file, a restore only reads it. */
    private static Object fileState(Path file) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return Arrays.asList(a.fileKey(), a.lastModifiedTime(), a.size());
    }

    private static void putRss(Map<String, String> out, String key) {
        out.put(key, String.valueOf(rss()[0] / 1024));
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    /** VmRSS and VmHWM in kB from /proc (Linux); -1 elsewhere. */
    private static long[] rss() {
        long[] out = {-1, -1};
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    out[0] = Long.parseLong(line.replaceAll("\\D", ""));
                } else if (line.startsWith("VmHWM:")) {
                    out[1] = Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: memory is not reported
        }
        return out;
    }
}
