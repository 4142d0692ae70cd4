package id.rekam.core.store;

import id.rekam.core.audit.AuditActions;
import id.rekam.core.settings.StationSettingsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A station provisioned before issue 14 kept its server and pin in the group-writable settings
 * file; its first unlock moves them into the store and removes them from the file. An address the
 * one rule refuses (plain http to another machine) is not carried over.
 */
class ServerSettingsMigrationTest {

    private static final String PIN = "sha256/" + "B".repeat(43) + "=";

    @TempDir
    Path dir;

    @Test
    void theServerAndPinMoveFromTheSettingsFileIntoTheStore() {
        TestStores.create(dir, TestStores.fastOptions()).close();
        StationSettingsFile.write(dir, Map.of(StationSettingsFile.SERVER, "https://pusat.example.go.id",
                StationSettingsFile.SERVER_PIN, PIN, "rekam.district", "32.76.01"));
        try (StationStore store = StationStore.open(dir, TestStores.PASSPHRASE, TestStores.fastOptions())) {
            assertThat(store.serverTrust()).hasValueSatisfying(t -> {
                assertThat(t.server()).isEqualTo(URI.create("https://pusat.example.go.id/"));
                assertThat(t.tlsPin()).isEqualTo(PIN);
                assertThat(t.keys()).as("learned later over the pinned channel").isNull();
            });
            assertThat(store.auditTrail(0, 1_000)).extracting(e -> e.action())
                    .contains(AuditActions.SERVER_SETTINGS_MIGRATED, AuditActions.SERVER_PINNED);
        }
        assertThat(StationSettingsFile.read(dir).getProperty(StationSettingsFile.SERVER)).isNull();
        assertThat(StationSettingsFile.read(dir).getProperty(StationSettingsFile.SERVER_PIN)).isNull();
        assertThat(StationSettingsFile.read(dir).getProperty("rekam.district")).isEqualTo("32.76.01");
    }

    @Test
    void plainHttpToAnotherMachineIsNotCarriedOver() {
        TestStores.create(dir, TestStores.fastOptions()).close();
        StationSettingsFile.write(dir, Map.of(StationSettingsFile.SERVER, "http://10.0.0.5:8080/"));
        try (StationStore store = StationStore.open(dir, TestStores.PASSPHRASE, TestStores.fastOptions())) {
            assertThat(store.serverTrust()).isEmpty();
            assertThat(store.auditTrail(0, 1_000)).filteredOn(e -> e.action().equals(AuditActions.SERVER_SETTINGS_MIGRATED))
                    .singleElement().satisfies(e -> assertThat(e.details()).contains("HTTP_OUTSIDE_LOOPBACK"));
        }
        assertThat(StationSettingsFile.read(dir).getProperty(StationSettingsFile.SERVER)).isNull();
    }
}
