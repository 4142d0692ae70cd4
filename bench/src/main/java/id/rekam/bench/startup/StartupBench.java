package id.rekam.bench.startup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold start of the station, in fresh JVMs: time from JVM start to the first screen shown (the
 * unlock screen, demo mode) and the process CPU used until then, next to the same figures for a
 * one-label JavaFX window ({@link HelloFx}) on the same JVM, class path and options, measured in
 * the same run and interleaved with the station's runs so both see the same machine load.
 *
 * <p>Needs a display ({@code xvfb-run -a} on a build machine). Usage:
 * {@code java -cp <bench classes + classpath.txt> id.rekam.bench.startup.StartupBench RUNS [JVM options…]}.
 * Each variant of JVM options is a separate invocation; {@code -XX:SharedArchiveFile=…} included.
 */
public final class StartupBench {

    private static final Pattern SHOWN = Pattern.compile("first screen shown (\\d+) ms after JVM start \\(process CPU (-?\\d+) ms\\)");
    private static final Pattern DRAWN = Pattern.compile("first frame rendered (\\d+) ms after JVM start \\(process CPU (-?\\d+) ms\\)");

    private StartupBench() {
    }

    /** Window shown (stage.show returned) and its first frame drawn, each as wall and process CPU ms from JVM start. */
    record Run(long wallMs, long cpuMs, long drawnWallMs, long drawnCpuMs) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<String> jvmOptions = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : List.of();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        Path data = Files.createTempDirectory("rekam-startup-bench-demo");
        List<Run> hello = new ArrayList<>();
        List<Run> station = new ArrayList<>();
        // One discarded pair first: the OS file cache is cold for the first launch only.
        launch(java, jvmOptions, cp, HelloFx.Launch.class.getName(), List.of());
        launch(java, jvmOptions, cp, "id.rekam.app.Main", List.of("-Drekam.dataDir=" + data, "--demo"));
        for (int i = 0; i < runs; i++) {
            hello.add(launch(java, jvmOptions, cp, HelloFx.Launch.class.getName(), List.of()));
            station.add(launch(java, jvmOptions, cp, "id.rekam.app.Main", List.of("-Drekam.dataDir=" + data, "--demo")));
        }
        System.out.println("JVM options: " + (jvmOptions.isEmpty() ? "(none)" : String.join(" ", jvmOptions)));
        System.out.println("load average at the end: " + Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.println("| launch | window shown, ms: median (runs) | CPU until shown, ms | first frame drawn, ms | CPU until drawn, ms |");
        System.out.println("|---|---|---|---|---|");
        row("hello JavaFX window (baseline)", hello);
        row("station, demo, unlock screen", station);
        System.out.printf(Locale.ROOT, "ratio station / baseline (first frame drawn): wall %.2f×, CPU %.2f×%n",
                median(station, Run::drawnWallMs) / median(hello, Run::drawnWallMs),
                median(station, Run::drawnCpuMs) / median(hello, Run::drawnCpuMs));
    }

    private static void row(String name, List<Run> runs) {
        System.out.printf(Locale.ROOT, "| %s | %.0f (%s) | %.0f (%s) | %.0f (%s) | %.0f (%s) |%n", name,
                median(runs, Run::wallMs), join(runs, Run::wallMs), median(runs, Run::cpuMs), join(runs, Run::cpuMs),
                median(runs, Run::drawnWallMs), join(runs, Run::drawnWallMs),
                median(runs, Run::drawnCpuMs), join(runs, Run::drawnCpuMs));
    }

    private static String join(List<Run> runs, java.util.function.ToLongFunction<Run> f) {
        return String.join(", ", runs.stream().map(r -> Long.toString(f.applyAsLong(r))).toList());
    }

    private static double median(List<Run> runs, java.util.function.ToLongFunction<Run> f) {
        long[] v = runs.stream().mapToLong(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
    }

    /** Starts one JVM, waits for its first-screen line, then ends it (the station does not quit by itself). */
    private static Run launch(String java, List<String> jvmOptions, String cp, String main, List<String> appArgs)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvmOptions);
        appArgs.stream().filter(a -> a.startsWith("-D")).forEach(cmd::add);
        cmd.add("-cp");
        cmd.add(cp);
        cmd.add(main);
        appArgs.stream().filter(a -> !a.startsWith("-D")).forEach(cmd::add);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            long[] shown = null;
            while ((line = out.readLine()) != null) {
                Matcher m = SHOWN.matcher(line);
                if (m.find()) {
                    shown = new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
                }
                Matcher d = DRAWN.matcher(line);
                if (d.find() && shown != null) {
                    return new Run(shown[0], shown[1], Long.parseLong(d.group(1)), Long.parseLong(d.group(2)));
                }
            }
            throw new IllegalStateException(main + " ended without showing a screen (exit " + p.waitFor() + ")");
        } finally {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }
}
