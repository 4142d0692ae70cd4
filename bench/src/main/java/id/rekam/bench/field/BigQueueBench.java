package id.rekam.bench.field;

import id.rekam.bench.BenchBulkLoader;
import id.rekam.core.crypto.KdfParams;
import id.rekam.core.store.IdentificationStore;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.StoreOptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * BENCHMARK ONLY (issue 16, "a big queue stays fast"). Builds a station store with {@code stored}
 * records of which the newest {@code pending} wait for delivery (the rest confirmed), each with
 * ten real SourceAFIS templates sealed in {@code fingerprint_templates} ({@link BigQueueGallery}:
 * SIMULATED people from the identification benchmark's cache, repeated under the store's record
 * ids), lets one session load and close it (as the previous day's session would, which writes the
 * sealed search snapshot), then starts fresh JVMs with the installed launcher's options, each
 * unlocking the store as the station does and timing the first search of a session and more
 * ({@link BigQueueProbe}). Variants per run:
 * <ol>
 *   <li>first unlock: the fingerprint index is rebuilt from the sealed templates (no index
 *       snapshot yet; the session seals one);</li>
 *   <li>later unlock: the index is restored from that sealed snapshot;</li>
 *   <li>baseline for the search: the same store with its search snapshot removed, i.e. the first
 *       search decrypting every summary as before the snapshot existed (index from its snapshot);</li>
 *   <li>no fingerprint index at all, as before issue 12: the reference for the index's memory.</li>
 * </ol>
 *
 * <pre>
 * java -cp bench/target/bench-*.jar:$(cat bench/target/classpath.txt) id.rekam.bench.field.BigQueueBench \
 *      DIR [--people CACHE/seed-N] [--runs 3] [--laptop-ram 4g|none] [--sizes "pending stored ..."] [pending stored]...
 *      (default: 5000 5000 5000 100000; people: the identification benchmark's cache on the build machine)
 * </pre>
 */
public final class BigQueueBench {

    /** What the installer's launcher gives the station (installer/pom.xml, installer.java.options). */
    static final List<String> LAUNCHER = List.of("-Dfile.encoding=UTF-8", "-Xss2m", "-Xmx512m",
            "-XX:G1PeriodicGCInterval=15000", "-XX:MinHeapFreeRatio=5", "-XX:MaxHeapFreeRatio=15",
            "-XX:+ExplicitGCInvokesConcurrent",
            "-XX:+IgnoreUnrecognizedVMOptions", "-XX:TrimNativeHeapInterval=15000");
    /**
     * The JVM sizes its initial heap and young generation from the machine's RAM (1/64 of it: 376 MB
     * on a 24 GB build machine, 64 MB on the 4 GB field laptop the launcher's limit is set for), and
     * the resident set follows: the probe JVM is told the laptop's RAM unless {@code --laptop-ram none}.
     */
    static final String LAPTOP_RAM = "4g";
    static final String PASS = "bench-frasa-sandi-2026";
    static final int RUNS = 3;
    /** Logback's own start-up status lines ("12:00:00,000 |-INFO in ..."): two logback.xml on the class path. */
    private static final Pattern LOGBACK_STATUS = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d,\\d{3} \\|-");
    /** The gallery cache the identification benchmark fills (GenerateGallery), shared on the build machine. */
    static final String DEFAULT_PEOPLE = "/work/cache/identification-people/seed-2035";

    private enum Variant {
        FIRST_UNLOCK("first unlock: index rebuilt from sealed templates"),
        LATER_UNLOCK("later unlock: index restored from sealed snapshot"),
        NO_SEARCH_SNAPSHOT("search baseline: no search snapshot"),
        NO_INDEX("no fingerprint index (before issue 12)");

        final String label;

        Variant(String label) {
            this.label = label;
        }
    }

    private BigQueueBench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "bench/target/bench-field");
        Path peopleDir = Path.of(DEFAULT_PEOPLE);
        int runs = RUNS;
        String laptopRam = LAPTOP_RAM;
        List<String> numbers = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--people")) {
                peopleDir = Path.of(args[++i]);
            } else if (args[i].equals("--laptop-ram")) {
                laptopRam = args[++i];
            } else if (args[i].equals("--runs")) {
                runs = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--sizes")) {
                numbers.addAll(Arrays.asList(args[++i].trim().split("[\\s,]+")));
            } else {
                numbers.add(args[i]);
            }
        }
        List<int[]> sizes = new ArrayList<>();
        for (int i = 0; i + 1 < numbers.size(); i += 2) {
            sizes.add(new int[] {Integer.parseInt(numbers.get(i)), Integer.parseInt(numbers.get(i + 1))});
        }
        if (sizes.isEmpty()) {
            sizes.add(new int[] {5_000, 5_000});
            sizes.add(new int[] {5_000, 100_000});
        }
        int largest = sizes.stream().mapToInt(s -> s[1]).max().orElseThrow();
        BigQueueGallery gallery = BigQueueGallery.load(peopleDir, largest);
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Run %s, load average at start %s; gallery: %,d distinct SIMULATED people "
                        + "from %s, repeated under new record ids to each store's size; probe JVM: %s%s.%n%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), loadAverage(), gallery.distinct(), peopleDir,
                String.join(" ", LAUNCHER), laptopRam.equals("none") ? " (this machine's RAM)"
                        : " -XX:MaxRAM=" + laptopRam + " (heap ergonomics of a laptop with that RAM)"));
        md.append("| store | variant | index from | index ready s | first search ms (index then) | later p50 ms "
                + "| records list ms | counters ms | guardrails ms | coverage ms | RSS MB index ready "
                + "| RSS MB after check (peak) | RSS MB settled (idle " + BigQueueProbe.SETTLE_SECONDS + " s) "
                + "| live heap MB | duplicate check |\n"
                + "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (int[] s : sizes) {
            Path dir = root.resolve(s[0] + "-of-" + s[1]);
            Path bare = root.resolve(s[0] + "-of-" + s[1] + "-nosnapshot");
            long prep = prepare(dir, s[0], s[1], gallery);
            System.err.printf("prepared %d pending of %d stored (%d distinct people) in %d ms%n", s[0], s[1],
                    Math.min(s[1], gallery.distinct()), prep);
            for (int run = 0; run < runs; run++) {
                for (Variant v : Variant.values()) {
                    Path d = v == Variant.NO_SEARCH_SNAPSHOT ? bare : dir;
                    if (v == Variant.FIRST_UNLOCK) {
                        Files.deleteIfExists(dir.resolve(IdentificationStore.SNAPSHOT_FILE));
                    }
                    if (v == Variant.NO_SEARCH_SNAPSHOT) {
                        if (run == 0) {
                            // with the index snapshot the first unlock sealed: same station, same records
                            copy(dir, bare);
                        }
                        // The baseline's own session wrote one as it closed: the next run starts without again.
                        dropSnapshot(bare);
                    }
                    Map<String, String> r = probe(d, v == Variant.NO_INDEX, laptopRam);
                    md.append(row(s, v, r));
                    System.err.print(row(s, v, r));
                }
            }
        }
        md.append(String.format(Locale.ROOT, "%nLoad average at end %s.%n", loadAverage()));
        System.out.println(md);
        Files.writeString(root.resolve("results.md"), md.toString());
    }

    private static String row(int[] s, Variant v, Map<String, String> r) {
        String check = r.containsKey("checkMs")
                ? String.format(Locale.ROOT, "%s ms: %s, %s candidates, stored record %s", r.get("checkMs"),
                        r.get("verdict"), r.get("candidates"),
                        "true".equals(r.get("foundFirst")) ? "found" : "NOT found")
                : r.containsKey("error") ? "**" + r.get("error") + "**" : "-";
        String ready = r.containsKey("readyMs")
                ? String.format(Locale.ROOT, "%.1f", Double.parseDouble(r.get("readyMs")) / 1000) : "-";
        return String.format(Locale.ROOT, "| %,d pending of %,d | %s | %s | %s | %s (%s) | %s | %s | %s | %s | %s "
                        + "| %s | %s (%s) | %s | %s | %s |%n",
                s[0], s[1], v.label, origin(r), ready, r.getOrDefault("first", "-"),
                r.getOrDefault("indexAtFirst", "-"), r.getOrDefault("laterP50", "-"), r.getOrDefault("list", "-"),
                r.getOrDefault("counters", "-"), r.getOrDefault("guardrails", "-"), r.getOrDefault("coverage", "-"),
                r.getOrDefault("rssMb", "-"), r.getOrDefault("rssAfterCheckMb", "-"), r.getOrDefault("hwmMb", "-"),
                r.getOrDefault("rssSettledMb", "-"), r.getOrDefault("heapLiveMb", "-"), check);
    }

    private static String origin(Map<String, String> r) {
        String o = r.getOrDefault("origin", "-");
        return r.containsKey("snapshotMb") && !"-".equals(r.get("snapshotMb"))
                ? o + " (" + r.get("snapshotMb") + " MB sealed)" : o;
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The store, its previous session closed (snapshot written); returns the preparation time. */
    static long prepare(Path dir, int pending, int stored, BigQueueGallery gallery) throws IOException {
        deleteTree(dir);
        long t = System.currentTimeMillis();
        StoreOptions o = StoreOptions.defaults().withKdf(KdfParams.forTestsOnly(1_000, 1_000));
        try (StationStore store = StationStore.initialise(dir, PASS.toCharArray(), "ST-327601-0001", o)) {
            BenchBulkLoader.load(store, stored, 16);
            store.inTransaction(tx -> {
                try (Statement st = tx.connection().createStatement()) {
                    st.executeUpdate("UPDATE outbox SET state = 'CONFIRMED'");
                }
                try (PreparedStatement p = tx.connection().prepareStatement("UPDATE outbox SET state = 'QUEUED' "
                        + "WHERE packet_id IN (SELECT id FROM packets ORDER BY created_at DESC LIMIT ?)")) {
                    p.setInt(1, pending);
                    p.executeUpdate();
                }
                return null;
            });
            gallery.attachTo(store);
            store.warmSearchIndex();
        }
        return System.currentTimeMillis() - t;
    }

    static Map<String, String> probe(Path dir, boolean noIndex, String laptopRam)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(LAUNCHER);
        if (!laptopRam.equals("none")) {
            cmd.add("-XX:MaxRAM=" + laptopRam);
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(BigQueueProbe.class.getName());
        cmd.add(dir.toString());
        cmd.add(PASS);
        cmd.add(noIndex ? "no-index" : "index");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Map<String, String> out = new LinkedHashMap<>();
        String last = "";
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    for (String kv : line.substring(7).split(" ")) {
                        int eq = kv.indexOf('=');
                        out.put(kv.substring(0, eq), kv.substring(eq + 1));
                    }
                } else if (!LOGBACK_STATUS.matcher(line).find()) {
                    // the station's own warnings and errors (e.g. the index build failing) stay visible;
                    // logback's own start-up chatter (two logback.xml on the class path) does not
                    System.err.println("  probe: " + line);
                    last = line.isBlank() ? last : line;
                }
            }
        }
        int exit = p.waitFor();
        if (exit != 0 || out.isEmpty()) {
            // A crashed session is a result (e.g. the launcher's heap is too small), reported in its row.
            out.putIfAbsent("error", ("probe exited " + exit + ": " + last).replace('|', '/'));
        }
        return out;
    }

    private static void dropSnapshot(Path dir) {
        StoreOptions o = StoreOptions.defaults().withKdf(KdfParams.forTestsOnly(1_000, 1_000));
        try (StationStore store = StationStore.open(dir, PASS.toCharArray(), o)) {
            store.inTransaction(tx -> {
                try (Statement st = tx.connection().createStatement()) {
                    st.executeUpdate("DELETE FROM search_snapshot");
                }
                return null;
            });
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        deleteTree(to);
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
