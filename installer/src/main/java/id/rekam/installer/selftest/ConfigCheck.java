package id.rekam.installer.selftest;

import id.rekam.installer.LauncherSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates the installed settings the way the station will read them: a typo in a key is
 * silently ignored by a properties file, so unknown keys are reported; values are checked
 * against what the station accepts; the data directory must be writable or creatable.
 */
public final class ConfigCheck extends SelfTestCheck {

    static final Set<String> KNOWN = Set.of("rekam.dataDir", "rekam.stationId", "rekam.office", "rekam.district",
            "rekam.lang", "rekam.approval", "rekam.demo");
    private static final Pattern DISTRICT = Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{2}");

    private final LauncherSettings settings;

    public ConfigCheck(LauncherSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "config";
    }

    @Override
    public CheckResult run() {
        List<String> failures = new ArrayList<>();
        List<String> passes = new ArrayList<>();
        Properties p;
        try {
            p = settings.load();
        } catch (IOException | IllegalArgumentException e) {
            return CheckResult.fail("settings unreadable: " + CheckResult.describe(e));
        }
        List<Path> present = settings.candidateFiles().stream().filter(Files::isRegularFile).toList();
        passes.add(present.isEmpty() ? "no settings file (defaults apply); looked in " + settings.candidateFiles()
                : "settings from " + present);
        for (String key : p.stringPropertyNames()) {
            if (!KNOWN.contains(key) && !key.startsWith(id.rekam.core.field.FieldLimits.PREFIX)) {
                failures.add("unknown setting '" + key + "' (known: " + String.join(", ", KNOWN.stream().sorted().toList()) + ")");
            }
        }
        try {
            // The offline guardrails' limits (rekam.field.*): read as the store reads them.
            id.rekam.core.field.FieldLimits.from(p);
        } catch (IllegalArgumentException e) {
            failures.add(e.getMessage());
        }
        String district = p.getProperty("rekam.district");
        if (district != null && !DISTRICT.matcher(district.trim()).matches()) {
            failures.add("rekam.district must be a kecamatan code PP.KK.CC, not '" + district + "'");
        }
        String approval = p.getProperty("rekam.approval");
        if (approval != null && !Set.of("PER_RECORD", "END_OF_DAY").contains(approval.trim())) {
            failures.add("rekam.approval must be PER_RECORD or END_OF_DAY, not '" + approval + "'");
        }
        String lang = p.getProperty("rekam.lang");
        if (lang != null && !Set.of("id", "en").contains(lang.trim())) {
            failures.add("rekam.lang must be id or en, not '" + lang + "'");
        }
        Path dataDir = p.getProperty("rekam.dataDir") != null ? Path.of(p.getProperty("rekam.dataDir").trim())
                : settings.defaultDataDir();
        Path existing = dataDir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isWritable(existing)) {
            failures.add("data directory " + dataDir + " is not writable by this user"
                    + " (shared stations: add the user to group rekam)");
        } else {
            passes.add("data directory " + dataDir + (Files.exists(dataDir) ? " (exists, writable)" : " (will be created)"));
        }
        return CheckResult.of(failures, passes);
    }
}
