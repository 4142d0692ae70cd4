package id.rekam.installer;

import id.rekam.installer.selftest.CheckResult;
import id.rekam.installer.selftest.ConfigCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class LauncherSettingsTest {

    @TempDir
    Path tmp;

    private Properties system(String os) {
        Properties p = new Properties();
        p.setProperty("os.name", os);
        p.setProperty("user.home", tmp.resolve("home").toString());
        return p;
    }

    private Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    /** Settings of a machine where the package's shared data directory does not exist (not installed). */
    private LauncherSettings settings(Map<String, String> env, Properties sys) {
        return new LauncherSettings(env, sys, tmp.resolve("not-installed/var/lib/rekam"));
    }

    /**
     * Installed from the .deb (postinst made /var/lib/rekam, group rekam, 2770): a user who may
     * write there keeps the station's data there, where the sync service reads it and purge
     * removes it, not in one operator's home; a user who may not falls back to the per-user place.
     */
    @Test
    void theInstalledPackagesSharedDirectoryIsTheDataDirectoryWhenWritable() throws IOException {
        Properties sys = system("Linux");
        Path shared = Files.createDirectories(tmp.resolve("var/lib/rekam"));
        assertThat(new LauncherSettings(Map.of(), sys, shared).defaultDataDir()).isEqualTo(shared);
        assertThat(new LauncherSettings(Map.of("REKAM_DATA_DIR", "/srv/rekam"), sys, shared).defaultDataDir())
                .as("an explicit directory still wins").isEqualTo(Path.of("/srv/rekam"));
        assertThat(new LauncherSettings(Map.of(), system("Windows 10"), shared).defaultDataDir()).isNotEqualTo(shared);
        if (!"root".equals(System.getProperty("user.name"))) {
            shared.toFile().setWritable(false, false);
            try {
                assertThat(new LauncherSettings(Map.of(), sys, shared).defaultDataDir())
                        .isEqualTo(tmp.resolve("home/.local/share/rekam"));
            } finally {
                shared.toFile().setWritable(true, false);
            }
        }
    }

    @Test
    void dataDirFollowsXdgOnLinuxAndStaysOutOfTheProgramFiles() {
        Properties sys = system("Linux");
        assertThat(settings(Map.of(), sys).defaultDataDir())
                .isEqualTo(tmp.resolve("home/.local/share/rekam"));
        assertThat(settings(Map.of("XDG_DATA_HOME", tmp.resolve("xdg").toString()), sys).defaultDataDir())
                .isEqualTo(tmp.resolve("xdg/rekam"));
        assertThat(settings(Map.of("REKAM_DATA_DIR", "/var/lib/rekam"), sys).defaultDataDir())
                .isEqualTo(Path.of("/var/lib/rekam"));
    }

    @Test
    void laterFilesOverrideEarlierOnesAndCommandLineOverridesAll() throws IOException {
        Properties sys = system("Linux");
        sys.setProperty("rekam.home", tmp.resolve("app").toString());
        write(tmp.resolve("app/conf/rekam.properties"), "rekam.office=Zip office\nrekam.lang=en\nrekam.approval=PER_RECORD\n");
        Path user = write(tmp.resolve("cfg/rekam/rekam.properties"), "rekam.office=User office\n");
        sys.setProperty("rekam.approval", "END_OF_DAY"); // as if -Drekam.approval=END_OF_DAY
        LauncherSettings s = settings(Map.of("XDG_CONFIG_HOME", tmp.resolve("cfg").toString()), sys);

        s.apply(false);

        assertThat(s.candidateFiles()).contains(user);
        assertThat(sys.getProperty("rekam.office")).isEqualTo("User office");
        assertThat(sys.getProperty("rekam.lang")).isEqualTo("en");
        assertThat(sys.getProperty("rekam.approval")).isEqualTo("END_OF_DAY");
        assertThat(sys.getProperty("rekam.dataDir")).isEqualTo(tmp.resolve("home/.local/share/rekam").toString());
    }

    @Test
    void demoKeepsItsOwnThrowAwayDirectory() throws IOException {
        Properties sys = system("Linux");
        settings(Map.of(), sys).apply(true);
        assertThat(sys.getProperty("rekam.dataDir")).isNull();
    }

    @Test
    void configCheckRejectsTyposAndBadValues() throws IOException {
        Path cfg = write(tmp.resolve("bad.properties"),
                "rekam.distrct=32.76.01\nrekam.approval=WEEKLY\nrekam.field.pendingLimit=banyak\n"
                        + "rekam.field.pendingWarn=100\nrekam.dataDir=" + tmp.resolve("data") + "\n");
        Properties sys = system("Linux");
        sys.setProperty("rekam.config", cfg.toString());

        CheckResult r = new ConfigCheck(settings(Map.of(), sys)).run();

        assertThat(r.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(r.details()).noneMatch(d -> d.contains("unknown setting 'rekam.field.pendingWarn'"));
        assertThat(r.details()).anyMatch(d -> d.contains("rekam.field.pendingLimit must be a whole number"));
        assertThat(r.details()).anyMatch(d -> d.contains("unknown setting 'rekam.distrct'"))
                .anyMatch(d -> d.contains("PER_RECORD or END_OF_DAY"));
    }

    @Test
    void configCheckPassesAShippedTemplate() throws IOException {
        Path cfg = write(tmp.resolve("ok.properties"), "rekam.district=32.76.01\nrekam.lang=id\nrekam.dataDir="
                + tmp.resolve("data") + "\n");
        Properties sys = system("Linux");
        sys.setProperty("rekam.config", cfg.toString());

        CheckResult r = new ConfigCheck(settings(Map.of(), sys)).run();

        assertThat(r.status()).as("%s", r.details()).isEqualTo(CheckResult.Status.PASS);
        assertThat(r.details()).anyMatch(d -> d.contains("will be created"));
    }
}
