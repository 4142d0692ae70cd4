package id.rekam.app;

import javafx.animation.AnimationTimer;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Measures cold start: from JVM start to the first screen shown, drawn, and to the operator login.
 * Each moment is printed once as {@code rekam: <moment> N ms after JVM start (process CPU M ms)},
 * the line {@code StartupBench} and {@code bench/scripts/unlock-probe.sh} read.
 */
public final class StartupClock {

    private static final AtomicBoolean FIRST_SCREEN_SHOWN = new AtomicBoolean();
    private static final CompletableFuture<Void> FIRST_FRAME = new CompletableFuture<>();
    private static final AtomicBoolean LOGIN_SHOWN = new AtomicBoolean();

    private StartupClock() {
    }

    public static void markFirstScreen() {
        if (FIRST_SCREEN_SHOWN.compareAndSet(false, true)) {
            report("first screen shown");
        }
    }

    /**
     * Call on the FX thread once the window is shown: the first pulse after that draws it, the
     * second finds it drawn; then the first frame is marked and {@code then} runs. Work the first
     * screen does not need (devices, the demo server, the warm-up) goes in {@code then}, so it
     * does not compete with drawing it.
     */
    public static void markFirstFrameWhenDrawn(Runnable then) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses >= 2) {
                    stop();
                    markFirstFrame();
                    then.run();
                }
            }
        }.start();
    }

    private static void markFirstFrame() {
        if (!FIRST_FRAME.isDone()) {
            report("first frame rendered");
            FIRST_FRAME.complete(null);
        }
    }

    /**
     * The operator login screen is shown for the first time (after the supervisor unlocked the
     * station): with the unlock pressed at once, as a benchmark does, this is cold start to login.
     */
    public static void markLoginScreen() {
        if (LOGIN_SHOWN.compareAndSet(false, true)) {
            report("login screen shown");
        }
    }

    /** Completes when the first frame has been drawn. */
    public static CompletableFuture<Void> firstFrame() {
        return FIRST_FRAME;
    }

    /** Prints the moment with the wall time since JVM start and, as the robust signal on a loaded machine, the process CPU. */
    private static void report(String moment) {
        long wall = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        long cpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1_000_000 : -1;
        System.out.println("rekam: " + moment + " " + wall + " ms after JVM start (process CPU " + cpu + " ms)");
    }
}
