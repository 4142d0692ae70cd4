package id.rekam.bench.field;

import id.rekam.bench.BenchBulkLoader;
import id.rekam.core.crypto.KdfParams;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * BENCHMARK ONLY (issue 16, "a big queue stays fast"). Builds a station store with {@code stored}
 * records of which the newest {@code pending} wait for delivery (the rest confirmed), lets one
 * session load and close it (as the previous day's session would, which writes the sealed search
 * snapshot), then starts fresh JVMs with the installed launcher's heap options, each timing the
 * first search of a session and more ({@link BigQueueProbe}). The baseline, in the same run: the
 * same store with its search snapshot removed, i.e. the first search decrypting every summary as
 * before the snapshot existed.
 *
 * <pre>
 * java -cp bench/target/bench-*.jar:$(cat bench/target/classpath.txt) id.rekam.bench.field.BigQueueBench \
 *      DIR [pending stored]...   (default: 5000 5000 5000 100000)
 * </pre>
 */
public final class BigQueueBench {

    /** What the installer's launcher gives the station (installer/pom.xml, installer.java.options). */
    static final List<String> LAUNCHER = List.of("-Dfile.encoding=UTF-8", "-Xss2m", "-Xmx512m");
    static final String PASS = "bench-frasa-sandi-2026";
    static final int RUNS = 3;

    private BigQueueBench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "bench/target/bench-field");
        List<int[]> sizes = new ArrayList<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            sizes.add(new int[] {Integer.parseInt(args[i]), Integer.parseInt(args[i + 1])});
        }
        if (sizes.isEmpty()) {
            sizes.add(new int[] {5_000, 5_000});
            sizes.add(new int[] {5_000, 100_000});
        }
        StringBuilder md = new StringBuilder();
        md.append("| store | variant | first search ms | later p50 ms | records list ms | counters ms | guardrails ms"
                + " | coverage ms | RSS MB (peak) |\n|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int[] s : sizes) {
            Path dir = root.resolve(s[0] + "-of-" + s[1]);
            Path bare = root.resolve(s[0] + "-of-" + s[1] + "-nosnapshot");
            long prep = prepare(dir, s[0], s[1]);
            copy(dir, bare);
            System.err.printf("prepared %d pending of %d stored in %d ms%n", s[0], s[1], prep);
            for (int run = 0; run < RUNS; run++) {
                for (Path d : List.of(bare, dir)) {
                    if (d == bare) {
                        // The baseline's own session wrote one as it closed: the next run starts without again.
                        dropSnapshot(bare);
                    }
                    Map<String, String> r = probe(d);
                    md.append(String.format("| %,d pending of %,d | %s | %s | %s | %s | %s | %s | %s | %s (%s) |%n",
                            s[0], s[1], d == bare ? "baseline: no snapshot" : "snapshot", r.get("first"),
                            r.get("laterP50"), r.get("list"), r.get("counters"), r.get("guardrails"),
                            r.get("coverage"), r.get("rssMb"), r.get("hwmMb")));
                }
            }
        }
        System.out.println(md);
        Files.writeString(root.resolve("results.md"), md.toString());
    }

    /** The store, its previous session closed (snapshot written); returns the preparation time. */
    static long prepare(Path dir, int pending, int stored) throws IOException {
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
            store.warmSearchIndex();
        }
        return System.currentTimeMillis() - t;
    }

    static Map<String, String> probe(Path dir) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(LAUNCHER);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(BigQueueProbe.class.getName());
        cmd.add(dir.toString());
        cmd.add(PASS);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Map<String, String> out = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    for (String kv : line.substring(7).split(" ")) {
                        String[] x = kv.split("=");
                        out.put(x[0], x[1]);
                    }
                }
            }
        }
        if (p.waitFor() != 0 || out.isEmpty()) {
            throw new IllegalStateException("probe failed on " + dir);
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
