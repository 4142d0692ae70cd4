package id.rekam.installer;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jars the installer puts into the app-image (and so into the .deb), as Maven resolves them
 * for the image step: the same scope and exclusions (installer/pom.xml, {@code installer.image.*}),
 * listed by the build into {@code target/image-dependencies.txt}. Runs in every build; the
 * image itself is checked by {@code AppImageJarsIT} under {@code -Pinstaller}.
 */
class ShippedJarsTest {

    /** {@code group:artifact:type[:classifier]:version:scope:path[ -- module …]} */
    private static final Pattern LINE = Pattern.compile(
            "^([^:\\s]+):([^:\\s]+):.+?:(compile|runtime):(.+?)(?: -- module .*)?$");

    record Resolved(String artifactId, Path file) {
    }

    static List<Resolved> imageDependencies() throws IOException {
        Path list = Path.of(System.getProperty("installer.image.list", "target/image-dependencies.txt"));
        return Files.readAllLines(list).stream()
                .map(l -> l.replaceAll("\u001B\\[[0-9;]*m", "").trim())
                .map(LINE::matcher).filter(Matcher::matches)
                .map(m -> new Resolved(m.group(2), Path.of(m.group(4).trim())))
                .toList();
    }

    @Test
    void theImageGetsTheStationAndNoDemoServerOrFaultInjection() throws IOException {
        List<Resolved> deps = imageDependencies();
        assertThat(deps).extracting(Resolved::artifactId)
                .as("the list is the image's class path, not an empty parse")
                .contains("station-app", "station-core", "sync-client", "station-devices", "sqlite-jdbc")
                .noneMatch(ShippedJars::forbiddenArtifact);
        for (Resolved d : deps) {
            assertThat(ShippedJars.forbiddenClasses(d.file())).as("classes of %s", d.artifactId()).isEmpty();
        }
    }

    @Test
    void theCheckRecognisesWhatMustStayOut() {
        assertThat(ShippedJars.forbiddenArtifact("central-server")).isTrue();
        assertThat(ShippedJars.forbiddenArtifact("station-demo-0.1.0-SNAPSHOT.jar")).isTrue();
        assertThat(ShippedJars.forbiddenArtifact("net-faults-0.1.0-SNAPSHOT.jar")).isTrue();
        assertThat(ShippedJars.forbiddenArtifact("station-app-0.1.0-SNAPSHOT.jar")).isFalse();
        assertThat(ShippedJars.forbiddenArtifact("central-server-client")).isFalse();
    }
}
