package id.rekam.installer.dist;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the archives the package phase built: twice, independently, from the same inputs.
 * Same SHA-256 both times is the reproducibility promise; the content checks catch a
 * descriptor that silently drops or leaks files.
 */
class DistArchivesIT {

    private static final Path DIR = Path.of(System.getProperty("dist.dir", "target"));
    private static final Path AGAIN = Path.of(System.getProperty("dist.again.dir", "target/repro-check"));
    private static final String NAME = System.getProperty("dist.name", "rekam");
    // project.build.outputTimestamp in the parent pom
    private static final long TIMESTAMP = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();

    @Test
    void sourceTarballIsReproducible() throws Exception {
        String file = NAME + "-src.tar.gz";
        assertThat(sha256(DIR.resolve(file))).isEqualTo(sha256(AGAIN.resolve(file)));
    }

    @Test
    void binaryZipIsReproducible() throws Exception {
        String file = NAME + "-bin.zip";
        assertThat(sha256(DIR.resolve(file))).isEqualTo(sha256(AGAIN.resolve(file)));
    }

    @Test
    void sourceTarballHoldsSourcesButNoBuildOutput() throws IOException {
        List<TarGzEntries.Entry> entries = TarGzEntries.read(DIR.resolve(NAME + "-src.tar.gz"));
        Map<String, TarGzEntries.Entry> byName = entries.stream()
                .collect(Collectors.toMap(e -> e.name().replaceAll("/$", ""), e -> e, (a, b) -> a));
        String root = NAME + "-src/";

        assertThat(byName).containsKeys(root + "pom.xml", root + "LICENSE", root + "mvnw",
                root + ".mvn/wrapper/maven-wrapper.properties", root + "src-dist/pom.xml",
                root + "station-core/pom.xml");
        assertThat(byName.get(root + "mvnw").mode() & 07777).isEqualTo(0755);
        assertThat(byName.get(root + "pom.xml").mode() & 07777).isEqualTo(0644);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.name()).startsWith(root)
                    .doesNotContain("/target/")
                    .doesNotContain("/.git/")
                    .doesNotEndWith(".class");
            assertThat(e.mtime()).as("mtime of %s", e.name()).isEqualTo(TIMESTAMP);
        });
        assertThat(entries.stream().filter(e -> !e.isDirectory()).map(e -> e.name().substring(root.length())))
                .anySatisfy(n -> assertThat(n).startsWith("station-core/src/main/java/"));
    }

    @Test
    void binaryZipHoldsJarsScriptsConfigAndLicences() throws IOException {
        Path zip = DIR.resolve(NAME + "-bin.zip");
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()),
                Map.of("enablePosixFileAttributes", "true"))) {
            Path root = fs.getPath("/" + NAME);
            for (String script : List.of("rekam", "rekam-sync", "rekam-store", "rekam-server")) {
                Path sh = root.resolve("bin/" + script);
                assertThat(sh).exists();
                assertThat(permissions(sh)).isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
                assertThat(Files.readString(sh)).startsWith("#!/bin/sh\n").doesNotContain("\r");
                assertThat(Files.readString(root.resolve("bin/" + script + ".bat"))).contains("\r\n");
            }
            String settings = Files.readString(root.resolve("conf/rekam.properties"));
            assertThat(settings).contains("#rekam.dataDir=", "#rekam.district=", "#rekam.approval=");
            assertThat(Files.readString(root.resolve("conf/rekam-sync.conf"))).contains("REKAM_SYNC_ARGS=");
            assertThat(Files.readString(root.resolve("bin/rekam"))).contains("id.rekam.installer.StationLauncher");
            assertThat(Files.readString(root.resolve("bin/rekam-store"))).contains("id.rekam.tools.StoreCli");
            assertThat(Files.readString(root.resolve("bin/rekam-sync"))).contains("id.rekam.sync.cli.SyncCli");
            assertThat(root.resolve("LICENSE")).exists();
            assertThat(Files.readString(root.resolve("LICENSE"))).contains("Apache License", "Version 2.0");
            assertThat(root.resolve("THIRD-PARTY.md")).exists();
            assertThat(permissions(root.resolve("LICENSE"))).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));

            List<String> jars;
            try (Stream<Path> s = Files.list(root.resolve("lib"))) {
                jars = s.map(p -> p.getFileName().toString()).sorted().toList();
            }
            assertThat(jars).anyMatch(j -> j.startsWith("sync-client-"))
                    .anyMatch(j -> j.startsWith("central-server-"))
                    .anyMatch(j -> j.startsWith("station-core-"))
                    .anyMatch(j -> j.startsWith("station-app-"))
                    .anyMatch(j -> j.startsWith("installer-"))
                    .anyMatch(j -> j.startsWith("station-tools-"))
                    .anyMatch(j -> j.matches("javafx-graphics-[\\d.]+-linux\\.jar"))
                    .anyMatch(j -> j.startsWith("sqlite-jdbc-"));
            assertThat(jars).allMatch(j -> j.endsWith(".jar"));

            // every third-party jar shipped must have its licence stated
            String thirdParty = Files.readString(root.resolve("THIRD-PARTY.md"));
            assertThat(jars.stream().filter(j -> !isOwnModule(j)))
                    .allSatisfy(j -> assertThat(thirdParty).as("THIRD-PARTY.md names %s", j)
                            .contains("`" + artifactId(j) + "`"));
        }
    }

    /** rekam's own modules carry the project's version; no third-party jar does. */
    private static boolean isOwnModule(String jar) {
        return jar.endsWith("-" + System.getProperty("dist.version", "0.1.0-SNAPSHOT") + ".jar");
    }

    /** {@code okhttp-4.12.0.jar} → {@code okhttp}; {@code javafx-base-21.0.5-linux.jar} → {@code javafx-base}. */
    static String artifactId(String jar) {
        return jar.replaceFirst("-\\d[^-]*(-[a-z0-9_]+)?\\.jar$", "");
    }

    private static Set<PosixFilePermission> permissions(Path p) throws IOException {
        return Files.getPosixFilePermissions(p);
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        assertThat(file).exists();
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
