package id.rekam.app.fx;

import javafx.application.Platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Measures how long the FX thread keeps the UI frozen: a probe thread posts a
 * {@link Platform#runLater} every {@code periodMs} and records how late it runs. A probe
 * that waits 150 ms means the FX thread was busy (or blocked) for about that long.
 *
 * <p>To say <em>where</em> a stall happens, the probe thread samples the FX thread's stack while
 * a probe is overdue (every period past {@link #SAMPLE_AFTER_MS}); a stall over the goal is
 * logged with the current moment (a label the caller supplies, e.g. the wizard step) and the
 * most frequent sampled frames.
 */
public final class FxStallWatchdog implements AutoCloseable {

    /** The station's goal: no stall longer than this. */
    public static final long GOAL_MS = 100;

    /**
     * Stalls logged (with where the FX thread was): those over the goal, or over
     * {@code -Drekam.fx.stallLogMs} to study the ones just under it.
     */
    static final long LOG_OVER_MS = Long.getLong("rekam.fx.stallLogMs", GOAL_MS);

    /** A probe this late starts stack sampling of the FX thread. */
    static final long SAMPLE_AFTER_MS = 30;

    private final long periodMs;
    private final Supplier<String> moment;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Object lock = new Object();
    private long[] latenciesMicros = new long[1024];
    /** FX + render thread CPU spent while each probe waited. */
    private long[] cpuMicros = new long[1024];
    private int count;
    private Thread probe;
    private volatile Thread fxThread;
    /** Sampled too when the FX thread waits for the previous frame to be rendered. */
    private volatile Thread renderThread;
    private long startNanos = System.nanoTime();
    private final List<String> stallLog = new ArrayList<>();

    public FxStallWatchdog(long periodMs) {
        this(periodMs, () -> "");
    }

    /** @param moment what the app is doing (called on the FX thread right after a stall), for the stall log */
    public FxStallWatchdog(long periodMs, Supplier<String> moment) {
        this.periodMs = periodMs;
        this.moment = moment;
    }

    public FxStallWatchdog start() {
        if (!running.compareAndSet(false, true)) {
            return this;
        }
        startNanos = System.nanoTime();
        // Known before the first probe, so a stall at the very first probe is sampled too.
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("JavaFX Application Thread")) {
                fxThread = t;
            } else if (t.getName().startsWith("QuantumRenderer")) {
                renderThread = t;
            }
        }
        probe = new Thread(this::loop, "rekam-fx-watchdog");
        probe.setDaemon(true);
        probe.start();
        return this;
    }

    private void loop() {
        AtomicBoolean pending = new AtomicBoolean();
        long posted = 0;
        List<StackTraceElement[]> inFlight = new ArrayList<>();
        while (running.get()) {
            if (pending.compareAndSet(false, true)) {
                long at = System.nanoTime();
                posted = at;
                List<StackTraceElement[]> mine = new ArrayList<>();
                inFlight = mine;
                long cpuAt = uiCpuNanos();
                Platform.runLater(() -> {
                    fxThread = Thread.currentThread();
                    long cpu = cpuAt < 0 ? -1 : uiCpuNanos() - cpuAt;
                    record((System.nanoTime() - at) / 1_000, cpu < 0 ? -1 : cpu / 1_000, at, mine);
                    pending.set(false);
                });
            } else {
                Thread fx = fxThread;
                if (fx != null && System.nanoTime() - posted > SAMPLE_AFTER_MS * 1_000_000) {
                    StackTraceElement[] stack = fx.getStackTrace();
                    Thread render = renderThread;
                    if (render != null && stack.length > 0 && stack[0].getMethodName().equals("park")) {
                        stack = render.getStackTrace();
                        if (stack.length > 0) {
                            // Marked so the log tells render-thread work from FX-thread work.
                            StackTraceElement[] marked = Arrays.copyOf(stack, stack.length + 1);
                            System.arraycopy(stack, 0, marked, 1, stack.length);
                            marked[0] = new StackTraceElement("RENDER", "thread", null, -1);
                            stack = marked;
                        }
                    }
                    synchronized (inFlight) {
                        inFlight.add(stack);
                    }
                }
            }
            try {
                Thread.sleep(periodMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Stalls logged (over the goal by default): when (ms since start), how long, the moment and where the FX thread was. */
    public List<String> stallLog() {
        synchronized (lock) {
            return List.copyOf(stallLog);
        }
    }

    /**
     * CPU time the FX and render threads have used, in ns; -1 if unknown. A stall's wall time on a
     * loaded machine is mostly waiting for a core; the CPU the UI threads burnt meanwhile is what
     * the station itself spent, and moves much less with other load.
     */
    private long uiCpuNanos() {
        Thread fx = fxThread;
        if (fx == null || !THREADS.isThreadCpuTimeSupported()) {
            return -1;
        }
        long cpu = THREADS.getThreadCpuTime(fx.getId());
        Thread render = renderThread;
        if (render != null) {
            cpu += Math.max(0, THREADS.getThreadCpuTime(render.getId()));
        }
        return cpu;
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private void record(long micros, long cpu, long postedNanos, List<StackTraceElement[]> stacks) {
        String stall = null;
        if (micros > LOG_OVER_MS * 1_000) {
            List<StackTraceElement[]> copy;
            synchronized (stacks) {
                copy = List.copyOf(stacks);
            }
            stall = String.format(Locale.ROOT, "at %d ms: %d ms (UI threads' CPU %d ms) [%s]%s",
                    (postedNanos - startNanos) / 1_000_000, micros / 1_000, cpu / 1_000, moment.get(), where(copy));
        }
        synchronized (lock) {
            if (stall != null) {
                stallLog.add(stall);
            }
            if (count == latenciesMicros.length) {
                latenciesMicros = Arrays.copyOf(latenciesMicros, count * 2);
                this.cpuMicros = Arrays.copyOf(this.cpuMicros, count * 2);
            }
            this.cpuMicros[count] = cpu;
            latenciesMicros[count++] = micros;
        }
    }

    /** The most frequent frames over the samples, first rekam frames, then the top of the stack. */
    static String where(List<StackTraceElement[]> stacks) {
        if (stacks.isEmpty()) {
            return " (no sample)";
        }
        Map<String, Integer> own = new LinkedHashMap<>();
        Map<String, Integer> top = new LinkedHashMap<>();
        for (StackTraceElement[] stack : stacks) {
            for (int i = 0; i < Math.min(5, stack.length); i++) {
                top.merge(stack[i].getClassName() + "." + stack[i].getMethodName(), 1, Integer::sum);
            }
            for (StackTraceElement e : stack) {
                if (e.getClassName().startsWith("id.rekam.") && !e.getClassName().startsWith("id.rekam.app.fx.FxStallWatchdog")) {
                    own.merge(e.getClassName().substring(e.getClassName().lastIndexOf('.') + 1) + "." + e.getMethodName()
                            + ":" + e.getLineNumber(), 1, Integer::sum);
                    break;
                }
            }
            // The outermost frames that say which kind of work it was (pulse = layout/CSS/render, event, runLater).
            for (int i = stack.length - 1; i >= 0; i--) {
                String c = stack[i].getClassName();
                if (c.contains("QuantumToolkit") || c.contains("Scene$ScenePulseListener") || c.contains("EventHandler")
                        || c.contains("PaintCollector") || c.contains("AnimationTimer")) {
                    top.merge("via " + c.substring(c.lastIndexOf('.') + 1) + "." + stack[i].getMethodName(), 1, Integer::sum);
                    break;
                }
            }
        }
        String summary = " " + stacks.size() + " samples; rekam " + first(own, 3) + "; frames " + first(top, 8);
        if (Boolean.getBoolean("rekam.fx.stallStacks")) {
            StringBuilder sb = new StringBuilder(summary);
            for (StackTraceElement e : Arrays.copyOf(stacks.get(stacks.size() / 2), Math.min(40, stacks.get(stacks.size() / 2).length))) {
                sb.append("\n      at ").append(e);
            }
            return sb.toString();
        }
        return summary;
    }

    private static String first(Map<String, Integer> counts, int n) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .map(e -> e.getKey() + "×" + e.getValue()).toList().toString();
    }

    /**
     * Latency statistics in milliseconds; {@code maxUiCpu}: the most CPU the FX and render threads
     * used while one probe waited (-1 if the JVM cannot tell).
     */
    public record Stats(int samples, double p50, double p99, double max, int overGoal, double maxUiCpu) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d probes, p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d over %d ms; "
                    + "most UI-thread CPU during one probe %.1f ms", samples, p50, p99, max, overGoal, GOAL_MS, maxUiCpu);
        }
    }

    public Stats stats() {
        long[] copy;
        long maxCpu;
        synchronized (lock) {
            copy = Arrays.copyOf(latenciesMicros, count);
            maxCpu = Arrays.stream(cpuMicros, 0, count).max().orElse(-1);
        }
        if (copy.length == 0) {
            return new Stats(0, 0, 0, 0, 0, -1);
        }
        Arrays.sort(copy);
        int over = (int) Arrays.stream(copy).filter(m -> m > GOAL_MS * 1_000).count();
        return new Stats(copy.length, copy[copy.length / 2] / 1e3, copy[(int) Math.min(copy.length - 1,
                Math.ceil(copy.length * 0.99) - 1)] / 1e3, copy[copy.length - 1] / 1e3, over, maxCpu / 1e3);
    }

    @Override
    public void close() {
        running.set(false);
        if (probe != null) {
            probe.interrupt();
        }
    }
}
