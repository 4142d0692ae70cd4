package id.rekam.installer;

import id.rekam.core.store.Migrations;
import id.rekam.core.store.StationStore;
import id.rekam.fixtures.DemoRecords;
import id.rekam.fixtures.LegacyStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The package's whole life on this machine, with the real dpkg: install, a station's data at an
 * older schema, upgrade to a higher version (the same package repacked with a bumped
 * {@code Version:}), remove, purge. Needs root and dpkg; skips (saying why) without them, or
 * when a rekam package is already installed here. Whatever happens, the package is purged
 * afterwards. The package's dependencies are installed with apt-get first, as a technician's
 * {@code apt install ./rekam_….deb} would; they stay installed.
 */
class DebLifecycleIT {

    private static final String DATA = "/var/lib/rekam";
    private static final char[] PASSPHRASE = "frasa-sandi-uji-paket".toCharArray();
    /** The schema the fixture store is written at: one below the current, so the upgrade must migrate. */
    private static final int OLD_SCHEMA = Migrations.LATEST - 1;
    private static Path deb;
    private static Path work;
    private static boolean installedByUs;

    @BeforeAll
    static void preconditions() throws Exception {
        assumeTrue("linux".equals(System.getProperty("installer.package")),
                "package lifecycle: a .deb is built on Linux only (installer.package=" + System.getProperty("installer.package") + ")");
        assumeTrue("root".equals(System.getProperty("user.name")),
                "package lifecycle skipped: dpkg -i needs root (running as " + System.getProperty("user.name") + ")");
        assumeTrue(run("dpkg", "--version").ok(), "package lifecycle skipped: dpkg is not installed");
        assumeTrue(!run("dpkg-query", "-W", "-f=${Status}", "rekam").out().contains("installed"),
                "package lifecycle skipped: a rekam package is installed on this machine and would be replaced");
        Path dir = Path.of(System.getProperty("installer.work"), "package");
        try (Stream<Path> s = Files.list(dir)) {
            deb = s.filter(p -> p.toString().endsWith(".deb")).findFirst().orElseThrow();
        }
        work = Files.createTempDirectory("rekam-lifecycle");
        List<String> missing = missingDependencies();
        if (!missing.isEmpty()) {
            List<String> cmd = new ArrayList<>(List.of("apt-get", "install", "-y", "-qq", "--no-install-recommends"));
            cmd.addAll(missing);
            Result r = run(Map.of("DEBIAN_FRONTEND", "noninteractive"), cmd.toArray(String[]::new));
            assumeTrue(r.ok(), "package lifecycle skipped: dependencies " + missing + " are not installable here: "
                    + r.out());
        }
    }

