package id.rekam.app;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/** Measures cold start: from JVM start to the first screen shown. */
public final class StartupClock {

    private static volatile long firstScreenMillis;
    private static final java.util.concurrent.CompletableFuture<Void> FIRST_FRAME = new java.util.concurrent.CompletableFuture<>();

    private StartupClock() {
    }

    public static void markFirstScreen() {
        if (firstScreenMillis == 0) {
            firstScreenMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            long cpuMillis = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() / 1_000_000 : -1;
            // CPU time next to wall time: on a loaded machine the wall time says little.
            System.out.println("rekam: first screen shown " + firstScreenMillis + " ms after JVM start (process CPU "
                    + cpuMillis + " ms)");
        }
    }

    /**
     * The first screen has been rendered (a pulse after it was shown). Work the first screen does
     * not need (devices, the demo server, the warm-up) starts then, so it does not compete with
     * drawing it.
     */
    public static void markFirstFrame() {
        if (!FIRST_FRAME.isDone()) {
            long wall = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println("rekam: first frame rendered " + wall + " ms after JVM start (process CPU " + cpuMillis() + " ms)");
            FIRST_FRAME.complete(null);
        }
    }

    private static final java.util.concurrent.atomic.AtomicBoolean LOGIN_SHOWN = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * The operator login screen is shown for the first time (after the supervisor unlocked the
     * station): with the unlock pressed at once, as a benchmark does, this is cold start to login.
     */
    public static void markLoginScreen() {
        if (LOGIN_SHOWN.compareAndSet(false, true)) {
            long wall = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println("rekam: login screen shown " + wall + " ms after JVM start (process CPU " + cpuMillis() + " ms)");
        }
    }

    /** Completes when {@link #markFirstFrame()} is called. */
    public static java.util.concurrent.CompletableFuture<Void> firstFrame() {
        return FIRST_FRAME;
    }

    private static long cpuMillis() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1_000_000 : -1;
    }

    /** Milliseconds from JVM start to the first screen, 0 while none was shown. */
    public static Duration firstScreen() {
        return Duration.ofMillis(firstScreenMillis);
    }
}
