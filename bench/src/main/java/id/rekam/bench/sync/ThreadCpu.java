package id.rekam.bench.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU seconds of this process per kind of thread, from {@code /proc/self/task} (Linux): it also
 * sees the JIT compiler and GC threads, which {@code ThreadMXBean} does not list. Shows where
 * the drain's CPU goes (server request threads, decision worker, sync client, JIT, GC) — the
 * whole-process figure alone hid that half of a short run was compilation.
 */
final class ThreadCpu {

    /** Clock ticks per second of {@code /proc/<pid>/task/<tid>/stat} (USER_HZ, 100 on Linux). */
    private static final double HZ = 100.0;

    private record Sample(String name, long ticks) {
    }

    private final Map<String, Sample> start;

    private ThreadCpu(Map<String, Sample> start) {
        this.start = start;
    }

    static ThreadCpu start() {
        return new ThreadCpu(read());
    }

    /** CPU seconds per group since {@link #start()}; empty where /proc is unavailable. */
    Map<String, Double> since() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String g : new String[] {"server requests", "server decisions", "sync client", "JIT compiler", "GC",
                "other"}) {
            out.put(g, 0.0);
        }
        read().forEach((tid, now) -> {
            Sample before = start.get(tid);
            long ticks = now.ticks() - (before != null && before.name().equals(now.name()) ? before.ticks() : 0);
            out.merge(group(now.name()), ticks / HZ, Double::sum);
        });
        return out;
    }

    private static String group(String comm) {
        if (comm.startsWith("rekam-server-de")) {
            return "server decisions";
        }
        if (comm.startsWith("rekam-server") || comm.startsWith("HTTP-Dispatcher")) {
            return "server requests";
        }
        if (comm.startsWith("rekam-sync") || comm.startsWith("OkHttp") || comm.startsWith("Okio")) {
            return "sync client";
        }
        if (comm.contains("CompilerThre")) {
            return "JIT compiler";
        }
        if (comm.startsWith("GC ") || comm.startsWith("G1 ")) {
            return "GC";
        }
        return "other";
    }

    private static Map<String, Sample> read() {
        Map<String, Sample> out = new HashMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return out;
        }
        try (Stream<Path> s = Files.list(tasks)) {
            for (Path t : s.toList()) {
                try {
                    String comm = Files.readString(t.resolve("comm")).strip();
                    String stat = Files.readString(t.resolve("stat"));
                    // Fields after the ")" that closes the command name: state is field 3, utime 14, stime 15.
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    out.put(t.getFileName().toString(), new Sample(comm, Long.parseLong(f[11]) + Long.parseLong(f[12])));
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while we looked
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }
}
