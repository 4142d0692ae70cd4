package id.rekam.core.store;

import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.Gender;

import java.time.LocalDate;

/** What a record's sealed summary holds: the list and search columns. */
record SummaryDoc(String nik, String fullName, LocalDate birthDate, Gender gender, String villageCode) {

    static SummaryDoc of(EnrollmentRecord r) {
        return new SummaryDoc(r.demographics().nik().value(), r.demographics().fullName(),
                r.demographics().birthDate(), r.demographics().gender(), r.demographics().address().villageCode());
    }
}
