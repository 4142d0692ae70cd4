package id.rekam.core.nik;

import id.rekam.core.domain.Gender;
import id.rekam.core.domain.Nik;
import id.rekam.core.region.RegionCatalog;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NikBirthAndFactoryTest {

    @Test
    void decodesTheEmbeddedDateAndSex() {
        NikBirth woman = NikBirth.decode(Nik.of("3276014105900001")).orElseThrow();
        assertThat(woman.gender()).isEqualTo(Gender.PEREMPUAN);
        assertThat(woman.day()).isEqualTo(1);
        assertThat(woman.encodedDay()).isEqualTo(41);
        assertThat(woman.month()).isEqualTo(5);
        assertThat(woman.yearOfCentury()).isEqualTo(90);
        assertThat(woman.latestNotAfter(LocalDate.of(2026, 11, 25))).hasValue(LocalDate.of(1990, 5, 1));
        assertThat(woman.candidateDates()).containsExactly(LocalDate.of(1990, 5, 1), LocalDate.of(2090, 5, 1));

        NikBirth man = NikBirth.decode(Nik.of("3310011512200001")).orElseThrow();
        assertThat(man.gender()).isEqualTo(Gender.LAKI_LAKI);
        assertThat(man.latestNotAfter(LocalDate.of(2026, 11, 25))).hasValue(LocalDate.of(2020, 12, 15));
        assertThat(man.latestNotAfter(LocalDate.of(2020, 12, 14))).hasValue(LocalDate.of(1920, 12, 15));

        assertThat(NikBirth.decode(Nik.of("3276017205900001"))).isEmpty();
        assertThat(NikBirth.decodeDigits("2902000")).isEmpty();
    }

    @Test
    void leapDayOfYear00ExistsOnlyIn2000() {
        NikBirth b = NikBirth.decodeDigits("290200").orElseThrow();
        assertThat(b.candidateDates()).containsExactly(LocalDate.of(2000, 2, 29));
        assertThat(b.dateNearest(LocalDate.of(1905, 1, 1))).isEmpty();
        assertThat(b.dateNearest(LocalDate.of(1990, 1, 1))).hasValue(LocalDate.of(2000, 2, 29));
    }

    @Test
    void createsNiksFromTheirParts() {
        assertThat(NikFactory.create("32.76.01", LocalDate.of(1990, 5, 1), Gender.PEREMPUAN, 1).value())
                .isEqualTo("3276014105900001");
        assertThat(NikFactory.create("53.71.02", LocalDate.of(2000, 7, 31), Gender.LAKI_LAKI, 9999).value())
                .isEqualTo("5371023107009999");
        assertThatThrownBy(() -> NikFactory.create("32.76", LocalDate.of(1990, 1, 1), Gender.LAKI_LAKI, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NikFactory.create("32.76.01", LocalDate.of(1990, 1, 1), Gender.LAKI_LAKI, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NikFactory.create("32.76.01", LocalDate.of(1990, 1, 1), Gender.LAKI_LAKI, 10_000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generatesReproducibleValidSamples() {
        RegionCatalog catalog = RegionCatalog.bundled();
        LocalDate from = LocalDate.of(1950, 1, 1);
        LocalDate to = LocalDate.of(2008, 12, 31);
        NikFactory a = new NikFactory(catalog, new Random(42), from, to);
        NikFactory b = new NikFactory(catalog, new Random(42), from, to);
        assertThat(a.districts()).hasSize(7_285);
        NikValidator validator = new NikValidator(catalog);
        for (int i = 0; i < 200; i++) {
            NikFactory.Sample s = a.next();
            assertThat(b.next()).isEqualTo(s);
            assertThat(s.birthDate()).isBetween(from, to);
            NikCheck check = validator.validate(s.nik().value(), s.birthDate(), s.gender());
            assertThat(check.issues()).isEmpty();
            assertThat(check.district()).hasValue(s.district());
            assertThat(s.toString()).doesNotContain(s.nik().value());
        }
        NikFactory.Sample depok = a.nextIn(catalog.find("32.76.06").orElseThrow());
        assertThat(depok.nik().value()).startsWith("327606");
    }
}
