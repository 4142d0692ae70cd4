package id.rekam.core.store;

import id.rekam.core.audit.AuditVerification;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Result of {@code verify}: SQLite's integrity check, the audit chain, and what the state seal
 * and the server's audit anchors found (empty when nothing was changed without the passphrase).
 */
public record StoreHealth(String integrity, AuditVerification audit, List<StateFinding> state) {

    public StoreHealth {
        state = List.copyOf(state);
    }

    public boolean ok() {
        return "ok".equals(integrity) && audit.ok() && state.isEmpty();
    }

    /** The state findings, one per line, in the reader's language; "-" when there are none. */
    public String stateReport(Locale locale) {
        return state.isEmpty() ? "-" : state.stream().map(f -> f.message(locale)).collect(Collectors.joining("\n"));
    }
}
