package id.rekam.installer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * What an installed station must not carry: demo mode, the reference central server (with its
 * {@code /admin/faults} fault-injection API) and the fault-injecting proxy. Checked by artifact
 * name and, in case one is shaded or renamed, by the classes inside each jar.
 */
final class ShippedJars {

    static final List<String> FORBIDDEN_ARTIFACTS = List.of("central-server", "station-demo", "net-faults");
    static final List<String> FORBIDDEN_PACKAGES = List.of("id/rekam/server/", "id/rekam/demo/", "id/rekam/netfaults/");

    private ShippedJars() {
    }

    /** True for {@code central-server}, {@code station-demo-0.1.0.jar}, …: the artifact id, with or without a version. */
    static boolean forbiddenArtifact(String artifactIdOrJarName) {
        return FORBIDDEN_ARTIFACTS.stream().anyMatch(a -> artifactIdOrJarName.equals(a)
                || artifactIdOrJarName.matches(java.util.regex.Pattern.quote(a) + "-\\d.*\\.jar"));
    }

    /** The classes of a forbidden package in a jar or a class directory (a reactor build resolves modules to those). */
    static List<String> forbiddenClasses(Path jarOrDir) {
        List<String> found = new ArrayList<>();
        try {
            if (Files.isDirectory(jarOrDir)) {
                try (Stream<Path> files = Files.walk(jarOrDir)) {
                    files.filter(Files::isRegularFile)
                            .map(f -> jarOrDir.relativize(f).toString().replace('\\', '/'))
                            .filter(ShippedJars::inForbiddenPackage).forEach(found::add);
                }
            } else {
                try (JarFile jar = new JarFile(jarOrDir.toFile())) {
                    jar.stream().map(JarEntry::getName).filter(ShippedJars::inForbiddenPackage).forEach(found::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jarOrDir, e);
        }
        return found.stream().map(c -> jarOrDir.getFileName() + ": " + c).toList();
    }

    private static boolean inForbiddenPackage(String entry) {
        // Multi-release jars keep classes under META-INF/versions/N/ too.
        String name = entry.replaceFirst("^META-INF/versions/\\d+/", "");
        return FORBIDDEN_PACKAGES.stream().anyMatch(name::startsWith);
    }
}
