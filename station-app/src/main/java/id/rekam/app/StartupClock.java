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
            System.out.println("rekam: first screen shown " + firstScreenMillis + " ms after JVM start");
        }
    }

    /** Milliseconds from JVM start to the first screen, 0 while none was shown. */
    public static Duration firstScreen() {
        return Duration.ofMillis(firstScreenMillis);
    }
}
