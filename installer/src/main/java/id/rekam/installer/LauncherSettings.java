package id.rekam.installer;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Where an installed station finds its settings and its data. The station reads
 * {@code rekam.*} system properties; an installed program cannot ask the technician to type
 * {@code -D} options, so the launcher reads them from properties files, most general first:
 * <ol>
 *   <li>{@code <app home>/conf/rekam.properties} (binary zip only)</li>
 *   <li>{@code /etc/rekam/rekam.properties} (Linux, machine-wide; %PROGRAMDATA%\rekam on Windows)</li>
 *   <li>{@code $XDG_CONFIG_HOME/rekam/rekam.properties} (per user)</li>
 *   <li>the file named by {@code $REKAM_CONFIG} or {@code -Drekam.config}</li>
 * </ol>
 * A later file overrides an earlier one; a {@code -D} on the command line overrides them all.
 * Program files stay read-only: the data directory is outside the installation (see
 * {@link #defaultDataDir}).
 */
public final class LauncherSettings {

    public static final String DATA_DIR = "rekam.dataDir";
    public static final String FILE_NAME = "rekam.properties";

    /** The installed package's shared data directory (Debian: made by postinst, removed by purge). */
    public static final Path SYSTEM_DATA_DIR = Path.of("/var/lib/rekam");

    private final Map<String, String> env;
    private final Properties system;
    private final String osName;
    private final Path systemDataDir;

    LauncherSettings(Map<String, String> env, Properties system) {
        this(env, system, SYSTEM_DATA_DIR);
    }

    LauncherSettings(Map<String, String> env, Properties system, Path systemDataDir) {
        this.env = env;
        this.system = system;
        this.osName = system.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        this.systemDataDir = systemDataDir;
    }

    public static LauncherSettings current() {
        return new LauncherSettings(System.getenv(), System.getProperties());
    }

    /** Config files to read, in order; missing ones are skipped. */
    public List<Path> candidateFiles() {
        List<Path> files = new ArrayList<>();
        String home = system.getProperty("rekam.home");
        if (home != null) {
            files.add(Path.of(home, "conf", FILE_NAME));
        }
        if (isWindows()) {
            String programData = env.getOrDefault("PROGRAMDATA", "C:\\ProgramData");
            files.add(Path.of(programData, "rekam", FILE_NAME));
        } else {
            files.add(Path.of("/etc/rekam", FILE_NAME));
        }
        files.add(userConfigDir().resolve(FILE_NAME));
        String explicit = system.getProperty("rekam.config", env.get("REKAM_CONFIG"));
        if (explicit != null && !explicit.isBlank()) {
            files.add(Path.of(explicit));
        }
        return files;
    }

    /** The merged settings from every existing candidate file. */
    public Properties load() throws IOException {
        Properties merged = new Properties();
        for (Path f : candidateFiles()) {
            if (Files.isRegularFile(f)) {
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
                merged.putAll(p);
            }
        }
        return merged;
    }

    /**
     * Copies the {@code rekam.*} settings into the system properties the station reads,
     * without overriding a {@code -D} given on the command line, and fixes the data directory
     * when none is configured. Demo mode keeps its own throw-away directory.
     */
    public void apply(boolean demo) throws IOException {
        Properties loaded = load();
        for (String key : loaded.stringPropertyNames()) {
            if (key.startsWith("rekam.") && system.getProperty(key) == null) {
                system.setProperty(key, loaded.getProperty(key).trim());
            }
        }
        if (!demo && system.getProperty(DATA_DIR) == null) {
            system.setProperty(DATA_DIR, defaultDataDir().toString());
        }
    }

    /**
     * {@code $REKAM_DATA_DIR}; else, on Linux where the package is installed, its shared
     * {@code /var/lib/rekam} when this user may write there (root, or a member of group
     * {@code rekam}): that is where the sync service and {@code apt purge} look, and a station
     * that kept its records in one operator's home left them behind at purge and out of the
     * service's reach. Otherwise the platform's per-user data directory: Linux
     * {@code $XDG_DATA_HOME/rekam} (default {@code ~/.local/share/rekam}), Windows
     * {@code %LOCALAPPDATA%\rekam}, macOS {@code ~/Library/Application Support/rekam}.
     */
    public Path defaultDataDir() {
        String explicit = env.get("REKAM_DATA_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        if (!isWindows() && !osName.contains("mac") && Files.isDirectory(systemDataDir)
                && Files.isWritable(systemDataDir)) {
            return systemDataDir;
        }
        Path home = Path.of(system.getProperty("user.home"));
        if (isWindows()) {
            String local = env.get("LOCALAPPDATA");
            return (local != null ? Path.of(local) : home.resolve("AppData").resolve("Local")).resolve("rekam");
        }
        if (osName.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("rekam");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share")).resolve("rekam");
    }

    private Path userConfigDir() {
        Path home = Path.of(system.getProperty("user.home"));
        if (isWindows()) {
            String appData = env.get("APPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData").resolve("Roaming")).resolve("rekam");
        }
        if (osName.contains("mac")) {
            return home.resolve("Library").resolve("Preferences").resolve("rekam");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config")).resolve("rekam");
    }

    private boolean isWindows() {
        return osName.startsWith("windows");
    }
}
