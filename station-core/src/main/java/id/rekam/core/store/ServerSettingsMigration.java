package id.rekam.core.store;

import id.rekam.core.audit.AuditActions;
import id.rekam.core.settings.StationSettingsFile;
import id.rekam.core.trust.ServerAddress;
import id.rekam.core.trust.ServerTrust;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Moves the central server's address and pin out of the group-writable settings file (where
 * stations provisioned before issue 14 kept them) into the store, at the first unlock: from then on
 * only the store is read. An address the policy refuses (plain http to another machine) is not
 * carried over: the station delivers nowhere until a technician provisions it again over https.
 */
final class ServerSettingsMigration {

    private static final Logger LOG = LoggerFactory.getLogger(ServerSettingsMigration.class);

    private ServerSettingsMigration() {
    }

    static void run(StationStore store, Path dataDir) {
        Properties file = StationSettingsFile.read(dataDir);
        String url = file.getProperty(StationSettingsFile.SERVER, "").trim();
        if (url.isEmpty()) {
            return;
        }
        String pin = file.getProperty(StationSettingsFile.SERVER_PIN, "").trim();
        if (store.serverTrust().isEmpty()) {
            try {
                ServerAddress a = ServerAddress.check(url, pin);
                store.pinServer(new ServerTrust(a.base(), a.pin(), null, store.options().clock().instant()), "-");
                store.audit("-", AuditActions.SERVER_SETTINGS_MIGRATED, store.stationId(),
                        Map.of("server", a.base().toString(), "from", StationSettingsFile.FILE));
            } catch (ServerAddress.Refused e) {
                LOG.warn("server address {} in {} is not carried over: {}", url, StationSettingsFile.FILE, e.getMessage());
                store.audit("-", AuditActions.SERVER_SETTINGS_MIGRATED, store.stationId(),
                        Map.of("server", url, "refused", e.problem().name()));
            }
        }
        // The store is what counts now; a stale copy in a writable file would only mislead.
        StationSettingsFile.remove(dataDir, StationSettingsFile.SERVER, StationSettingsFile.SERVER_PIN);
    }
}
