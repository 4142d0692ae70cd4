package id.rekam.installer;

import id.rekam.app.fx.SoftwareRendering;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The station's JVM options are written in four launchers: the installed one (jpackage, from
 * {@code installer.java.options}), the binary zip's {@code bin/rekam} and {@code rekam.bat}, and
 * the demo launch. The memory ones are what keep a 100,000-record station within a 4 GB laptop
 * (docs/design/packaging.md, "Launcher memory"); one launcher losing one of them would be found
 * only by the RSS benchmark, so they are compared here.
 */
class LauncherOptionsAgreeTest {

    private static final Path REPO = Path.of("").toAbsolutePath().getParent();

    private static List<String> installed() throws IOException {
        Matcher m = Pattern.compile("<installer.java.options>([^<]*)</installer.java.options>")
                .matcher(Files.readString(REPO.resolve("installer/pom.xml")));
        assertThat(m.find()).as("installer.java.options in installer/pom.xml").isTrue();
        return List.of(m.group(1).trim().split("\\s+"));
    }

    /** The JVM options of a launcher's java command line, up to where the site's JAVA_OPTS go. */
    private static List<String> scriptOptions(String file, String javaOpts) throws IOException {
        String line = Files.readAllLines(REPO.resolve(file)).stream()
                .filter(l -> l.contains("StationLauncher") && l.contains("-Xmx"))
                .findFirst().orElseThrow(() -> new AssertionError("no java line in " + file));
        String options = line.substring(line.indexOf("-Dfile.encoding"), line.indexOf(javaOpts));
        return List.of(options.trim().split("\\s+"));
    }

    private static List<String> demoOptions() throws IOException {
        String pom = Files.readString(REPO.resolve("station-demo/pom.xml"));
        Matcher m = Pattern.compile("<argument>(-X[^<]*)</argument>").matcher(pom);
        List<String> options = new ArrayList<>();
        while (m.find()) {
            options.add(m.group(1));
        }
        return options;
    }

    @Test
    void everyLauncherGivesTheStationTheSameMemoryOptions() throws IOException {
        List<String> installed = installed();
        List<String> memory = installed.stream().filter(o -> o.startsWith("-X")).toList();
        assertThat(memory).contains("-Xmx512m", "-XX:TrimNativeHeapInterval=15000", "-XX:G1PeriodicGCInterval=15000",
                "-XX:+ExplicitGCInvokesConcurrent");
        assertThat(scriptOptions("src-dist/src/bin/rekam", "$JAVA_OPTS")).isEqualTo(installed);
        assertThat(scriptOptions("src-dist/src/bin/rekam.bat", "%JAVA_OPTS%")).isEqualTo(installed);
        assertThat(demoOptions()).isEqualTo(memory);
    }

    /**
     * A JDK 17 older than 17.0.9 does not know TrimNativeHeapInterval and would refuse to start
     * the zip's station on a system Java; the launchers tell it to ignore options it does not know.
     */
    @Test
    void anOlderJdkIgnoresTheTrimOptionInsteadOfRefusingToStart() throws IOException {
        List<String> installed = installed();
        assertThat(installed.indexOf("-XX:+IgnoreUnrecognizedVMOptions"))
                .isGreaterThanOrEqualTo(0)
                .isLessThan(installed.indexOf("-XX:TrimNativeHeapInterval=15000"));
        assertThat(installed).doesNotHaveDuplicates();
    }

    /**
     * Runs the zip's bin/rekam with a stand-in java that prints what it was given: without a GPU
     * device GTK is told not to load Mesa (GDK_GL=disable), with one nothing is set; a site's own
     * GDK_GL is kept.
     */
    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theZipLauncherKeepsGtkFromLoadingMesaOnlyWithoutAGpu(@TempDir Path tmp) throws Exception {
        Path java = Files.createDirectories(tmp.resolve("jdk/bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"GDK_GL=${GDK_GL:-}\"\n");
        java.toFile().setExecutable(true);
        boolean gpu = SoftwareRendering.hasGpuDevice(Path.of("/dev"));

        assertThat(runZipLauncher(tmp, null)).isEqualTo(gpu ? "GDK_GL=" : "GDK_GL=disable");
        assertThat(runZipLauncher(tmp, "always")).isEqualTo("GDK_GL=always");
    }

    private static String runZipLauncher(Path tmp, String gdkGl) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", REPO.resolve("src-dist/src/bin/rekam").toString())
                .redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", tmp.resolve("jdk").toString());
        pb.environment().remove("GDK_GL");
        if (gdkGl != null) {
            pb.environment().put("GDK_GL", gdkGl);
        }
        Process process = pb.start();
        String out = new String(process.getInputStream().readAllBytes()).trim();
        assertThat(process.waitFor()).as(out).isZero();
        return out;
    }

    /** The .deb's /usr/bin/rekam (in front of jpackage's native launcher) decides as the zip's. */
    @Test
    void theDebsLauncherScriptDecidesAboutTheGpuAsTheZipsDoes() throws IOException {
        String zip = Files.readString(REPO.resolve("src-dist/src/bin/rekam"));
        String deb = Files.readString(REPO.resolve("installer/src/jpackage/linux/root/usr/bin/rekam"));
        List<String> decision = zip.lines().dropWhile(l -> !l.startsWith("if [ -z \"$(ls -A /dev/dri"))
                .limit(3).toList();
        assertThat(decision).hasSize(3).last().isEqualTo("fi");
        assertThat(deb.lines().toList()).containsSequence(decision);
        assertThat(deb).endsWith("exec /opt/rekam/bin/rekam \"$@\"\n");
    }
}
