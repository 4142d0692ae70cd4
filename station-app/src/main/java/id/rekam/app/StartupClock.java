package id.rekam.app;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/** Measures cold start: from JVM start to the first screen shown. */
public final class StartupClock {

    private static volatile long firstScreenMillis;

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

    /** Milliseconds from JVM start to the first screen, 0 while none was shown. */
    public static Duration firstScreen() {
        return Duration.ofMillis(firstScreenMillis);
    }
}
