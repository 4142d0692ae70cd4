package id.rekam.installer.selftest;

import java.security.KeyPairGenerator;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The bundled runtime is a jlink image: a module missing from it only shows when the code
 * that needs it runs, perhaps weeks later in the field. Check them all up front.
 */
public final class RuntimeCheck implements Check {

    /** Must match the jlink module list in installer/pom.xml (plus jdeps' findings). */
    public static final Set<String> REQUIRED_MODULES = Set.of(
            "java.base", "java.desktop", "java.logging", "java.naming", "java.net.http", "java.sql",
            "java.management", "java.xml", "jdk.crypto.ec", "jdk.localedata",
            "jdk.unsupported", "jdk.zipfs", "jdk.charsets");

    private final int minimumFeature;

    public RuntimeCheck() {
        this(17);
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
        Runtime.Version v = Runtime.version();
        String where = System.getProperty("java.home");
        if (v.feature() < minimumFeature) {
            failures.add("Java " + v + " is older than " + minimumFeature + " (" + where + ")");
        } else {
            passes.add("Java " + v + " at " + where);
        }
        List<String> missing = REQUIRED_MODULES.stream()
                .filter(m -> ModuleLayer.boot().findModule(m).isEmpty())
                .sorted().toList();
        if (missing.isEmpty()) {
            passes.add(REQUIRED_MODULES.size() + " required modules present");
        } else {
            failures.add("missing modules: " + String.join(", ", missing));
        }
        try {
            KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            passes.add("Ed25519 keys available (station identity)");
        } catch (Exception e) {
            failures.add("Ed25519 unavailable: " + CheckResult.describe(e));
        }
        // Without jdk.localedata only English month names exist; the station prints Indonesian dates.
        String agustus = Month.AUGUST.getDisplayName(TextStyle.FULL, Locale.forLanguageTag("id-ID"));
        if ("Agustus".equals(agustus)) {
            passes.add("Indonesian locale data present");
        } else {
            failures.add("Indonesian locale data missing (August = '" + agustus + "')");
        }
        return CheckResult.of(failures, passes);
    }
}
