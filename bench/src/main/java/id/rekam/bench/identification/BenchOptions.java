package id.rekam.bench.identification;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Command-line options of the identification benchmark and its cache generator, each
 * {@code --name value} ({@code --server-people} may list several sizes: {@code 35000,200000});
 * the Maven profile passes them from {@code -Drekam.bench.id.*}.
 */
record BenchOptions(int people, long seed, Path cache, int threads, int reenrolments, int newPeople,
                    int bruteForceProbes, int[] serverPeople, Path doc) {

    static BenchOptions parse(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            m.put(args[i].substring(2), args[i + 1]);
        }
        return new BenchOptions(
                Integer.parseInt(m.getOrDefault("people", "35000")),
                Long.parseLong(m.getOrDefault("seed", "2035")),
                Path.of(m.getOrDefault("cache", "bench/target/identification-people")),
                Integer.parseInt(m.getOrDefault("threads", String.valueOf(Runtime.getRuntime().availableProcessors()))),
                Integer.parseInt(m.getOrDefault("reenrolments", "250")),
                Integer.parseInt(m.getOrDefault("new-people", "250")),
                Integer.parseInt(m.getOrDefault("brute-force-probes", "10")),
                java.util.Arrays.stream(m.getOrDefault("server-people", "200000").split(","))
                        .mapToInt(Integer::parseInt).toArray(),
                m.containsKey("doc") ? Path.of(m.get("doc")) : null);
    }
}
