package id.rekam.installer.selftest;

import id.rekam.diag.software.RuntimeFacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The bundled runtime is a jlink image: a module missing from it only shows when the code
 * that needs it runs, perhaps weeks later in the field. Check them all up front, with the same
 * facts the technician's diagnostics report ({@link RuntimeFacts}).
 */
public final class RuntimeCheck extends SelfTestCheck {

    /** Must match the jlink module list in installer/pom.xml (plus jdeps' findings). */
    public static final Set<String> REQUIRED_MODULES = RuntimeFacts.REQUIRED_MODULES;

    private final int minimumFeature;

    public RuntimeCheck() {
        this(RuntimeFacts.MINIMUM_JAVA);
    }

    public RuntimeCheck(int minimumFeature) {
        this.minimumFeature = minimumFeature;
    }

    @Override
    public String name() {
        return "runtime";
    }

    @Override
    public CheckResult run() {
        List<String> failures = new ArrayList<>();
        List<String> passes = new ArrayList<>();
        RuntimeFacts r = RuntimeFacts.current();
        if (!r.javaAtLeast(minimumFeature)) {
            failures.add("Java " + r.version() + " is older than " + minimumFeature + " (" + r.javaHome() + ")");
        } else {
            passes.add("Java " + r.version() + " at " + r.javaHome());
        }
        if (r.missingModules().isEmpty()) {
            passes.add(REQUIRED_MODULES.size() + " required modules present");
        } else {
            failures.add("missing modules: " + String.join(", ", r.missingModules()));
        }
        if (r.ed25519()) {
            passes.add("Ed25519 keys available (station identity)");
        } else {
            failures.add("Ed25519 unavailable");
        }
        if (r.indonesianLocale()) {
            passes.add("Indonesian locale data present");
        } else {
            failures.add("Indonesian locale data missing (jdk.localedata)");
        }
        return CheckResult.of(failures, passes);
    }
}
