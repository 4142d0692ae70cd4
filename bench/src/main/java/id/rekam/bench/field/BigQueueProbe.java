package id.rekam.bench.field;

import id.rekam.core.coverage.Coverage;
import id.rekam.core.crypto.KdfParams;
import id.rekam.core.field.Guardrails;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.StoreOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;

/**
 * BENCHMARK ONLY. Runs in a fresh JVM started by {@link BigQueueBench}: opens a prepared store and
 * times what an operator does first in a session (the first search, then later ones, the records
 * list, the home counters, the guardrails, the coverage report), then reports the process's
 * resident memory. Prints one {@code RESULT} line of {@code key=value} pairs.
 */
public final class BigQueueProbe {

    private BigQueueProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        char[] pass = args[1].toCharArray();
        StoreOptions options = StoreOptions.defaults().withKdf(KdfParams.forTestsOnly(1_000, 1_000));
        long t0 = System.nanoTime();
        try (StationStore store = StationStore.open(dir, pass, options)) {
            long open = System.nanoTime() - t0;
            long a = System.nanoTime();
            // Matches nothing: the whole index is walked, the worst case of a name search.
            store.search("ZZZ", 10);
            long first = System.nanoTime() - a;
            long[] later = new long[9];
            for (int i = 0; i < later.length; i++) {
                a = System.nanoTime();
                store.search(i % 2 == 0 ? "SITI RAH" : "ZZZ", 20);
                later[i] = System.nanoTime() - a;
            }
            Arrays.sort(later);
            a = System.nanoTime();
            store.listRecent(0, 50);
            long list = System.nanoTime() - a;
            a = System.nanoTime();
            store.counters();
            long counters = System.nanoTime() - a;
            a = System.nanoTime();
            new Guardrails(store.fieldLimits(), store.zone()).evaluate(store.fieldFacts());
            long guardrails = System.nanoTime() - a;
            a = System.nanoTime();
            Coverage c = new Coverage(store, Clock.systemUTC());
            c.report(c.today());
            long coverage = System.nanoTime() - a;
            long[] rss = rss();
            System.out.println(String.format(Locale.ROOT, "RESULT open=%.1f first=%.1f laterP50=%.1f laterMax=%.1f "
                            + "list=%.1f counters=%.1f guardrails=%.1f coverage=%.1f rssMb=%d hwmMb=%d heapMb=%d",
                    ms(open), ms(first), ms(later[later.length / 2]), ms(later[later.length - 1]), ms(list),
                    ms(counters), ms(guardrails), ms(coverage), rss[0] / 1024, rss[1] / 1024,
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20));
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
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
        } catch (Exception e) {
            // not Linux: memory is not reported
        }
        return out;
    }
}
