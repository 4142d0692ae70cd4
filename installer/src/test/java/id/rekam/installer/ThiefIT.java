package id.rekam.installer;

import id.rekam.core.crypto.KeyUnwrapException;
import id.rekam.core.crypto.StationKeys;
import id.rekam.core.crypto.WrappedKey;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.TamperedStoreException;
import id.rekam.fixtures.DemoRecords;
import id.rekam.fixtures.EnrollmentBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static id.rekam.installer.DebLifecycleIT.must;
import static id.rekam.installer.DebLifecycleIT.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A thief's test on the installed package (issue 14, item 7): the {@code .deb} installed with the
 * real dpkg, a station's data written into {@code /var/lib/rekam} by the station's own code, then
 * a member of group {@code rekam} (an operator account, or whoever holds the disk) copies every
 * file of the data directory and of {@code /etc/rekam}, {@code /etc/default/rekam-sync} it can read.
 * In the copies: nothing personal is readable, no key unwraps without the passphrase (and no file
 * holds it), and every edit of the security state is refused when the copy is opened. Needs root
 * and dpkg; skips saying why without them, or when rekam is already installed. Purges afterwards.
 * The same checks without a package, on any machine: station-core's {@code ThiefTest}.
 */
class ThiefIT {

    private static final String DATA = "/var/lib/rekam";
    private static final String THIEF = "rekam-uji-pencuri";
    private static final char[] PASSPHRASE = "kebun teh lembang berkabut pagi".toCharArray();

    private static Path deb;
    private static Path work;
    private static boolean installedByUs;
    private static boolean userByUs;

