package id.rekam.app.adapters.provisioning;

import id.rekam.core.settings.StationSettingsFile;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The settings the provisioning wizard writes: {@code <dataDir>/rekam-station.properties}
 * ({@link StationSettingsFile}, shared with the headless {@code rekam-sync enroll}), with the
 * same {@code rekam.*} keys the launcher copies into system properties (station id, office,
 * kecamatan, server, pin). A {@code -D} or launcher setting still wins.
 */
public final class StationSettings {

    public static final String FILE = StationSettingsFile.FILE;
    public static final String STATION_ID = "rekam.stationId";
    public static final String OFFICE = "rekam.office";
    public static final String DISTRICT = "rekam.district";

    private StationSettings() {
    }

    /** The file's settings only (empty before provisioning). */
    public static Properties read(Path dataDir) {
        return StationSettingsFile.read(dataDir);
    }

    /** The file's settings overlaid by the system properties (launcher files and {@code -D}). */
    public static Properties effective(Path dataDir) {
        return StationSettingsFile.effective(dataDir);
    }

    /** Merges {@code values} into the file, replacing it atomically (a crash leaves the old or the new one). */
    public static void write(Path dataDir, Map<String, String> values) {
        StationSettingsFile.write(dataDir, values);
    }
}
