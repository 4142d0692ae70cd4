package id.rekam.app.ports;

import id.rekam.core.domain.RegistrationId;

import java.time.Instant;

/** One line of the records list; the NIK is shown in full only to the logged-in operator. */
public record RecordSummary(RegistrationId id, String nik, String fullName, Instant createdAt, RecordStatus status) {
}
