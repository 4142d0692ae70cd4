package id.rekam.core.nik;

import id.rekam.core.domain.Gender;
import id.rekam.core.region.RegionCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class NikValidatorTest {

    private static final Locale ID = Locale.forLanguageTag("id");
    private final NikValidator validator = new NikValidator(RegionCatalog.bundled());

    @ParameterizedTest
    @CsvSource({
            "3276014105900001, Pancoran Mas",   // Kota Depok, woman born 1 May ..90
            "3310010203850123, Prambanan",      // Kabupaten Klaten
            "3603031512019999, Tigaraksa",      // Kabupaten Tangerang
            "5371027107000042, Maulafa",        // Kota Kupang, woman born 31 Jul ..00
            "3276 0141 0590 0001, Pancoran Mas" // as pasted with spaces
    })
    void realLookingNiksAreValid(String nik, String district) {
        NikCheck check = validator.validate(nik);
        assertThat(check.issues()).isEmpty();
        assertThat(check.district()).hasValueSatisfying(r -> assertThat(r.name()).isEqualTo(district));
        assertThat(check.nik()).isPresent();
    }

    @Test
    void aKecamatanCodeOnlyInAnArchivedListIsAccepted() {
        // 91.01.01 Merauke (Papua) was renumbered 93.01.01 when Papua Selatan was formed in 2022;
        // people first registered there keep 910101 in their NIK for life.
        NikCheck check = validator.validate("9101011708750003");
        assertThat(check.issues()).isEmpty();
        assertThat(check.district()).hasValueSatisfying(r -> {
            assertThat(r.current()).isFalse();
            assertThat(r.lastList()).isEqualTo("2022");
        });
        assertThat(validator.validate("9301011708750003").issues()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "3276010105900000, SERIAL_ZERO, SERIAL",
            "3276013202900001, DAY_OUT_OF_RANGE, DAY",        // 32 Feb
            "3276017202900001, DAY_OUT_OF_RANGE, DAY",        // day 72
            "3276010002900001, DAY_OUT_OF_RANGE, DAY",        // day 00
            "3276013502900001, DAY_OUT_OF_RANGE, DAY",        // 35: neither a man's nor a woman's day
            "3276013102900001, DATE_NOT_IN_CALENDAR, DAY",    // 31 Feb
            "3276017002900001, DATE_NOT_IN_CALENDAR, DAY",    // woman, 30 Feb
            "3276013104900001, DATE_NOT_IN_CALENDAR, DAY",    // 31 Apr
            "3276012902230001, DATE_NOT_IN_CALENDAR, DAY",    // 29 Feb 1923/2023
            "3276010113900001, MONTH_OUT_OF_RANGE, MONTH",
            "3276010100900001, MONTH_OUT_OF_RANGE, MONTH",
            "9976010105900001, PROVINCE_UNKNOWN, PROVINCE",
            "3299010105900001, REGENCY_UNKNOWN, REGENCY",
            "3276990105900001, DISTRICT_UNKNOWN, DISTRICT",
            "327601010590001, WRONG_LENGTH, LENGTH",
            "32760101059000011, WRONG_LENGTH, LENGTH",
            "32760101059O0001, NOT_DIGITS, CHARACTERS",
    })
    void handPickedErrors(String nik, NikIssueCode code, NikGroup group) {
        NikCheck check = validator.validate(nik);
        assertThat(check.isValid()).isFalse();
        assertThat(check.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.group()).isEqualTo(group);
        });
    }

    @Test
    void leapDaysDependOnTheYear() {
        assertThat(validator.validate("3276012902240001").issues()).isEmpty();
        // ..00 may be 2000, a leap year, so the number alone is fine.
        assertThat(validator.validate("3276016902000001").issues()).isEmpty();
    }

    @Test
    void emptyAndNullAreErrors() {
        assertThat(validator.validate(null).errors()).extracting(NikIssue::code).containsExactly(NikIssueCode.EMPTY);
        assertThat(validator.validate("  ").errors()).extracting(NikIssue::code).containsExactly(NikIssueCode.EMPTY);
    }

    @Test
    void badShapeReportsLengthAndCharactersTogether() {
        NikCheck check = validator.validate("32-76-01");
        assertThat(check.errors()).extracting(NikIssue::code)
                .containsExactly(NikIssueCode.WRONG_LENGTH, NikIssueCode.NOT_DIGITS);
        assertThat(check.errors().get(1).message(ID)).contains("karakter ke-3, 6 bukan angka");
    }

    @Test
    void severalGroupsWrongAreAllReported() {
        NikCheck check = validator.validate("3276997213900000");
        assertThat(check.errors()).extracting(NikIssue::group)
                .containsExactly(NikGroup.DISTRICT, NikGroup.DAY, NikGroup.MONTH, NikGroup.SERIAL);
    }

    @Test
    void aBirthDateOrSexDifferentFromTheFormIsAWarning() {
        String nik = "3276014105900001"; // woman, 01-05-..90
        NikCheck same = validator.validate(nik, LocalDate.of(1990, 5, 1), Gender.PEREMPUAN);
        assertThat(same.issues()).isEmpty();
        assertThat(same.birthDate()).hasValue(LocalDate.of(1990, 5, 1));

        NikCheck otherDay = validator.validate(nik, LocalDate.of(1990, 5, 2), Gender.PEREMPUAN);
        assertThat(otherDay.isValid()).isTrue();
        assertThat(otherDay.needsConfirmation()).isTrue();
        assertThat(otherDay.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo(NikIssueCode.BIRTH_DAY_DIFFERS);
            assertThat(w.message(ID)).isEqualTo("Digit 7–8 (tanggal lahir) menunjukkan tanggal 01, tetapi tanggal "
                    + "lahir di formulir 02. Periksa dokumen, lalu konfirmasi.");
        });

        NikCheck man = validator.validate(nik, LocalDate.of(1990, 5, 1), Gender.LAKI_LAKI);
        assertThat(man.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo(NikIssueCode.GENDER_DIFFERS);
            assertThat(w.group()).isEqualTo(NikGroup.DAY);
            assertThat(w.message(ID)).contains("perempuan").contains("laki-laki");
            assertThat(w.message(Locale.ENGLISH)).contains("female").contains("male");
        });

        NikCheck otherYear = validator.validate(nik, LocalDate.of(1991, 5, 1), null);
        assertThat(otherYear.warnings()).extracting(NikIssue::code).containsExactly(NikIssueCode.BIRTH_YEAR_DIFFERS);
    }

    @Test
    void theCenturyIsReadAgainstTheFormsBirthDate() {
        String nik = "3276010101250001"; // man, 01-01-..25
        assertThat(validator.validate(nik, LocalDate.of(1925, 1, 1), Gender.LAKI_LAKI).birthDate())
                .hasValue(LocalDate.of(1925, 1, 1));
        assertThat(validator.validate(nik, LocalDate.of(2025, 1, 1), Gender.LAKI_LAKI).birthDate())
                .hasValue(LocalDate.of(2025, 1, 1));
        // A form saying 2001 next to a NIK saying ..99 reads 1999 and warns about the year only.
        NikCheck check = validator.validate("3276010101990001", LocalDate.of(2001, 1, 1), Gender.LAKI_LAKI);
        assertThat(check.birthDate()).hasValue(LocalDate.of(1999, 1, 1));
        assertThat(check.warnings()).extracting(NikIssue::code).containsExactly(NikIssueCode.BIRTH_YEAR_DIFFERS);
    }

    @Test
    void noWarningsWhenTheNumberHasErrorsInTheDate() {
        NikCheck check = validator.validate("3276017202900001", LocalDate.of(1990, 2, 1), Gender.LAKI_LAKI);
        assertThat(check.warnings()).isEmpty();
        assertThat(check.errors()).extracting(NikIssue::code).containsExactly(NikIssueCode.DAY_OUT_OF_RANGE);
    }

    @Test
    void toStringNeverShowsTheWholeNumber() {
        NikCheck check = validator.validate("3276014105900001", LocalDate.of(1990, 5, 2), Gender.PEREMPUAN);
        assertThat(check.toString()).doesNotContain("3276014105900001").doesNotContain("410590");
        assertThat(validator.validate("3276014105900000").toString()).doesNotContain("327601410590");
    }
}
