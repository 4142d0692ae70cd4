package id.rekam.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * How this station is set up: which office it is, where its data lives, and how records are
 * approved. {@code districtCode} (kecamatan, {@code PP.KK.CC}) limits the address pickers by default.
 * In demo mode the passphrase and the accounts the demo seeded are shown on screen.
 */
public record AppConfig(
        String stationId,
        String officeName,
        String districtCode,
        Path dataDir,
        Locale locale,
        ApprovalMode approvalMode,
        boolean demo,
        String demoPassphrase,
        DemoLogins demoLogins) {

    /** The station id of a station no technician has set up yet (no settings file). */
    public static final String UNREGISTERED = "UNREGISTERED";

    /** Whether a technician has set this station up (its settings name a station id). */
    public boolean registered() {
        return !UNREGISTERED.equals(stationId);
    }

    /** Per record: a supervisor approves right at commit. End of day: a supervisor approves the day's batch. */
    public enum ApprovalMode { PER_RECORD, END_OF_DAY }

    /** The accounts a demo station is seeded with, shown on its login screen. */
    public record DemoLogins(String supervisor, String supervisorPassword, String operator, String operatorPassword) {

        public DemoLogins {
            Objects.requireNonNull(supervisor, "supervisor");
            Objects.requireNonNull(supervisorPassword, "supervisorPassword");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(operatorPassword, "operatorPassword");
        }
    }

    public AppConfig {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(officeName, "officeName");
        Objects.requireNonNull(districtCode, "districtCode");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(approvalMode, "approvalMode");
        if (!demo && (demoPassphrase != null || demoLogins != null)) {
            throw new IllegalArgumentException("a passphrase and accounts are shown only in demo mode");
        }
    }

    /** A station whose login screen shows no accounts. */
    public AppConfig(String stationId, String officeName, String districtCode, Path dataDir, Locale locale,
                     ApprovalMode approvalMode, boolean demo, String demoPassphrase) {
        this(stationId, officeName, districtCode, dataDir, locale, approvalMode, demo, demoPassphrase, null);
    }
}
