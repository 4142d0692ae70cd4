package id.rekam.bench.sync;

import com.sun.net.httpserver.HttpServer;
import id.rekam.core.crypto.KdfParams;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.StoreOptions;
import id.rekam.fixtures.DemoRecords;
import id.rekam.fixtures.EnrollmentBuilder;
import id.rekam.netfaults.FaultyProxy;
import id.rekam.server.CentralServer;
import id.rekam.server.ServerConfig;
import id.rekam.sync.Messages;
import id.rekam.sync.StationEnrollment;
import id.rekam.sync.SyncConfig;
import id.rekam.sync.SyncFailure;
import id.rekam.sync.SyncService;
import id.rekam.sync.http.HttpClients;
import id.rekam.sync.retry.Backoff;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Sync drain benchmark, against a baseline measured in the same run:
 * <ol>
 *   <li>drain of N queued ~100 KB packets from a real station store to a real central server
 *       over loopback (announce, tus PATCH, durable ack, feed, all signed) versus a raw OkHttp
 *       POST of the same bodies, from memory, to a sink that reads and discards them, with the
 *       same concurrency;</li>
 *   <li>the same drain through a proxy that resets 10% of connections mid-request, the client
 *       opening one connection per request: bytes the client sent per byte of payload, and
 *       the time to drain.</li>
 * </ol>
 * Run: {@code ./mvnw -q -pl bench -am -Pbench-sync -DskipTests verify}. Prints Markdown.
 */
public final class DrainBench {

    static final String OFFICE = "32.76.01";
    static final String STATION = "ST-327601-0001";
    static final String VILLAGE = "32.76.01.1001";
    static final char[] PASS = "bench-passphrase-sawah".toCharArray();
    /** Uploads in flight, for both the baseline and the drain ({@code -Drekam.bench.concurrency}). */
    static final int CONCURRENCY = Integer.getInteger("rekam.bench.concurrency", 2);
    static final int WARMUP = 200;

