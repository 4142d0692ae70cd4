package id.rekam.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * How this station is set up: which office it is, where its data lives, and how records are
 * approved. {@code districtCode} (kecamatan, {@code PP.KK.CC}) limits the address pickers by default.
 */
public record AppConfig(
        String stationId,
        String officeName,
        String districtCode,
        Path dataDir,
        Locale locale,
        ApprovalMode approvalMode,
        boolean demo,
        String demoPassphrase) {

    /** Per record: a supervisor approves right at commit. End of day: a supervisor approves the day's batch. */
    public enum ApprovalMode { PER_RECORD, END_OF_DAY }

    public AppConfig {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(officeName, "officeName");
        Objects.requireNonNull(districtCode, "districtCode");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(approvalMode, "approvalMode");
        if (!demo && demoPassphrase != null) {
            throw new IllegalArgumentException("a passphrase is shown only in demo mode");
        }
    }
}
