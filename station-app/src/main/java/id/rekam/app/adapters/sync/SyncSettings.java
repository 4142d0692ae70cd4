package id.rekam.app.adapters.sync;

import id.rekam.core.settings.StationSettingsFile;
import id.rekam.sync.SyncConfig;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * Where this station delivers: {@code rekam.server} (base URL of the central server) and
 * {@code rekam.serverPin} ({@code sha256/<base64>} of its public key). Both come from the
 * station settings written at provisioning, or from {@code -D} / the launcher's properties files.
 */
public record SyncSettings(URI server, String pin, Duration pollInterval) {

    public static final String SERVER = StationSettingsFile.SERVER;
    public static final String PIN = StationSettingsFile.SERVER_PIN;
    public static final String POLL = "rekam.sync.pollSeconds";

    /** Empty when no server is configured: the station records offline until provisioned. */
    public static Optional<SyncSettings> from(Properties p) {
        String server = p.getProperty(SERVER, "").trim();
        if (server.isEmpty()) {
            return Optional.empty();
        }
        String pin = p.getProperty(PIN, "").trim();
        Duration poll = Duration.ofSeconds(Long.parseLong(p.getProperty(POLL, "30")));
        return Optional.of(new SyncSettings(URI.create(server.endsWith("/") ? server : server + "/"),
                pin.isEmpty() ? null : pin, poll));
    }

    public SyncConfig config() {
        return SyncConfig.defaults(server).withTlsPin(pin).withPollInterval(pollInterval)
                .withBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5));
    }
}