    public static void main(String[] args) throws Exception {
        // The JDK HTTP server reads this once per JVM, when its first server starts: here the
        // baseline's sink, so set it before either server exists (same socket option for both).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Path work = Path.of(args.length > 0 ? args[0] : "target/bench-sync");
        int packets = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        deleteRecursively(work);
        Files.createDirectories(work);
        StoreOptions options = StoreOptions.defaults().withKdf(KdfParams.forTestsOnly(10_000, 10_000));

        Path station = work.resolve("station-template");
        long t0 = System.nanoTime();
        List<byte[]> bodies = prepare(station, packets, 1, options);
        long payload = bodies.stream().mapToLong(b -> b.length).sum();
        System.err.printf("prepared %d packets, %.1f MB, in %d s%n", packets, payload / 1e6,
                (System.nanoTime() - t0) / 1_000_000_000);
        // Warm-up, not measured: the baseline gets 200 bodies, the drain a 200-packet drain of its
        // own (other citizens, other server), so neither side is timed while the JIT compiles it.
        Path warmStation = work.resolve("warmup-template");
        prepare(warmStation, WARMUP, 2, options);
        drain(work.resolve("warmup"), warmStation, options, 0);
        rawUpload(bodies.subList(0, Math.min(WARMUP, bodies.size())), null);
        rawUpload(bodies.subList(0, Math.min(WARMUP, bodies.size())), work.resolve("sink-warmup"));

        double cpu0 = cpuSeconds();
        double raw = rawUpload(bodies, null);
        double rawCpu = cpuSeconds() - cpu0;
        System.err.printf("raw upload: %.1f s%n", raw);
        cpu0 = cpuSeconds();
        double rawSynced = rawUpload(bodies, work.resolve("sink"));
        double rawSyncedCpu = cpuSeconds() - cpu0;
        System.err.printf("raw upload, fsynced sink: %.1f s%n", rawSynced);
        cpu0 = cpuSeconds();
        Drain clean = drain(work.resolve("clean"), station, options, 0);
        double drainCpu = cpuSeconds() - cpu0;
        System.err.printf("CPU seconds of this process: raw upload %.1f, fsynced %.1f, drain %.1f%n", rawCpu,
                rawSyncedCpu, drainCpu);
        System.err.printf("drain: %s%n", clean);
        System.err.printf("drain CPU seconds by thread group: %s%n", clean.cpu);
        if (Boolean.getBoolean("rekam.bench.skipDrops")) { // quick profiling runs only
            System.err.printf("raw %.1f s, fsynced %.1f s, drain %.1f s (confirmed %.1f s): %.2fx, %.2fx%n", raw,
                    rawSynced, clean.toAcknowledged, clean.toConfirmed, raw / clean.toAcknowledged,
                    rawSynced / clean.toAcknowledged);
            return;
        }
        Drain lossy = drain(work.resolve("lossy"), station, options, 10);
        System.err.printf("drain with drops: %s%n", lossy);

        double rawMbps = payload / 1e6 / raw;
        double drainMbps = payload / 1e6 / clean.toAcknowledged;
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Run: %s, %s %s, %d CPUs, %d packets of %.0f KB average "
                        + "(%.1f MB), concurrency %d, chunk 1 MiB%n%n", java.time.Instant.now(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), packets, payload / 1e3 / packets, payload / 1e6, CONCURRENCY));
        md.append("| measurement | value | goal |\n|---|---|---|\n");
        md.append(String.format(Locale.ROOT, "| raw OkHttp POST of the same bodies to a discarding sink | %.1f s (%.1f MB/s) | baseline |%n",
                raw, rawMbps));
        md.append(String.format(Locale.ROOT, "| second baseline: the same POSTs to a sink that writes each body to a file and fsyncs it | %.1f s (%.1f MB/s) | |%n",
                rawSynced, payload / 1e6 / rawSynced));
        md.append(String.format(Locale.ROOT, "| drain to central server, all ACKNOWLEDGED (durably stored) | %.1f s (%.1f MB/s) | |%n",
                clean.toAcknowledged, drainMbps));
        md.append(String.format(Locale.ROOT, "| drain, all CONFIRMED (feed verdicts applied) | %.1f s | |%n", clean.toConfirmed));
        md.append(String.format(Locale.ROOT, "| **throughput drain / raw** (to ACKNOWLEDGED) | **%.2f×** | ≥ 0.85× |%n", drainMbps / rawMbps));
        md.append(String.format(Locale.ROOT, "| throughput drain / raw, to all CONFIRMED | %.2f× | |%n", raw / clean.toConfirmed));
        md.append(String.format(Locale.ROOT, "| throughput drain / fsynced sink (second baseline), to ACKNOWLEDGED | %.2f× | |%n",
                rawSynced / clean.toAcknowledged));
        md.append(String.format(Locale.ROOT, "| process CPU per packet: raw / fsynced sink / drain (until all CONFIRMED) | %.1f / %.1f / %.1f ms | |%n",
                rawCpu * 1e3 / packets, rawSyncedCpu * 1e3 / packets, drainCpu * 1e3 / packets));
        md.append(String.format(Locale.ROOT, "| drain with 10%% of connections reset mid-request (%d of %d reset), all CONFIRMED | %.1f s (%.2f× the clean drain) | |%n",
                lossy.dropped, lossy.connections, lossy.toConfirmed, lossy.toConfirmed / clean.toConfirmed));
        md.append(String.format(Locale.ROOT, "| **bytes sent per byte of payload, with drops** (all client bytes incl. headers, announce, feed) | **%.3f** | ≤ 1.15 |%n",
                (double) lossy.clientBytes / payload));
        md.append(String.format(Locale.ROOT, "| PATCH body bytes handed to connections per byte of payload (incl. those cut off) | %.3f | |%n",
                (double) lossy.patchBytes / payload));
        md.append("\nDrain CPU per packet by thread group (clean drain, from /proc/self/task):\n\n| threads | ms per packet |\n|---|---|\n");
        clean.cpu.forEach((g, sec) -> md.append(String.format(Locale.ROOT, "| %s | %.2f |%n", g, sec * 1e3 / packets)));
        System.out.println();
        System.out.println(md);
        Files.writeString(work.resolve("results.md"), md.toString());
    }

    /** A station store with {@code n} ~100 KB packets approved and queued; returns their bodies. */
    static List<byte[]> prepare(Path station, int n, long seed, StoreOptions options) {
        List<byte[]> bodies = new ArrayList<>();
        try (StationStore store = StationStore.initialise(station, PASS, STATION, options)) {
            store.operators().createFirstSupervisor("spv", "bench-spv-password".toCharArray());
            DemoRecords demo = new DemoRecords(seed, VILLAGE, STATION);
            Random random = new Random(seed);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ids.add(store.saveEnrollment(hundredKb(demo.next(), random)).packetId());
            }
            store.outbox().approve(ids, "spv");
            store.outbox().enqueue(ids, "spv");
            for (String id : ids) {
                bodies.add(store.outbox().readPacket(id).body());
            }
        }
        return bodies;
    }

    /** A DemoRecords citizen with image sizes giving a ~100 KB packet (the task's size). */
    static EnrollmentRecord hundredKb(EnrollmentRecord r, Random random) {
        EnrollmentBuilder b = EnrollmentBuilder.from(r).fingerImages(() -> bytes(random, 5_000));
        byte[] jpeg = bytes(random, 40_000);
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        return b.photoJpeg(jpeg).build();
    }

    /** CPU time of this JVM (client and server alike): a measure the machine's other load barely moves. */
    static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /**
     * The ideal: the same bytes, from memory, to a sink that only reads them (or, with
     * {@code syncedDir}, writes each to a file and fsyncs it). Seconds.
     */
    static double rawUpload(List<byte[]> bodies, Path syncedDir) throws Exception {
        HttpServer sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        ExecutorService sinkThreads = Executors.newFixedThreadPool(8);
        sink.setExecutor(sinkThreads);
        if (syncedDir != null) {
            Files.createDirectories(syncedDir);
        }
        AtomicInteger files = new AtomicInteger();
        sink.createContext("/", ex -> {
            try (InputStream in = ex.getRequestBody()) {
                if (syncedDir == null) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                } else {
                    // Second baseline: the body is on disk (data forced) before the answer, as in the drain.
                    Path f = syncedDir.resolve(files.incrementAndGet() + ".body");
                    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(f,
                            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE)) {
                        ch.write(java.nio.ByteBuffer.wrap(in.readAllBytes()));
                        ch.force(true);
                    }
                }
            }
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        sink.start();
        OkHttpClient http = new OkHttpClient();
        String url = "http://127.0.0.1:" + sink.getAddress().getPort() + "/upload";
        MediaType octets = MediaType.get("application/octet-stream");
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        AtomicInteger next = new AtomicInteger();
        long t0 = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (int w = 0; w < CONCURRENCY; w++) {
            fs.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < bodies.size()) {
                    try (Response r = http.newCall(new Request.Builder().url(url)
                            .post(RequestBody.create(bodies.get(i), octets)).build()).execute()) {
                        if (r.code() != 204) {
                            throw new IOException("sink answered " + r.code());
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        sink.stop(0);
        sinkThreads.shutdown();
        http.dispatcher().executorService().shutdown();
        return s;
    }

    record Drain(double toAcknowledged, double toConfirmed, long clientBytes, long patchBytes, long connections,
                 long dropped, Map<String, Double> cpu) {
    }

    /** A fresh server, a copy of the queued station, drained until every packet is confirmed. */
    static Drain drain(Path dir, Path template, StoreOptions options, int dropPercent) throws Exception {
        Path station = dir.resolve("station");
        copyTree(template, station);
        CentralServer server = CentralServer.start(ServerConfig.builder(dir.resolve("server"))
                .acceptUnparseableTemplates(true).build());
        try (StationStore store = StationStore.open(station, PASS, options)) {
            OkHttpClient plain = new OkHttpClient();
            StationEnrollment.enroll(plain, server.baseUri(), server.admin().createEnrollmentCode(OFFICE).code(),
                    store, "bench");
            plain.dispatcher().executorService().shutdown();
            FaultyProxy proxy = dropPercent > 0
                    ? new FaultyProxy(server.baseUri(), 7, FaultyProxy.Mix.resets(dropPercent, 120_000)) : null;
            URI base = proxy != null ? proxy.uri() : server.baseUri();
            SyncConfig config = SyncConfig.defaults(base).withConcurrency(CONCURRENCY)
                    .withBackoff(Duration.ofMillis(10), Duration.ofMillis(200))
                    .withPollInterval(Duration.ofMillis(50));
            OkHttpClient.Builder http = HttpClients.builder(config, store.stationId(), store::signRequest,
                    Clock.systemUTC());
            if (proxy != null) {
                // One request per connection, so "10% of connections" is 10% of requests.
                http.addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .header("Connection", "close").build()));
            }
            ThreadCpu threadCpu = ThreadCpu.start();
            long t0 = System.nanoTime();
            // A pass uploads everything and then reads the feed, so "all stored" is watched from
            // the side while the pass runs.
            java.util.concurrent.atomic.AtomicLong ackNanos = new java.util.concurrent.atomic.AtomicLong(-1);
            Thread watch = new Thread(() -> {
                while (ackNanos.get() < 0 && !Thread.currentThread().isInterrupted()) {
                    Map<OutboxState, Long> n = store.outbox().countByState();
                    if (n.get(OutboxState.QUEUED) + n.get(OutboxState.UPLOADING) == 0) {
                        ackNanos.set(System.nanoTime() - t0);
                        return;
                    }
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "ack-watch");
            watch.setDaemon(true);
            watch.start();
            try (SyncService sync = new SyncService(store, config, Clock.systemUTC(), Backoff.threadLocalRandom(),
                    Messages.indonesian(), http.build())) {
                Backoff backoff = new Backoff(config.backoffBase(), config.backoffCap(), Backoff.threadLocalRandom());
                int attempt = 0;
                while (true) {
                    try {
                        sync.runOnce();
                        attempt = 0;
                    } catch (SyncFailure f) {
                        Thread.sleep(backoff.delay(attempt++, f.retryAfter().orElse(null)).toMillis());
                    }
                    Map<OutboxState, Long> n = store.outbox().countByState();
                    if (n.get(OutboxState.CONFIRMED) + n.get(OutboxState.NEEDS_ATTENTION)
                            + n.get(OutboxState.REJECTED) + n.get(OutboxState.DUPLICATE)
                            == n.values().stream().mapToLong(Long::longValue).sum()) {
                        if (n.get(OutboxState.CONFIRMED) + n.get(OutboxState.DUPLICATE)
                                != n.values().stream().mapToLong(Long::longValue).sum()) {
                            throw new IllegalStateException("not all delivered: " + n);
                        }
                        break;
                    }
                }
                double confirmed = (System.nanoTime() - t0) / 1e9;
                watch.join(1_000);
                double acknowledged = ackNanos.get() < 0 ? confirmed : ackNanos.get() / 1e9;
                FaultyProxy.Counts faults = proxy != null ? proxy.counts() : null;
                Drain d = new Drain(acknowledged, confirmed, faults != null ? faults.upstreamBytes() : -1,
                        sync.bytesSent(), faults != null ? faults.connections() : -1, faults != null ? faults.resets() : 0,
                        threadCpu.since());
                if (proxy != null) {
                    proxy.close();
                }
                return d;
            }
        } finally {
            server.stop();
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
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
