package id.rekam.diag.software;

import id.rekam.core.diag.DiagnosticLimits;
import id.rekam.core.store.StoreInspection;
import id.rekam.diag.Check;
import id.rekam.diag.Probe;
import id.rekam.diag.Step;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Software: rekam's version, the Java runtime, the store's schema version, the last update check. */
public final class SoftwareCheck implements Check {

    private final Path dataDir;
    private final UpdateCheckStamp updates;
    private final Clock clock;
    private final int minimumJava;

    public SoftwareCheck(Path dataDir, UpdateCheckStamp updates, Clock clock) {
        this(dataDir, updates, clock, RuntimeFacts.MINIMUM_JAVA);
    }

    public SoftwareCheck(Path dataDir, UpdateCheckStamp updates, Clock clock, int minimumJava) {
        this.dataDir = dataDir;
        this.updates = updates;
        this.clock = clock;
        this.minimumJava = minimumJava;
    }

    @Override
    public String area() {
        return "software";
    }

    @Override
    public Duration budget() {
        return Duration.ofSeconds(10);
    }

    @Override
    public void run(Probe probe) {
        String version = SoftwareVersion.current();
        probe.step("version").fact("version", version).ok("software.version.ok", version);
        runtime(probe);
        schema(probe);
        updates(probe);
    }

    private void runtime(Probe probe) {
        RuntimeFacts r = RuntimeFacts.current();
        Step s = probe.step("runtime").fact("java", r.version()).fact("vendor", r.vendor()).fact("os", r.os());
        if (!r.javaAtLeast(minimumJava)) {
            s.fail("software.runtime.old", "software.runtime.old.next", r.version(), minimumJava);
            return;
        }
        List<String> gaps = new ArrayList<>(r.missingModules());
        if (!r.ed25519()) {
            gaps.add("Ed25519");
        }
        if (!r.indonesianLocale()) {
            gaps.add("jdk.localedata (id-ID)");
        }
        if (!gaps.isEmpty()) {
            s.fact("missing", String.join(",", gaps)).fail("software.runtime.incomplete",
                    "software.runtime.incomplete.next", String.join(", ", gaps));
        } else {
            s.ok("software.runtime.ok", r.version(), r.os());
        }
    }

    private void schema(Probe probe) {
        Step s = probe.step("schema").fact("latest", StoreInspection.latestSchema());
        OptionalInt version = StoreInspection.schemaVersion(dataDir);
        if (version.isEmpty()) {
            s.warn("software.schema.noStore", "software.schema.noStore.next");
            return;
        }
        int v = version.getAsInt();
        int latest = StoreInspection.latestSchema();
        s.fact("schema", v);
        if (v > latest) {
            s.fail("software.schema.newer", "software.schema.newer.next", v, latest);
        } else if (v < latest) {
            s.warn("software.schema.older", "software.schema.older.next", v, latest);
        } else {
            s.ok("software.schema.ok", v);
        }
    }

    private void updates(Probe probe) {
        Step s = probe.step("updates");
        Optional<Instant> last = updates.lastCheck();
        if (last.isEmpty()) {
            s.warn("software.updates.unknown", "software.updates.unknown.next");
            return;
        }
        Duration age = Duration.between(last.get(), clock.instant());
        long days = Math.max(0, age.toDays());
        s.fact("lastCheck", last.get()).fact("days", days);
        if (age.compareTo(DiagnosticLimits.UPDATE_CHECK_WARNS) > 0) {
            s.warn("software.updates.old", "software.updates.old.next", days);
        } else {
            s.ok("software.updates.ok", days);
        }
    }
}
