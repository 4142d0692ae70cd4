package id.rekam.app.adapters.sync;

import id.rekam.core.store.DeliveryStore;
import id.rekam.core.store.StationStore;
import id.rekam.core.trust.ServerTrust;
import id.rekam.sync.SyncConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * Where this station delivers: the central server pinned in its store at provisioning (address,
 * TLS pin, keys) — not the settings file, which the operators' group can write. Only how often to
 * poll ({@code rekam.sync.pollSeconds}) still comes from the settings or {@code -D}.
 */
public final class SyncSettings {

    public static final String POLL = "rekam.sync.pollSeconds";

    private SyncSettings() {
    }

    /** Empty until the station is provisioned: it records offline until then. */
    public static Optional<SyncConfig> config(StationStore store, Properties p) {
        return store.serverTrust().map(t -> config(t, p));
    }

    static SyncConfig config(ServerTrust trust, Properties p) {
        Duration poll = Duration.ofSeconds(Long.parseLong(p.getProperty(POLL, "30")));
        return SyncConfig.of(trust).withPollInterval(poll).withBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5));
    }

    /**
     * Whether a server is pinned, read before the store is unlocked (the column needs no key); a
     * station provisioned before issue 14 still has it in its settings file until its next unlock.
     */
    public static boolean provisioned(Path dataDir, Properties settings) {
        if (!settings.getProperty(id.rekam.core.settings.StationSettingsFile.SERVER, "").isBlank()) {
            return true;
        }
        if (!Files.isRegularFile(dataDir.resolve(StationStore.DB_FILE))) {
            return false;
        }
        return pinned(dataDir).isPresent();
    }

    /** The server pinned in the store, read without unlocking it (the column needs no key); empty when none. */
    public static Optional<ServerTrust> pinned(Path dataDir) {
        if (!Files.isRegularFile(dataDir.resolve(StationStore.DB_FILE))) {
            return Optional.empty();
        }
        try (DeliveryStore store = DeliveryStore.open(dataDir)) {
            return store.serverTrust();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
