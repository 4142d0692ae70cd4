package id.rekam.bench;

import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.FingerprintCapture;
import id.rekam.core.domain.Nik;
import id.rekam.core.packet.EnrollmentPackets;
import id.rekam.core.store.Database;
import id.rekam.core.store.RecordSummary;
import id.rekam.core.store.StationStore;
import id.rekam.fixtures.DemoRecords;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Store benchmarks, each against a baseline measured in the same run:
 * <ol>
 *   <li>durable commit of a full enrollment through {@link StationStore#saveEnrollment}
 *       (encode, hash, sign, seal, four rows + audit entry) versus a raw sqlite-jdbc INSERT of
 *       the same payload bytes into one row, same pragmas (WAL, synchronous=FULL), one
 *       transaction each, interleaved so both see the same disk and CPU noise;</li>
 *   <li>NIK lookup ({@link StationStore#findByNik}) in a 100,000-record store;</li>
 *   <li>name search (decrypting summaries in memory) over the same 100,000 records.</li>
 * </ol>
 * Run: {@code ./mvnw -q -pl bench -am -Pbench -DskipTests verify}. Prints Markdown.
 */
public final class StoreBench {

    private static final String STATION = "BENCH-ST-01";
    private static final char[] PASS = "bench-passphrase-sawah".toCharArray();

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "target/bench-data");
        int commits = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int lookupRecords = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        deleteRecursively(work);
        Files.createDirectories(work);
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Run: %s, %s %s, %d CPUs%n%n", java.time.Instant.now(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors()));
        commitBench(work, commits, md);
        lookupBench(work, lookupRecords, md);
        System.out.println();
        System.out.println(md);
        Files.writeString(work.resolve("results.md"), md.toString());
    }

    // ------------------------------------------------------------ commit

    private static void commitBench(Path work, int n, StringBuilder md) throws Exception {
        // Long warm-up: the AES-GCM and SHA intrinsics only kick in once C2 has compiled the
        // JDK's cipher loops; a station reaches that state within its first captures of the day.
        int warmup = 200;
        DemoRecords demo = new DemoRecords(7, "32.76.01.1001", STATION);
        List<EnrollmentRecord> records = new ArrayList<>();
        for (int i = 0; i < n + warmup; i++) {
            records.add(demo.next());
        }
        long[] store = new long[n];
        long[] raw = new long[n];
        long payloadBytes = 0;
        try (StationStore s = StationStore.initialise(work.resolve("commit-store"), PASS, STATION);
             Database rawDb = Database.open(work.resolve("raw.db"), 0)) {
            Connection c = rawDb.connection();
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE raw (id TEXT PRIMARY KEY, demographics BLOB, photo BLOB, templates BLOB, "
                        + "images BLOB, signature BLOB)");
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO raw VALUES (?,?,?,?,?,?)")) {
                for (int i = 0; i < n + warmup; i++) {
                    EnrollmentRecord r = records.get(i);
                    // The same payload bytes, already serialised: the baseline does no work of ours.
                    byte[][] fields = rawFields(r);
                    long t0 = System.nanoTime();
                    s.saveEnrollment(r);
                    long t1 = System.nanoTime();
                    ins.setString(1, r.id().value());
                    for (int f = 0; f < 5; f++) {
                        ins.setBytes(2 + f, fields[f]);
                    }
                    ins.executeUpdate(); // autocommit: one durable transaction, like a capture
                    long t2 = System.nanoTime();
                    if (i >= warmup) {
                        store[i - warmup] = t1 - t0;
                        raw[i - warmup] = t2 - t1;
                        if (i == warmup) {
                            for (byte[] f : fields) {
                                payloadBytes += f.length;
                            }
                        }
                    }
                }
            }
        }
        md.append("### Durable commit of one full enrollment\n\n");
        md.append(String.format(Locale.ROOT, "%d commits after %d warm-up, payload %,d bytes per record, "
                + "WAL + synchronous=FULL on both sides.%n%n", n, warmup, payloadBytes));
        md.append("| path | p50 ms | p99 ms | mean ms |\n|---|---:|---:|---:|\n");
        md.append(row("StationStore.saveEnrollment (encrypt, sign, outbox, audit)", store));
        md.append(row("raw sqlite-jdbc INSERT of the same bytes", raw));
        md.append(String.format(Locale.ROOT, "%nRatio store/raw: p50 %.2f×, mean %.2f× (target ≤ 1.3×); "
                        + "store p99 %.2f ms (target ≤ 25 ms).%n%n",
                (double) pct(store, 50) / pct(raw, 50), mean(store) / mean(raw), pct(store, 99) / 1e6));
        cpuProfile(records.subList(0, 100), md);
    }

    /** Where the store's CPU time goes, without the disk. */
    private static void cpuProfile(List<EnrollmentRecord> sample, StringBuilder md) throws Exception {
        EnrollmentPackets packets = new EnrollmentPackets();
        // The store's own key classes: the signer is the one saveEnrollment uses (BouncyCastle Ed25519).
        id.rekam.core.crypto.StationKeys keys = id.rekam.core.crypto.StationKeys.create(PASS, 1_000).keys();
        id.rekam.core.crypto.Aead aead = keys.data();
        long encode = 0;
        long seal = 0;
        long sign = 0;
        for (int round = 0; round < 3; round++) {
            encode = seal = sign = 0;
            for (EnrollmentRecord r : sample) {
                long t0 = System.nanoTime();
                var p = packets.toPacket(r);
                long t1 = System.nanoTime();
                aead.encrypt(p.body(), p.id(), "body");
                long t2 = System.nanoTime();
                keys.sign(id.rekam.core.packet.PacketCodec.signingInput(p.id(), p.sha256()));
                long t3 = System.nanoTime();
                encode += t1 - t0;
                seal += t2 - t1;
                sign += t3 - t2;
            }
        }
        int n = sample.size();
        md.append(String.format(Locale.ROOT, "CPU per record before the transaction starts: packet encode + "
                        + "SHA-256 %.2f ms, AES-GCM seal %.2f ms, Ed25519 sign %.2f ms.%n%n",
                encode / 1e6 / n, seal / 1e6 / n, sign / 1e6 / n));
    }

    private static byte[][] rawFields(EnrollmentRecord r) throws IOException {
        ByteArrayOutputStream templates = new ByteArrayOutputStream();
        ByteArrayOutputStream images = new ByteArrayOutputStream();
        for (FingerprintCapture f : r.fingerprints()) {
            if (f.hasPrint()) {
                templates.write(f.template());
                images.write(f.image());
            }
        }
        byte[] demographics = (r.demographics().toString()).getBytes(StandardCharsets.UTF_8);
        byte[] padded = Arrays.copyOf(demographics, Math.max(demographics.length, 2048));
        return new byte[][] {padded, r.photo().jpeg(), templates.toByteArray(), images.toByteArray(),
                r.signature().png()};
    }

    // ------------------------------------------------------------ lookup

    private static void lookupBench(Path work, int count, StringBuilder md) {
        try (StationStore s = StationStore.initialise(work.resolve("lookup-store"), PASS, STATION)) {
            long t0 = System.nanoTime();
            List<Nik> niks = BenchBulkLoader.load(s, count, 11);
            long loadMs = (System.nanoTime() - t0) / 1_000_000;
            Random random = new Random(3);
            int queries = 20_000;
            // Warm-up long enough for C2 to finish compiling the lookup path: on a loaded machine the
            // compiler threads are starved and 5,000 lookups still measured partly interpreted code.
            for (int i = 0; i < 50_000; i++) {
                s.findByNik(niks.get(random.nextInt(count)));
            }
            long[] hit = new long[queries];
            for (int i = 0; i < queries; i++) {
                Nik nik = niks.get(random.nextInt(count));
                long a = System.nanoTime();
                List<RecordSummary> found = s.findByNik(nik);
                hit[i] = System.nanoTime() - a;
                if (found.size() != 1) {
                    throw new IllegalStateException("lookup of a loaded NIK found " + found.size());
                }
            }
            long[] miss = new long[queries];
            for (int i = 0; i < queries; i++) {
                Nik nik = Nik.of(String.format(Locale.ROOT, "9999%012d", i));
                long a = System.nanoTime();
                if (!s.findByNik(nik).isEmpty()) {
                    throw new IllegalStateException("unexpected hit");
                }
                miss[i] = System.nanoTime() - a;
            }
            // Fresh store object: the first search decrypts every summary, later ones use memory.
            long[] search = new long[5];
            long firstSearch;
            try (StationStore reopened = reopen(s)) {
                long a = System.nanoTime();
                reopened.search("zzz", 10); // matches nothing: a full scan, the worst case
                firstSearch = System.nanoTime() - a;
                for (int i = 0; i < search.length; i++) {
                    a = System.nanoTime();
                    reopened.search("zzz", 10);
                    search[i] = System.nanoTime() - a;
                }
            }
            md.append(String.format(Locale.ROOT, "### NIK lookup in a %,d-record store%n%n", count));
            md.append(String.format(Locale.ROOT, "Built with the bench-only bulk loader in %,d ms; lookups go "
                    + "through the real `StationStore.findByNik` (blind index → sealed summary → decrypt).%n%n", loadMs));
            md.append("| query | p50 ms | p99 ms | mean ms |\n|---|---:|---:|---:|\n");
            md.append(row("findByNik, existing NIK (" + queries + " queries)", hit));
            md.append(row("findByNik, unknown NIK (" + queries + " queries)", miss));
            md.append(row("search(name) full scan, first of a session (decrypts all)", new long[] {firstSearch}));
            md.append(row("search(name) full scan, later (" + search.length + " runs)", search));
            md.append(String.format(Locale.ROOT, "%nNIK lookup p99 %.3f ms (target ≤ 1 ms).%n", pct(hit, 99) / 1e6));
        }
    }

    private static StationStore reopen(StationStore s) {
        return StationStore.open(s.dataDir(), PASS);
    }

    // ------------------------------------------------------------ stats

    private static String row(String name, long[] ns) {
        return String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |%n", name, pct(ns, 50) / 1e6, pct(ns, 99) / 1e6,
                mean(ns) / 1e6);
    }

    private static long pct(long[] ns, int p) {
        long[] s = ns.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }

    private static double mean(long[] ns) {
        return Arrays.stream(ns).average().orElse(0);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
