package id.rekam.app.fx;

import javafx.application.Platform;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Measures how long the FX thread keeps the UI frozen: a probe thread posts a
 * {@link Platform#runLater} every {@code periodMs} and records how late it runs. A probe
 * that waits 150 ms means the FX thread was busy (or blocked) for about that long.
 */
public final class FxStallWatchdog implements AutoCloseable {

    /** The station's goal: no stall longer than this. */
    public static final long GOAL_MS = 100;

    private final long periodMs;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Object lock = new Object();
    private long[] latenciesMicros = new long[1024];
    private int count;
    private Thread probe;

    public FxStallWatchdog(long periodMs) {
        this.periodMs = periodMs;
    }

    public FxStallWatchdog start() {
        if (!running.compareAndSet(false, true)) {
            return this;
        }
        startNanos = System.nanoTime();
        probe = new Thread(this::loop, "rekam-fx-watchdog");
        probe.setDaemon(true);
        probe.start();
        return this;
    }

    private void loop() {
        AtomicBoolean pending = new AtomicBoolean();
        while (running.get()) {
            if (pending.compareAndSet(false, true)) {
                long posted = System.nanoTime();
                Platform.runLater(() -> {
                    record((System.nanoTime() - posted) / 1_000);
                    pending.set(false);
                });
            }
            try {
                Thread.sleep(periodMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private final java.util.List<String> stallLog = new java.util.ArrayList<>();

    /** Stalls over the goal as "at-ms:latency-ms" since start, for finding where they happen. */
    public java.util.List<String> stallLog() {
        synchronized (lock) {
            return java.util.List.copyOf(stallLog);
        }
    }

    private long startNanos = System.nanoTime();

    private void record(long micros) {
        synchronized (lock) {
            if (micros > GOAL_MS * 1_000) {
                stallLog.add((System.nanoTime() - startNanos) / 1_000_000 + ":" + micros / 1_000);
            }
            if (count == latenciesMicros.length) {
                latenciesMicros = Arrays.copyOf(latenciesMicros, count * 2);
            }
            latenciesMicros[count++] = micros;
        }
    }

    /** Latency statistics in milliseconds. */
    public record Stats(int samples, double p50, double p99, double max, int overGoal) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%d probes, p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d over %d ms",
                    samples, p50, p99, max, overGoal, GOAL_MS);
        }
    }

    public Stats stats() {
        long[] copy;
        synchronized (lock) {
            copy = Arrays.copyOf(latenciesMicros, count);
        }
        if (copy.length == 0) {
            return new Stats(0, 0, 0, 0, 0);
        }
        Arrays.sort(copy);
        int over = (int) Arrays.stream(copy).filter(m -> m > GOAL_MS * 1_000).count();
        return new Stats(copy.length, copy[copy.length / 2] / 1e3, copy[(int) Math.min(copy.length - 1,
                Math.ceil(copy.length * 0.99) - 1)] / 1e3, copy[copy.length - 1] / 1e3, over);
    }

    @Override
    public void close() {
        running.set(false);
        if (probe != null) {
            probe.interrupt();
        }
    }
}
