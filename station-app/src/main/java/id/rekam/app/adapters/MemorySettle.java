package id.rekam.app.adapters;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Gives the working memory of an unlock's bulk work (the fingerprint index restored or rebuilt,
 * the search index loaded) back to the laptop as soon as it is done, instead of at G1's next
 * idle-time collection 15 s later, when the operator is already at the desk: at 100,000 records
 * the restore leaves 40–90 MB of garbage-holding heap committed.
 *
 * <p>Only where the launcher made an explicit collection concurrent
 * ({@code -XX:+ExplicitGCInvokesConcurrent}, docs/design/packaging.md, "Launcher memory"): a
 * concurrent cycle marks beside the running desk and shrinks the heap at its end; without the
 * option {@link System#gc()} would stop every thread, the desk's included, for a full collection,
 * so nothing is asked.
 */
public final class MemorySettle {

    private static final boolean CONCURRENT =
            explicitGcIsConcurrent(ManagementFactory.getRuntimeMXBean().getInputArguments());

    private MemorySettle() {
    }

    /** @return true when a concurrent collection was asked for */
    public static boolean afterBulkWork() {
        if (!CONCURRENT) {
            return false;
        }
        System.gc();
        return true;
    }

    /** The last of the JVM's options that sets it wins, as in the JVM itself. */
    static boolean explicitGcIsConcurrent(List<String> jvmArguments) {
        boolean concurrent = false;
        for (String argument : jvmArguments) {
            if (argument.equals("-XX:+ExplicitGCInvokesConcurrent")) {
                concurrent = true;
            } else if (argument.equals("-XX:-ExplicitGCInvokesConcurrent")) {
                concurrent = false;
            }
        }
        return concurrent;
    }
}
