package id.rekam.app.adapters.provisioning;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;

/**
 * The settings the provisioning wizard writes: {@code <dataDir>/rekam-station.properties}, with
 * the same {@code rekam.*} keys the launcher copies into system properties (station id, office,
 * kecamatan, server, pin). The data directory is the one place an installed station may write;
 * a {@code -D} or launcher setting still wins, so a technician can override without editing it.
 */
public final class StationSettings {

    public static final String FILE = "rekam-station.properties";
    public static final String STATION_ID = "rekam.stationId";
    public static final String OFFICE = "rekam.office";
    public static final String DISTRICT = "rekam.district";

    private StationSettings() {
    }

    /** The file's settings only (empty before provisioning). */
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

    /** Merges {@code values} into the file, replacing it atomically (a crash leaves the old or the new one). */
    public static void write(Path dataDir, Map<String, String> values) {
        Properties p = read(dataDir);
        values.forEach(p::setProperty);
        try {
            Files.createDirectories(dataDir);
            Path tmp = dataDir.resolve(FILE + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "rekam station settings (written by the provisioning wizard)");
            }
            Files.move(tmp, dataDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write station settings in " + dataDir, e);
        }
    }
}
