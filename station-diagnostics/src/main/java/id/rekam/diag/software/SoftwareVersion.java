package id.rekam.diag.software;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of rekam this station runs, written into the build ({@code version.properties}). */
public final class SoftwareVersion {

    private SoftwareVersion() {
    }

    public static String current() {
        try (InputStream in = SoftwareVersion.class.getResourceAsStream("/id/rekam/diag/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
