package id.rekam.core.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The station's security state was changed without the passphrase (a row added, edited, deleted
 * or rolled back; the audit trail cut). The store refuses to work on it: the message names every
 * finding (table, row, what changed) and the newest backup, for the supervisor and a technician.
 */
public class TamperedStoreException extends StoreException {

    /** Findings listed in the message; the rest are counted ({@link #findings()} has them all). */
    static final int LISTED = 12;

    private final transient List<StateFinding> findings;
    private final transient Path database;
    private final transient Path lastBackup;

    public TamperedStoreException(Path database, Optional<Path> lastBackup, List<StateFinding> findings) {
        super("store.tampered", database.toString(), findings.size(), list(findings, Locale.ROOT),
                lastBackup.map(Path::toString).orElse("-"));
        this.findings = List.copyOf(findings);
        this.database = database;
        this.lastBackup = lastBackup.orElse(null);
    }

    public List<StateFinding> findings() {
        return findings;
    }

    public Path database() {
        return database;
    }

    public Optional<Path> lastBackup() {
        return Optional.ofNullable(lastBackup);
    }

    @Override
    public String localizedMessage(Locale locale) {
        return format(locale, messageKey(), database.toString(), findings.size(), list(findings, locale),
                lastBackup == null ? "-" : lastBackup.toString());
    }

    private static String list(List<StateFinding> findings, Locale locale) {
        String shown = findings.stream().limit(LISTED).map(f -> f.message(locale)).collect(Collectors.joining("; "));
        return findings.size() > LISTED ? shown + "; (+" + (findings.size() - LISTED) + ")" : shown;
    }
}
