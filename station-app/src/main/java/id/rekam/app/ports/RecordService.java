package id.rekam.app.ports;

import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.domain.Nik;
import id.rekam.core.domain.RegistrationId;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Records on this station's encrypted store. */
public interface RecordService {

    /**
     * Commits a record (encrypted, with provenance) and its audit line.
     *
     * @param needsApproval  false when the committing operator is a supervisor approving at once
     * @param overrideReason non-null when a supervisor overrode a possible-duplicate warning;
     *                       it is written to the audit trail
     */
    void commit(EnrollmentRecord record, Operator operator, boolean needsApproval, Operator overrideBy,
                String overrideReason);

    Optional<RecordSummary> findByNik(Nik nik);

    Optional<EnrollmentRecord> load(RegistrationId id);

    /** Search by (part of) NIK or name; empty query lists the latest records. */
    List<RecordSummary> search(String query, int limit);

    List<RecordSummary> waitingApproval();

    void approve(RegistrationId id, Operator supervisor);

    Counters counters(LocalDate today, ZoneId zone);

    /** All stored records' fingerprint templates, for the local 1:N duplicate check. */
    List<StoredTemplates> templates();

    record StoredTemplates(RegistrationId id, String fullName, Map<FingerPosition, byte[]> templates) {
    }
}
