package id.rekam.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Reads the station configuration and wires the real services behind the app's ports. */
public final class Bootstrap {

    /** Demo station: Kecamatan Pancoran Mas, Kota Depok (32.76.01). */
    static final String DEMO_DISTRICT = "32.76.01";
    static final String DEMO_PASSPHRASE = "demo-rekam-2026";

    private Bootstrap() {
    }

    static AppConfig config(List<String> args) {
        boolean demo = args.contains("--demo") || Boolean.getBoolean("rekam.demo");
        String dataDir = System.getProperty("rekam.dataDir",
                Path.of(System.getProperty("user.home"), demo ? ".rekam-demo" : ".rekam").toString());
        Locale locale = Locale.forLanguageTag(System.getProperty("rekam.lang", "id"));
        AppConfig.ApprovalMode mode = AppConfig.ApprovalMode.valueOf(
                System.getProperty("rekam.approval", AppConfig.ApprovalMode.END_OF_DAY.name()));
        return new AppConfig(System.getProperty("rekam.stationId", demo ? "DEMO-3276010-01" : "UNREGISTERED"),
                System.getProperty("rekam.office", "Kecamatan Pancoran Mas, Kota Depok"),
                System.getProperty("rekam.district", DEMO_DISTRICT),
                Path.of(dataDir), locale, mode, demo, demo ? DEMO_PASSPHRASE : null);
    }

    static StationServices services(AppConfig config) {
        throw new IllegalStateException("station services are not wired yet: waiting for station-core store, "
                + "region catalogue, NIK validator and station-devices to be merged");
    }
}