    @BeforeAll
    static void preconditions() throws Exception {
        assumeTrue("linux".equals(System.getProperty("installer.package")),
                "thief's test: a .deb is built on Linux only (installer.package=" + System.getProperty("installer.package") + ")");
        assumeTrue("root".equals(System.getProperty("user.name")),
                "thief's test skipped: installing the package needs root (running as " + System.getProperty("user.name") + ")");
        assumeTrue(run("dpkg", "--version").ok(), "thief's test skipped: dpkg is not installed");
        assumeTrue(!run("dpkg-query", "-W", "-f=${Status}", "rekam").out().contains("installed"),
                "thief's test skipped: a rekam package is installed on this machine and would be replaced");
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("installer.work"), "package"))) {
            deb = s.filter(p -> p.toString().endsWith(".deb")).findFirst().orElseThrow();
        }
        // Traversable by the thief's account, which copies into it with its own rights.
        work = Files.createTempDirectory("rekam-thief",
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x")));
        List<String> missing = DebLifecycleIT.missingDependencies(deb);
        if (!missing.isEmpty()) {
            List<String> cmd = new ArrayList<>(List.of("apt-get", "install", "-y", "-qq", "--no-install-recommends"));
            cmd.addAll(missing);
            assumeTrue(run(Map.of("DEBIAN_FRONTEND", "noninteractive"), cmd.toArray(String[]::new)).ok(),
                    "thief's test skipped: dependencies " + missing + " are not installable here");
        }
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (userByUs) {
            run("userdel", THIEF);
        }
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
    void whatAGroupMemberCopiesGivesNothingAwayAndEveryEditIsRefused() throws Exception {
        installedByUs = true;
        must("dpkg", "-i", deb.toString());
        List<byte[]> needles = useTheStation();
        must("useradd", "--no-create-home", "--no-user-group", "--groups", "rekam", THIEF);
        userByUs = true;

        // Everything the group member can read, copied with their own rights.
        Path loot = work.resolve("loot");
        Files.createDirectories(loot);
        must("chown", THIEF, loot.toString());
        for (String from : List.of(DATA, "/etc/rekam", "/etc/default/rekam-sync")) {
            if (Files.exists(Path.of(from))) {
                // cp exits non-zero for what it may not read; what it could read is what was stolen.
                run("runuser", "-u", THIEF, "--", "cp", "-r", "--parents", from, loot.toString());
            }
        }
        Path stolen = loot.resolve(DATA.substring(1));
        assertThat(stolen.resolve(StationStore.DB_FILE)).as("a group member reads the database").isRegularFile();

        // Nothing personal, no passphrase, in any file.
        needles.add(new String(PASSPHRASE).getBytes(StandardCharsets.UTF_8));
        assertThat(filesContaining(loot, needles)).isEmpty();

        // No key unwraps without the passphrase.
        List<WrappedKey> ring = new ArrayList<>();
        byte[] publicKey;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + stolen.resolve(StationStore.DB_FILE));
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT name, kdf_salt, kdf_iterations, sealed FROM keyring")) {
                while (rs.next()) {
                    ring.add(new WrappedKey(rs.getString(1), rs.getBytes(2), rs.getInt(3), rs.getBytes(4)));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT public_key FROM station")) {
                publicKey = rs.getBytes(1);
            }
        }
        assertThat(ring).filteredOn(k -> k.salt() != null).extracting(WrappedKey::iterations).allMatch(n -> n >= 600_000);
        for (String guess : List.of("rekam", "ST-327601-0001", "kebun teh lembang", "password")) {
            assertThatThrownBy(() -> StationKeys.unlock(guess.toCharArray(), ring, publicKey))
                    .isInstanceOf(KeyUnwrapException.class);
        }

        // Every edit of the security state, made on a copy with SQLite alone, is refused at open.
        Map<String, String> edits = Map.of(
                "add-supervisor", "INSERT INTO operators (username, role, password_salt, password_iter, password_hash, "
                        + "created_at) SELECT 'pencuri', 'SUPERVISOR', password_salt, password_iter, password_hash, "
                        + "created_at FROM operators WHERE username = 'op1'",
                "clear-lockout", "UPDATE operators SET locked_until = NULL, failed_attempts = 0",
                "queue-unapproved", "UPDATE outbox SET state = 'QUEUED' WHERE state = 'CAPTURED'",
                "cut-audit-tail", "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq > 4; "
                        + "UPDATE audit_head SET seq = 4, hash = (SELECT hash FROM audit_log WHERE seq = 4)");
        for (Map.Entry<String, String> e : edits.entrySet()) {
            Path copy = work.resolve("edit-" + e.getKey());
            copyTree(stolen, copy);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy.resolve(StationStore.DB_FILE));
                 Statement s = c.createStatement()) {
                for (String sql : e.getValue().split("; ")) {
                    s.execute(sql);
                }
            }
            assertThatThrownBy(() -> StationStore.open(copy, PASSPHRASE).close()).as(e.getKey())
                    .isInstanceOf(TamperedStoreException.class);
        }
        Path untouched = work.resolve("untouched");
        copyTree(stolen, untouched);
        try (StationStore store = StationStore.open(untouched, PASSPHRASE)) {
            assertThat(store.verify().ok()).isTrue();
        }
    }

    /** A station in use, written by the station's code into the installed data directory; returns what must not leak. */
    private static List<byte[]> useTheStation() throws Exception {
        List<byte[]> needles = new ArrayList<>();
        DemoRecords demo = new DemoRecords(14, "32.76.01.1001", "ST-327601-0001");
        try (StationStore store = StationStore.initialise(Path.of(DATA), PASSPHRASE, "ST-327601-0001")) {
            store.operators().createFirstSupervisor("spv", "sandi-supervisor".toCharArray());
            store.operators().createAccount("spv", "op1", id.rekam.core.auth.Role.OPERATOR,
                    "sandi-operator".toCharArray());
            for (int i = 0; i < 4; i++) {
                EnrollmentRecord r = EnrollmentBuilder.from(demo.next()).operatorId("op1").build();
                needles.add(r.demographics().fullName().getBytes(StandardCharsets.UTF_8));
                needles.add(r.demographics().nik().value().getBytes(StandardCharsets.US_ASCII));
                needles.add(java.util.Arrays.copyOf(r.photo().jpeg(), 64));
                store.saveEnrollment(r);
            }
            for (int i = 0; i < 5; i++) {
                try {
                    store.operators().login("op1", "salah".toCharArray());
                } catch (RuntimeException expected) {
                    // five failures lock op1: a lockout to clear
                }
            }
            store.backupNow();
        }
        return needles;
    }

    private static List<Path> filesContaining(Path dir, List<byte[]> needles) throws Exception {
        List<Path> hits = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String hay = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (byte[] n : needles) {
                    if (hay.contains(new String(n, StandardCharsets.ISO_8859_1))) {
                        hits.add(f);
                        break;
                    }
                }
            }
        }
        return hits;
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
