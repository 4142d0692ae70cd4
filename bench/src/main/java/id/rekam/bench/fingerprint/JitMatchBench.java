package id.rekam.bench.fingerprint;

import com.machinezoo.sourceafis.FingerprintTemplate;
import id.rekam.devices.fingerprint.FingerprintMatcher;
import id.rekam.devices.fingerprint.FingerprintTemplates;
import id.rekam.devices.fingerprint.synth.SyntheticFingerprints;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a JIT setting changes the station's fingerprint work: template extraction (every scan) and
 * a 1:N search (the local duplicate check), first call and steady state, in CPU time of this
 * thread. Run it once per setting in fresh JVMs and compare, e.g. default tiered JIT against
 * {@code -XX:TieredStopAtLevel=1} (C1 only), which starts the station with a third less CPU:
 * <pre>
 * java [-XX:TieredStopAtLevel=1] -cp "bench/target/classes:$(cat bench/target/classpath.txt)" id.rekam.bench.fingerprint.JitMatchBench
 * </pre>
 * Extraction is timed on its thread; searches in process CPU (all cores, JIT compiler threads included).
 */
public final class JitMatchBench {

    private JitMatchBench() {
    }

    public static void main(String[] args) {
        int distinct = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int gallerySize = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        FingerprintTemplates templates = new FingerprintTemplates();
        SyntheticFingerprints gen = new SyntheticFingerprints(2031);

        long t0 = cpu.getCurrentThreadCpuTime();
        List<FingerprintTemplate> made = new ArrayList<>();
        List<Double> extractMs = new ArrayList<>();
        for (int i = 0; i < distinct; i++) {
            var image = gen.impression(gen.master(i), 0);
            long e0 = cpu.getCurrentThreadCpuTime();
            made.add(templates.extract(image));
            extractMs.add((cpu.getCurrentThreadCpuTime() - e0) / 1e6);
        }
        double makeS = (cpu.getCurrentThreadCpuTime() - t0) / 1e9;
        List<FingerprintMatcher.Enrolled<Integer>> gallery = new ArrayList<>();
        for (int i = 0; i < gallerySize; i++) {
            gallery.add(new FingerprintMatcher.Enrolled<>(i, made.get(i % distinct)));
        }
        FingerprintTemplate probe = templates.extract(gen.impression(gen.master(3), 1));
        FingerprintMatcher matcher = new FingerprintMatcher();
        double[] searchMs = new double[6];
        double[] searchWallMs = new double[searchMs.length];
        int hits = 0;
        for (int r = 0; r < searchMs.length; r++) {
            long s0 = processCpu();
            long w0 = System.nanoTime();
            // Process CPU: the search runs on all cores, and the JIT's own compile threads count too.
            hits = matcher.search(probe, gallery).size();
            searchMs[r] = (processCpu() - s0) / 1e6;
            searchWallMs[r] = (System.nanoTime() - w0) / 1e6;
        }
        String flags = String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.printf(Locale.ROOT, "JVM flags: %s%n", flags.isEmpty() ? "(default)" : flags);
        System.out.printf(Locale.ROOT, "extraction, CPU ms: first %.1f, median of the last %d %.1f (all %d incl. synthesis: %.1f s)%n",
                extractMs.get(0), distinct / 2, median(extractMs.subList(distinct / 2, distinct)), distinct, makeS);
        System.out.printf(Locale.ROOT, "1:N search of %d entries, process CPU ms: first %.0f, then %s; wall ms %s (%d candidates)%n",
                gallerySize, searchMs[0], java.util.Arrays.toString(java.util.Arrays.copyOfRange(searchMs, 1, searchMs.length)),
                java.util.Arrays.toString(searchWallMs), hits);
        double steady = java.util.Arrays.stream(searchMs, 3, searchMs.length).average().orElse(0);
        System.out.printf(Locale.ROOT, "steady state: %.0f matches per CPU-second%n", gallerySize / (steady / 1e3));
    }

    private static long processCpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        return s.get(s.size() / 2);
    }
}
