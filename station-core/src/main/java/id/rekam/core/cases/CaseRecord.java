package id.rekam.core.cases;

import id.rekam.core.domain.Address;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.domain.Gender;
import id.rekam.core.domain.Nik;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One record of a case as the station knows it. A record this station holds is read from the
 * store each time (its photo disappears when the biometric payload is purged; its templates stay);
 * a record held elsewhere is what the case brought with it: the server's verdict says little (NIK,
 * possibly masked; station; office), a server assignment carries the citizen's biodata, a photo
 * thumbnail and the templates for the in-person match. Any field may be null when nobody said.
 *
 * @param registrationId the record's registration id (= its packet id)
 * @param nik            in full, or masked ({@code nikMasked})
 * @param photo          JPEG; null when not known here or purged
 * @param templates      SourceAFIS templates by finger; empty when not held here
 */
public record CaseRecord(String registrationId, String stationId, String office, String nik, boolean nikMasked,
                         String fullName, String birthPlace, LocalDate birthDate, Gender gender, Address address,
                         Instant recordedAt, String operator, byte[] photo, Map<FingerPosition, byte[]> templates,
                         Holding holding) {

    /** Where the record lives, which says what the desk can see of it. */
    public enum Holding {
        /** Recorded on this station, payload still here: everything. */
        HELD,
        /** Recorded here, biometric payload purged after confirmation: biodata summary and templates, no photo. */
        PURGED,
        /** Recorded elsewhere: what the case carries. */
        NOT_HELD
    }

    public CaseRecord {
        templates = templates == null ? Map.of() : Map.copyOf(templates);
        holding = holding == null ? Holding.NOT_HELD : holding;
    }

    /** The NIK as a desk may show it: masked. */
    public String nikShown() {
        if (nik == null) {
            return null;
        }
        return !nikMasked && Nik.isWellFormed(nik) ? Nik.of(nik).masked() : nik;
    }

    /** The kelurahan the citizen lives in, when known. */
    public String villageCode() {
        return address == null ? null : address.villageCode();
    }

    CaseRecord withoutBiometrics() {
        return new CaseRecord(registrationId, stationId, office, nik, nikMasked, fullName, birthPlace, birthDate, gender,
                address, recordedAt, operator, null, Map.of(), holding);
    }

    /** Never prints the NIK, the name or the biometrics. */
    @Override
    public String toString() {
        return "CaseRecord[" + registrationId + ", " + stationId + ", " + holding + "]";
    }
}
