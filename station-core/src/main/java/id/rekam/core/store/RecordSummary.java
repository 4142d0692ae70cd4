package id.rekam.core.store;

import id.rekam.core.domain.Gender;
import id.rekam.core.domain.Nik;
import id.rekam.core.domain.RegistrationId;
import id.rekam.core.outbox.OutboxState;

import java.time.Instant;
import java.time.LocalDate;

/** A list/search row: enough to recognise a person, without the biometric payload. */
public record RecordSummary(
        RegistrationId id,
        Nik nik,
        String fullName,
        LocalDate birthDate,
        Gender gender,
        String villageCode,
        Instant capturedAt,
        String operatorId,
        OutboxState state,
        boolean payloadPurged) {

    /** Safe to log: no name, NIK masked. */
    @Override
    public String toString() {
        return "RecordSummary[" + id + ", NIK " + nik.masked() + ", " + state + (payloadPurged ? ", purged" : "") + "]";
    }
}
