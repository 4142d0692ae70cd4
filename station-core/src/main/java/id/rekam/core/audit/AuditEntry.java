package id.rekam.core.audit;

import java.time.Instant;

/** One line of the audit trail. {@code details} is JSON and never holds personal data. */
public record AuditEntry(long seq, Instant at, String actor, String action, String subject, String details) {
}
