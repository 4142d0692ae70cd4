package id.rekam.core.domain;

import java.time.LocalDate;
import java.util.Objects;

/** The biodata printed on a KTP-el (Permendagri 74/2015). */
public record Demographics(
        Nik nik,
        String fullName,
        String birthPlace,
        LocalDate birthDate,
        Gender gender,
        BloodType bloodType,
        Address address,
        Religion religion,
        MaritalStatus maritalStatus,
        String occupation,
        Citizenship citizenship) {

    public Demographics {
        Objects.requireNonNull(nik, "nik");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(birthPlace, "birthPlace");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(bloodType, "bloodType");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(religion, "religion");
        Objects.requireNonNull(maritalStatus, "maritalStatus");
        Objects.requireNonNull(occupation, "occupation");
        Objects.requireNonNull(citizenship, "citizenship");
    }
}
