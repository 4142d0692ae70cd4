package id.rekam.installer;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app-image the installer profile built (the .deb, .msi and .pkg are made from it): its jars
 * carry the station, and neither demo mode, nor the reference central server with its
 * fault-injection API, nor the fault-injecting proxy.
 */
class AppImageJarsIT {

    @Test
    void imageCarriesNoDemoServerOrFaultInjectionJars() throws IOException {
        Path lib = appDir(Path.of(System.getProperty("installer.work"), "image"));
        List<Path> jars;
        try (Stream<Path> s = Files.list(lib)) {
            jars = s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        assertThat(jars).extracting(p -> p.getFileName().toString())
                .anyMatch(j -> j.startsWith("station-app-"))
                .anyMatch(j -> j.startsWith("sync-client-"))
                .noneMatch(ShippedJars::forbiddenArtifact);
        for (Path jar : jars) {
            assertThat(ShippedJars.forbiddenClasses(jar)).as("classes of %s", jar.getFileName()).isEmpty();
        }
    }

    /** jpackage's layout: {@code rekam/lib/app} (Linux), {@code rekam/app} (Windows), {@code rekam.app/Contents/app} (macOS). */
    private static Path appDir(Path image) {
        for (Path p : List.of(image.resolve("rekam/lib/app"), image.resolve("rekam/app"),
                image.resolve("rekam.app/Contents/app"))) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new AssertionError("no app-image under " + image);
    }
}
