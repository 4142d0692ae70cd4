package id.rekam.bench.identification;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;

/**
 * Fills the synthetic-people cache up to {@code --people N} in the background, chunk by
 * chunk, so the identification benchmark later finds its gallery ready. Stop it at any time;
 * a re-run continues after the last finished chunk. Run it niced, the machine is shared:
 * <pre>
 * nice -n 19 java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
 *     id.rekam.bench.identification.GenerateGallery --people 35000
 * </pre>
 */
public final class GenerateGallery {

    private GenerateGallery() {
    }

    public static void main(String[] args) throws IOException {
        BenchOptions o = BenchOptions.parse(args);
        ForkJoinPool pool = new ForkJoinPool(o.threads());
        SyntheticPeople people = new SyntheticPeople(o.cache(), o.seed(), pool);
        long t0 = System.nanoTime();
        int done = 0;
        for (int start = 0; start < o.people(); start += SyntheticPeople.CHUNK) {
            if (people.cached(start, 0)) {
                continue;
            }
            people.range(start, start + SyntheticPeople.CHUNK, 0);
            done += SyntheticPeople.CHUNK;
            double wallS = (System.nanoTime() - t0) / 1e9;
            int left = o.people() - start - SyntheticPeople.CHUNK;
            System.out.printf(Locale.ROOT, "%tT people %d-%d done: %.1f ms CPU per finger, %.2f s wall per person, "
                            + "%d people left, ETA %.1f h at this pace%n", System.currentTimeMillis(), start,
                    start + SyntheticPeople.CHUNK - 1, people.cpuMsPerGeneratedFinger(), wallS / done, left,
                    left * wallS / done / 3600);
        }
        pool.shutdown();
        System.out.println("gallery cache complete up to " + o.people() + " people");
    }
}