    @AfterAll
    static void purge() throws Exception {
        if (installedByUs) {
            run("dpkg", "-P", "rekam");
        }
        if (work != null) {
            try (Stream<Path> s = Files.walk(work)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void installUpgradeRemovePurge() throws Exception {
        // Install.
        installedByUs = true;
        must("dpkg", "-i", deb.toString());
        assertThat(Path.of("/opt/rekam/bin/rekam")).isExecutable();
        assertThat(Path.of("/opt/rekam/bin/rekam-sync")).isExecutable();
        assertThat(Files.isExecutable(Path.of("/usr/bin/rekam"))).isTrue();
        assertThat(Files.readString(Path.of("/usr/bin/rekam"))).contains("exec /opt/rekam/bin/rekam \"$@\"");
        assertThat(Path.of("/opt/rekam/lib/rekam.png")).isRegularFile();
        String desktop = Files.readString(Path.of("/usr/share/applications/rekam.desktop"));
        assertThat(desktop).contains("Exec=/usr/bin/rekam", "Icon=/opt/rekam/lib/rekam.png", "Type=Application");
        assertThat(Path.of("/lib/udev/rules.d/60-rekam-scanner.rules")).isRegularFile();
        assertThat(Path.of("/lib/systemd/system/rekam-sync.service")).isRegularFile();
        assertThat(enabledLinks()).as("rekam-sync.service is installed but not enabled").isEmpty();
        assertThat(must("id", "-nG", "rekam").split(" ")).contains("rekam", "dialout");
        assertThat(must("stat", "-c", "%U:%G %a", DATA)).isEqualTo("root:rekam 2770");
        assertThat(must("stat", "-c", "%U:%G %a", "/var/lib/rekam-sync")).isEqualTo("rekam:rekam 700");
        // The installed station keeps its data in the package's directory (which purge removes),
        // not in the home of whoever started it first.
        assertThat(must("/opt/rekam/bin/rekam", "--self-test")).contains("SELF-TEST PASSED")
                .contains("data directory " + DATA + " (exists, writable)");

        // A station's data at the previous schema, as an older release left it.
        int records = writeOldStore();
        assertThat(schemaVersion()).isEqualTo(OLD_SCHEMA);
        Path defaults = Path.of("/etc/default/rekam-sync");
        Files.writeString(defaults, Files.readString(defaults) + "# edited by the technician\n");

        // Upgrade to a higher version: data kept, store migrated when the new version opens it.
        Path newer = repackWithVersion("0.1.1-1");
        must("dpkg", "-i", newer.toString());
        assertThat(must("dpkg-query", "-W", "-f=${Version}", "rekam")).isEqualTo("0.1.1-1");
        assertThat(Files.readString(defaults)).as("conffile edits survive the upgrade").contains("edited by the technician");
        assertThat(schemaVersion()).isEqualTo(OLD_SCHEMA);
        String status = must("/opt/rekam/bin/rekam-sync", "--data-dir", DATA, "--passphrase-file",
                passphraseFile().toString(), "status");
        assertThat(status).containsPattern("QUEUED\\s+" + records);
        assertThat(schemaVersion()).isEqualTo(Migrations.LATEST);
        assertThat(must("/opt/rekam/bin/rekam", "--self-test")).contains("SELF-TEST PASSED");

        // Remove: program gone, data and conffiles stay.
        must("dpkg", "-r", "rekam");
        assertThat(Path.of("/opt/rekam/bin/rekam")).doesNotExist();
        assertThat(Path.of("/usr/bin/rekam")).doesNotExist();
        assertThat(Path.of("/lib/udev/rules.d/60-rekam-scanner.rules")).doesNotExist();
        assertThat(Path.of("/usr/share/applications/rekam.desktop")).doesNotExist();
        assertThat(Path.of(DATA, StationStore.DB_FILE)).isRegularFile();
        assertThat(defaults).exists();
        assertThat(run("getent", "passwd", "rekam").ok()).isTrue();

        // Purge: data, settings and the service user go.
        must("dpkg", "-P", "rekam");
        installedByUs = false;
        assertThat(Path.of(DATA)).doesNotExist();
        assertThat(defaults).doesNotExist();
        assertThat(run("getent", "passwd", "rekam").ok()).as("user rekam removed").isFalse();
        assertThat(run("getent", "group", "rekam").ok()).as("group rekam removed").isFalse();
        assertThat(run("dpkg-query", "-W", "-f=${Status}", "rekam").out()).doesNotContain("installed");
    }

    /** Approved, queued records in {@value #DATA}, then the schema put back to {@link #OLD_SCHEMA}. */
    private static int writeOldStore() throws Exception {
        int n = 3;
        Path data = Path.of(DATA);
        try (StationStore store = StationStore.initialise(data, PASSPHRASE, "ST-327601-0001")) {
            store.operators().createFirstSupervisor("spv", "sandi-supervisor".toCharArray());
            DemoRecords demo = new DemoRecords(5, "32.76.01.1001", "ST-327601-0001");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ids.add(store.saveEnrollment(demo.next()).packetId());
            }
            store.outbox().approve(ids, "spv");
            store.outbox().enqueue(ids, "spv");
        }
        // Exact inverses of the newer migrations, kept in one place (LegacyStores).
        LegacyStores.downgrade(data, PASSPHRASE, OLD_SCHEMA);
        return n;
    }

    private static int schemaVersion() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + Path.of(DATA, StationStore.DB_FILE));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT max(version) FROM schema_version")) {
            return rs.getInt(1);
        }
    }

    private static Path passphraseFile() throws IOException {
        Path f = work.resolve("passphrase");
        if (!Files.exists(f)) {
            Files.createFile(f, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(f, new String(PASSPHRASE) + "\n");
        }
        return f;
    }

    /** The same package with another version: cheap (fast compression) and byte-for-byte the same program. */
    private static Path repackWithVersion(String version) throws Exception {
        Path tree = work.resolve("repack");
        must("dpkg-deb", "-R", deb.toString(), tree.toString());
        Path control = tree.resolve("DEBIAN/control");
        Files.writeString(control, Files.readString(control).replaceAll("(?m)^Version: .*$", "Version: " + version));
        Path out = work.resolve("rekam_" + version + "_amd64.deb");
        must("dpkg-deb", "--root-owner-group", "-Zgzip", "-z1", "-b", tree.toString(), out.toString());
        return out;
    }

    private static List<String> enabledLinks() throws IOException {
        Path etc = Path.of("/etc/systemd/system");
        if (!Files.isDirectory(etc)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(etc)) {
            return s.filter(p -> p.getFileName().toString().equals("rekam-sync.service")).map(Path::toString).toList();
        }
    }

    static List<String> missingDependencies() throws Exception {
        return missingDependencies(deb);
    }

    /** Packages {@code deb} depends on that are not installed here. */
    static List<String> missingDependencies(Path deb) throws Exception {
        List<String> missing = new ArrayList<>();
        for (String dep : must("dpkg-deb", "-f", deb.toString(), "Depends").split(",")) {
            String name = dep.trim().split("[\\s(|]")[0];
            if (!run("dpkg-query", "-W", "-f=${Status}", name).out().contains("install ok installed")) {
                missing.add(name);
            }
        }
        return missing;
    }

    record Result(int exit, String out) {
        boolean ok() {
            return exit == 0;
        }
    }

    static String must(String... cmd) throws Exception {
        Result r = run(cmd);
        assertThat(r.exit()).as("%s exited %d:%n%s", String.join(" ", cmd), r.exit(), r.out()).isZero();
        return r.out();
    }

    static Result run(String... cmd) throws Exception {
        return run(Map.of(), cmd);
    }

    static Result run(Map<String, String> env, String... cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Arrays.asList(cmd)).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new Result(127, e.getMessage());
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return new Result(p.waitFor(), out);
    }
}
