package id.rekam.app.enroll;

import id.rekam.app.adapters.regions.ValidatorNikCheck;
import id.rekam.core.nik.NikValidator;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BiodataValidatorTest {

    static final BiodataValidator VALIDATOR = new BiodataValidator(
            new ValidatorNikCheck(NikValidator.withBundledRegions(), Locale.forLanguageTag("id")),
            Clock.fixed(Instant.parse("2026-11-25T03:00:00Z"), ZoneOffset.UTC));

    static Map<Field, String> complete() {
        Map<Field, String> f = new EnumMap<>(Field.class);
        f.put(Field.NIK, "3276011708900001");
        f.put(Field.FULL_NAME, "Budi Santoso");
        f.put(Field.BIRTH_PLACE, "Depok");
        f.put(Field.BIRTH_DATE, "17-08-1990");
        f.put(Field.GENDER, "LAKI_LAKI");
        f.put(Field.BLOOD_TYPE, "O");
        f.put(Field.RELIGION, "KEPERCAYAAN_TERHADAP_TUHAN_YME");
        f.put(Field.MARITAL_STATUS, "KAWIN");
        f.put(Field.OCCUPATION, "PETANI/PEKEBUN");
        f.put(Field.CITIZENSHIP, "WNI");
        f.put(Field.STREET, "Jl. Margonda 1");
        f.put(Field.RT, "3");
        f.put(Field.RW, "5");
        f.put(Field.PROVINCE, "32");
        f.put(Field.REGENCY, "32.76");
        f.put(Field.DISTRICT, "32.76.01");
        f.put(Field.VILLAGE, "32.76.01.1008");
        return f;
    }

    @Test
    void aCompleteFormHasNothingToSay() {
        assertThat(VALIDATOR.validate(complete())).isEmpty();
    }

    @Test
    void everyEmptyFieldIsRequired() {
        Map<Field, Message> m = VALIDATOR.validate(new EnumMap<>(Field.class));
        assertThat(m.keySet()).containsExactlyInAnyOrder(Field.values());
        assertThat(m.values()).allMatch(x -> x.key().equals("error.required") && x.blocking());
    }

    @Test
    void fieldErrorsAreSpecific() {
        Map<Field, String> f = complete();
        f.put(Field.NIK, "32760117");
        f.put(Field.BIRTH_DATE, "31-02-1990");
        f.put(Field.RT, "1a");
        f.put(Field.FULL_NAME, "Budi 2");
        Map<Field, Message> m = VALIDATOR.validate(f);
        assertThat(m.get(Field.NIK).key()).isEqualTo("error.nik.shape");
        assertThat(m.get(Field.BIRTH_DATE).key()).isEqualTo("error.date.format");
        assertThat(m.get(Field.RT).key()).isEqualTo("error.rtrw");
        assertThat(m.get(Field.FULL_NAME).key()).isEqualTo("error.name.chars");
    }

    @Test
    void futureAndTooYoungUnmarriedBirthDatesAreErrors() {
        Map<Field, String> f = complete();
        f.put(Field.BIRTH_DATE, "01-01-2027");
        assertThat(VALIDATOR.validate(f).get(Field.BIRTH_DATE).key()).isEqualTo("error.date.future");
        f.put(Field.BIRTH_DATE, "01-01-2012");
        f.put(Field.MARITAL_STATUS, "BELUM_KAWIN");
        f.put(Field.NIK, "3276010101120001");
        assertThat(VALIDATOR.validate(f).get(Field.BIRTH_DATE).key()).isEqualTo("error.date.tooYoung");
        f.put(Field.MARITAL_STATUS, "KAWIN");
        assertThat(VALIDATOR.validate(f)).doesNotContainKey(Field.BIRTH_DATE);
    }

    @Test
    void nikThatDisagreesWithTheFormIsAWarningNotAnError() {
        Map<Field, String> f = complete();
        f.put(Field.BIRTH_DATE, "18-08-1990");
        Message m = VALIDATOR.validate(f).get(Field.NIK);
        assertThat(m.blocking()).isFalse();
        assertThat(m.key()).isEqualTo("nik.core");
        assertThat(m.args()[0].toString()).contains("7");
    }

    @Test
    void unknownRegionInTheNikIsAnError() {
        Map<Field, String> f = complete();
        f.put(Field.NIK, "9976011708900001");
        assertThat(VALIDATOR.validate(f).get(Field.NIK).blocking()).isTrue();
    }

    @Test
    void birthDatesAreTypedInThreeWays() {
        assertThat(BirthDates.parse("17-08-1990")).isEqualTo(BirthDates.parse("17/08/1990"))
                .isEqualTo(BirthDates.parse("17081990")).isPresent();
        assertThat(BirthDates.parse("1990-08-17")).isEmpty();
    }

    /** Day, month and year of the NIK all differ from the form: the one warning names all three. */
    @Test
    void aNikThatDisagreesInDayMonthAndYearSaysSoForEach() {
        Map<Field, String> f = complete();
        f.put(Field.BIRTH_DATE, "03-04-1985");
        Message m = VALIDATOR.validate(f).get(Field.NIK);
        assertThat(m.blocking()).isFalse();
        String text = String.valueOf(m.args()[0]);
        assertThat(text).contains("tanggal 17").contains("bulan 08").contains("tahun ..90");
    }
}
