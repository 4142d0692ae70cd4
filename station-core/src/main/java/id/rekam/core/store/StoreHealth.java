package id.rekam.core.store;

import id.rekam.core.audit.AuditVerification;

/** Result of {@code verify}: SQLite's integrity check and the audit chain. */
public record StoreHealth(String integrity, AuditVerification audit) {

    public boolean ok() {
        return "ok".equals(integrity) && audit.ok();
    }
}
