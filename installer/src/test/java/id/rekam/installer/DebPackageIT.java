package id.rekam.installer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Inspects the .deb the installer profile built, with dpkg-deb: what a technician installs
 * must depend on the camera library, keep data outside the program and own its udev rule
 * and (disabled) sync service.
 */
class DebPackageIT {

    private static Path deb;

    @BeforeAll
    static void findDeb() throws IOException {
        assumeTrue("linux".equals(System.getProperty("installer.package")), "a .deb is built on Linux only");
        Path dir = Path.of(System.getProperty("installer.work"), "package");
        try (Stream<Path> s = Files.list(dir)) {
            deb = s.filter(p -> p.toString().endsWith(".deb")).findFirst().orElseThrow();
        }
    }

    @Test
    void controlFieldsNameTheDevicesLibrariesAndDataPolicy() throws Exception {
        assertThat(dpkgDeb("-f", deb.toString(), "Package")).isEqualTo("rekam");
        assertThat(dpkgDeb("-f", deb.toString(), "Architecture")).isEqualTo("amd64");
        assertThat(dpkgDeb("-f", deb.toString(), "Version")).matches("\\d+\\.\\d+\\.\\d+-1");
        String depends = dpkgDeb("-f", deb.toString(), "Depends");
        assertThat(depends.split(",\\s*")).contains("libv4l-0", "libgtk-3-0", "adduser").doesNotContain("xdg-utils");
        assertThat(dpkgDeb("-f", deb.toString(), "Description")).contains("/var/lib/rekam");
    }

    @Test
    void carriesRuntimeJavaFxUdevRuleAndSyncUnit() throws Exception {
        List<String> contents = dpkgDeb("-c", deb.toString()).lines().toList();

        assertThat(contents).anyMatch(l -> l.endsWith("./opt/rekam/bin/rekam"))
                .anyMatch(l -> l.endsWith("./opt/rekam/lib/runtime/release"))
                .anyMatch(l -> l.matches(".*\\./opt/rekam/lib/app/javafx-graphics-[\\d.]+-linux\\.jar"))
                .anyMatch(l -> l.matches(".*\\./opt/rekam/lib/app/sqlite-jdbc-.*\\.jar"))
                .anyMatch(l -> l.startsWith("-rw-r--r-- root/root") && l.endsWith("./usr/share/applications/rekam.desktop"))
                .anyMatch(l -> l.startsWith("-rw-r--r-- root/root") && l.endsWith("./lib/udev/rules.d/60-rekam-scanner.rules"))
                .anyMatch(l -> l.startsWith("-rw-r--r-- root/root") && l.endsWith("./lib/systemd/system/rekam-sync.service"))
                .anyMatch(l -> l.startsWith("-rwxr-xr-x root/root") && l.endsWith("./usr/bin/rekam"))
                .anyMatch(l -> l.contains("./usr/bin/rekam-sync -> /opt/rekam/bin/rekam-sync"));
        assertThat(contents).as("the headless CLI has no menu entry").noneMatch(l -> l.contains("rekam-sync.desktop"));
        // Data is never part of the package: an upgrade or removal cannot overwrite it.
        assertThat(contents).noneMatch(l -> l.contains("./var/lib/rekam"));
    }

    @Test
    void carriesNoDemoServerOrFaultInjectionJars() throws Exception {
        List<String> jars = dpkgDeb("-c", deb.toString()).lines()
                .filter(l -> l.contains("./opt/rekam/lib/app/") && l.endsWith(".jar"))
                .map(l -> l.substring(l.lastIndexOf('/') + 1)).toList();
        assertThat(jars).anyMatch(j -> j.startsWith("station-app-")).noneMatch(ShippedJars::forbiddenArtifact);
    }

    @Test
    void maintainerScriptsKeepDataUntilPurgeAndLeaveSyncDisabled() throws Exception {
        Path control = Files.createTempDirectory("rekam-deb-control");
        dpkgDeb("-e", deb.toString(), control.toString());

        String postinst = Files.readString(control.resolve("postinst"));
        String postrm = Files.readString(control.resolve("postrm"));
        assertThat(postinst).contains("mkdir -p /var/lib/rekam", "chmod 2770 /var/lib/rekam")
                .doesNotContain("systemctl enable").doesNotContain("DESKTOP_COMMANDS_INSTALL").doesNotContain("xdg-desktop-menu");
        assertThat(postrm).containsPattern("purge\\)\\s+rm -rf /var/lib/rekam");
        assertThat(postrm.substring(postrm.indexOf("remove)"))).doesNotContain("rm -rf");
        assertThat(Files.readString(control.resolve("conffiles")).lines()).containsExactly("/etc/default/rekam-sync");
        assertThat(Files.readString(control.resolve("md5sums"))).contains("lib/udev/rules.d/60-rekam-scanner.rules");
    }

    @Test
    void udevRuleCoversTheUsbSerialBridges() throws Exception {
        Path root = Files.createTempDirectory("rekam-deb-root");
        dpkgDeb("-x", deb.toString(), root.toString());
        String rules = Files.readString(root.resolve("lib/udev/rules.d/60-rekam-scanner.rules"));

        for (String vendor : List.of("1a86", "10c4", "0403", "067b")) {
            assertThat(rules).contains("ATTRS{idVendor}==\"" + vendor + "\"");
        }
        assertThat(rules.lines().filter(l -> l.startsWith("SUBSYSTEM")))
                .allSatisfy(l -> assertThat(l).contains("GROUP=\"dialout\"", "TAG+=\"uaccess\""));
        String unit = Files.readString(root.resolve("lib/systemd/system/rekam-sync.service"));
        assertThat(unit).contains("ExecStart=/opt/rekam/bin/rekam-sync", "User=rekam", "WantedBy=multi-user.target",
                "StateDirectory=rekam-sync", "StateDirectoryMode=0700");
        // Issue 14: no passphrase file anywhere; the service's own key, outside the operators' directory.
        String defaults = Files.readString(root.resolve("etc/default/rekam-sync"));
        assertThat(defaults).doesNotContain("--passphrase-file").doesNotContain("/etc/rekam/passphrase")
                .contains("--key-dir /var/lib/rekam-sync");
    }

    @Test
    void packageStaysWithinTheSizeBudget() throws IOException {
        assertThat(Files.size(deb)).isLessThanOrEqualTo(120L * 1024 * 1024);
    }

    private static String dpkgDeb(String... args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Stream.concat(Stream.of("dpkg-deb"), Stream.of(args)).toList())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor()).as("dpkg-deb %s: %s", String.join(" ", args), out).isZero();
        return out;
    }
}
