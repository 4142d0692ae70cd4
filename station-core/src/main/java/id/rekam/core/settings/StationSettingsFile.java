package id.rekam.core.settings;

import id.rekam.core.io.DurableFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The station's settings file, {@code <dataDir>/rekam-station.properties}: {@code rekam.*} keys
 * (station id, office, kecamatan) written when a station is set up, by the provisioning wizard
 * or headless by {@code rekam-sync enroll}, and read by the station. The data directory is the one
 * place an installed station may write; a {@code -D} or launcher setting still wins
 * ({@link #effective}), so a technician can override without editing it. Holds no secret.
 * The central server, its pin and keys are not kept here any more (the file is writable by the
 * operators' group): they live in the store ({@code StationStore.serverTrust}); {@link #SERVER}
 * and {@link #SERVER_PIN} are read only to move an older station's settings there.
 */
public final class StationSettingsFile {

    public static final String FILE = "rekam-station.properties";
    /** Base URL of the central server (before issue 14; moved into the store at the first unlock). */
    public static final String SERVER = "rekam.server";
    /** {@code sha256/<base64>} of the central server's public key; empty for plain http (demo, tests). */
    public static final String SERVER_PIN = "rekam.serverPin";

    private StationSettingsFile() {
    }

    /** The file's settings only (empty before the station was set up). */
    public static Properties read(Path dataDir) {
        Properties p = new Properties();
        Path f = dataDir.resolve(FILE);
        if (Files.isRegularFile(f)) {
            try (InputStream in = Files.newInputStream(f)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
        }
        return p;
    }

    /** The file's settings overlaid by the system properties (launcher files and {@code -D}). */
    public static Properties effective(Path dataDir) {
        Properties p = read(dataDir);
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("rekam.")) {
                p.setProperty(key, System.getProperty(key));
            }
        }
        return p;
    }

    /** Merges {@code values} into the file, replacing it durably (a crash or power cut leaves the old or the new one). */
    public static void write(Path dataDir, Map<String, String> values) {
        Properties p = read(dataDir);
        values.forEach(p::setProperty);
        store(dataDir, p);
    }

    /** Removes {@code keys} from the file (nothing happens when none is there). */
    public static void remove(Path dataDir, String... keys) {
        Properties p = read(dataDir);
        boolean changed = false;
        for (String k : keys) {
            changed |= p.remove(k) != null;
        }
        if (changed) {
            store(dataDir, p);
        }
    }

    private static void store(Path dataDir, Properties p) {
        try {
            DurableFiles.write(dataDir.resolve(FILE),
                    out -> p.store(out, "rekam station settings (written when the station was set up)"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write station settings in " + dataDir, e);
        }
    }
}
