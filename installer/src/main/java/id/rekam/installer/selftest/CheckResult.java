package id.rekam.installer.selftest;

import java.util.List;

/**
 * Outcome of a {@link Check}. WARN is for something a technician should know that does not
 * stop the station (no camera driver on a desk that only scans fingerprints).
 */
public record CheckResult(Status status, List<String> details) {

    public enum Status { PASS, WARN, FAIL }

    public CheckResult {
        details = List.copyOf(details);
    }

    public static CheckResult pass(String... details) {
        return new CheckResult(Status.PASS, List.of(details));
    }

    public static CheckResult warn(String... details) {
        return new CheckResult(Status.WARN, List.of(details));
    }

    public static CheckResult fail(String... details) {
        return new CheckResult(Status.FAIL, List.of(details));
    }

    public static CheckResult of(List<String> failures, List<String> passes) {
        if (!failures.isEmpty()) {
            return new CheckResult(Status.FAIL, concat(failures, passes));
        }
        return new CheckResult(Status.PASS, passes);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    /** Describes a throwable without its stack, for the report. */
    public static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
