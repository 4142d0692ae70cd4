package id.rekam.diag.software;

import java.security.KeyPairGenerator;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the Java runtime under the station offers. An installed station runs on a jlink image: a
 * module missing from it only shows when the code that needs it runs, perhaps weeks later in the
 * field, so the technician's diagnostics and the installer's self-test both look up front.
 */
public record RuntimeFacts(Runtime.Version version, String javaHome, String vendor, String os,
                           List<String> missingModules, boolean ed25519, boolean indonesianLocale) {

    /** The oldest Java the station runs on. */
    public static final int MINIMUM_JAVA = 17;

    /** Must match the jlink module list in installer/pom.xml (plus jdeps' findings). */
    public static final Set<String> REQUIRED_MODULES = Set.of(
            "java.base", "java.desktop", "java.logging", "java.naming", "java.net.http", "java.sql",
            "java.management", "java.xml", "jdk.crypto.ec", "jdk.localedata",
            "jdk.unsupported", "jdk.zipfs", "jdk.charsets");

    public static RuntimeFacts current() {
        List<String> missing = REQUIRED_MODULES.stream()
                .filter(m -> ModuleLayer.boot().findModule(m).isEmpty())
                .sorted().toList();
        boolean ed25519;
        try {
            KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            ed25519 = true;
        } catch (Exception e) {
            ed25519 = false;
        }
        // Without jdk.localedata only English month names exist; the station prints Indonesian dates.
        boolean indonesian = "Agustus".equals(Month.AUGUST.getDisplayName(TextStyle.FULL, Locale.forLanguageTag("id-ID")));
        return new RuntimeFacts(Runtime.version(), System.getProperty("java.home"), System.getProperty("java.vendor", ""),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                missing, ed25519, indonesian);
    }

    public boolean javaAtLeast(int feature) {
        return version.feature() >= feature;
    }

    public boolean complete(int minimumFeature) {
        return javaAtLeast(minimumFeature) && missingModules.isEmpty() && ed25519 && indonesianLocale;
    }
}
