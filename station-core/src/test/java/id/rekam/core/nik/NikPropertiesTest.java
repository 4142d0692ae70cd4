package id.rekam.core.nik;

import id.rekam.core.domain.Gender;
import id.rekam.core.domain.Nik;
import id.rekam.core.region.Region;
import id.rekam.core.region.RegionCatalog;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.time.api.Dates;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class NikPropertiesTest {

    private static final RegionCatalog CATALOG = RegionCatalog.bundled();
    private static final NikValidator VALIDATOR = new NikValidator(CATALOG);
    private static final List<Region> DISTRICTS = new NikFactory(CATALOG, new Random(1),
            LocalDate.of(1940, 1, 1), LocalDate.of(2010, 12, 31)).districts();
    private static final Locale ID = Locale.forLanguageTag("id");
    private static final List<String> TWO_DIGITS = IntStream.rangeClosed(0, 99)
            .mapToObj(i -> String.format("%02d", i)).toList();
    private static final List<String> BAD_DAYS = IntStream.rangeClosed(0, 99)
            .filter(d -> d == 0 || (d > 31 && d < 41) || d > 71).mapToObj(TWO_DIGITS::get).toList();
    private static final List<String> BAD_MONTHS = IntStream.rangeClosed(0, 99)
            .filter(m -> m == 0 || m > 12).mapToObj(TWO_DIGITS::get).toList();
    private static final Map<String, List<String>> UNKNOWN = new ConcurrentHashMap<>();

    record Person(Region district, LocalDate birth, Gender gender, int serial) {
        Nik nik() {
            return NikFactory.create(district.code(), birth, gender, serial);
        }
    }

    @Provide
    Arbitrary<Person> people() {
        return Combinators.combine(Arbitraries.of(DISTRICTS),
                Dates.dates().between(LocalDate.of(1900, 1, 1), LocalDate.of(2099, 12, 31)),
                Arbitraries.of(Gender.class), Arbitraries.integers().between(1, 9999)).as(Person::new);
    }

    @Property(tries = 500)
    void everyGeneratedNikIsValidAndAgreesWithItsOwnData(@ForAll("people") Person p) {
        NikCheck check = VALIDATOR.validate(p.nik().value(), p.birth(), p.gender());
        assertThat(check.issues()).isEmpty();
        assertThat(check.district()).hasValue(p.district());
        assertThat(check.birthDate()).hasValue(p.birth());
        assertThat(check.nik()).hasValue(p.nik());
        assertThat(VALIDATOR.validate(p.nik().value()).issues()).isEmpty();
    }

    @Property(tries = 500)
    void embeddedDateAndSexRoundTrip(@ForAll("people") Person p) {
        NikBirth birth = NikBirth.decode(p.nik()).orElseThrow();
        assertThat(birth.gender()).isEqualTo(p.gender());
        assertThat(birth.dateNearest(p.birth())).hasValue(p.birth());
        int dd = Integer.parseInt(p.nik().value().substring(6, 8));
        assertThat(dd).isEqualTo(p.birth().getDayOfMonth() + (p.gender() == Gender.PEREMPUAN ? 40 : 0));
        assertThat(birth.digits()).isEqualTo(p.nik().value().substring(6, 12));
        // A reference anywhere within 49 years still reads the right century.
        assertThat(birth.dateNearest(p.birth().plusYears(49))).hasValue(p.birth());
        assertThat(birth.dateNearest(p.birth().minusYears(49))).hasValue(p.birth());
    }

    enum Corruption { PROVINCE, REGENCY, DISTRICT, DAY_RANGE, DAY_CALENDAR, MONTH, SERIAL }

    @Property(tries = 700)
    void anySingleCorruptedGroupIsAnErrorNamingThatGroup(@ForAll("people") Person p, @ForAll Corruption corruption,
                                                         @ForAll @IntRange(min = 0, max = 99) int pick) {
        String nik = p.nik().value();
        NikGroup expected;
        String corrupted;
        switch (corruption) {
            case PROVINCE -> {
                List<String> unknown = unknownTwoDigits(code -> code);
                corrupted = NikGroup.PROVINCE.replaceIn(nik, unknown.get(pick % unknown.size()));
                expected = NikGroup.PROVINCE;
            }
            case REGENCY -> {
                String province = nik.substring(0, 2);
                List<String> unknown = unknownTwoDigits(code -> province + "." + code);
                corrupted = NikGroup.REGENCY.replaceIn(nik, unknown.get(pick % unknown.size()));
                expected = NikGroup.REGENCY;
            }
            case DISTRICT -> {
                String regency = nik.substring(0, 2) + "." + nik.substring(2, 4);
                List<String> unknown = unknownTwoDigits(code -> regency + "." + code);
                corrupted = NikGroup.DISTRICT.replaceIn(nik, unknown.get(pick % unknown.size()));
                expected = NikGroup.DISTRICT;
            }
            case DAY_RANGE -> {
                corrupted = NikGroup.DAY.replaceIn(nik, BAD_DAYS.get(pick % BAD_DAYS.size()));
                expected = NikGroup.DAY;
            }
            case DAY_CALENDAR -> {
                // A day past the end of the month: 30 or 31 February, 31 of a 30-day month.
                int month = List.of(2, 4, 6, 9, 11).get(pick % 5);
                int day = month == 2 ? 30 + pick % 2 : 31;
                int encoded = day + (p.gender() == Gender.PEREMPUAN ? 40 : 0);
                corrupted = NikGroup.MONTH.replaceIn(NikGroup.DAY.replaceIn(nik, TWO_DIGITS.get(encoded)),
                        TWO_DIGITS.get(month));
                expected = NikGroup.DAY;
            }
            case MONTH -> {
                corrupted = NikGroup.MONTH.replaceIn(nik, BAD_MONTHS.get(pick % BAD_MONTHS.size()));
                expected = NikGroup.MONTH;
            }
            default -> {
                corrupted = NikGroup.SERIAL.replaceIn(nik, "0000");
                expected = NikGroup.SERIAL;
            }
        }
        NikCheck check = VALIDATOR.validate(corrupted);
        assertThat(check.isValid()).isFalse();
        assertThat(check.errors()).singleElement().satisfies(e -> {
            assertThat(e.group()).isEqualTo(expected);
            String digits = expected.firstDigit() + "–" + expected.lastDigit();
            assertThat(e.message(ID)).contains("Digit " + digits);
            assertThat(e.message(Locale.ENGLISH)).contains("Digits " + digits);
        });
        assertThat(check.nik()).isEmpty();
    }

    @Property(tries = 500)
    void aFormThatDisagreesGivesWarningsNotErrors(@ForAll("people") Person p,
                                                  @ForAll("otherDates") LocalDate formDate,
                                                  @ForAll Gender formGender) {
        Assume.that(!formDate.equals(p.birth()) || formGender != p.gender());
        NikCheck check = VALIDATOR.validate(p.nik().value(), formDate, formGender);
        assertThat(check.isValid()).isTrue();
        assertThat(check.needsConfirmation()).isTrue();
        assertThat(check.nik()).hasValue(p.nik());
        Set<NikIssueCode> codes = check.warnings().stream().map(NikIssue::code).collect(Collectors.toSet());
        assertThat(codes.contains(NikIssueCode.BIRTH_DAY_DIFFERS))
                .isEqualTo(formDate.getDayOfMonth() != p.birth().getDayOfMonth());
        assertThat(codes.contains(NikIssueCode.BIRTH_MONTH_DIFFERS))
                .isEqualTo(formDate.getMonthValue() != p.birth().getMonthValue());
        assertThat(codes.contains(NikIssueCode.BIRTH_YEAR_DIFFERS))
                .isEqualTo(formDate.getYear() % 100 != p.birth().getYear() % 100);
        assertThat(codes.contains(NikIssueCode.GENDER_DIFFERS)).isEqualTo(formGender != p.gender());
        assertThat(check.warnings()).allSatisfy(w -> {
            assertThat(w.message(ID)).startsWith("Digit " + w.group().firstDigit() + "–" + w.group().lastDigit());
            assertThat(w.message(Locale.ENGLISH)).isNotEqualTo(w.message(ID));
        });
    }

    @Provide
    Arbitrary<LocalDate> otherDates() {
        return Dates.dates().between(LocalDate.of(1900, 1, 1), LocalDate.of(2099, 12, 31));
    }

    @Property(tries = 300)
    void wrongShapeIsReportedAsLengthOrCharacters(@ForAll("wrongShapes") String raw) {
        NikCheck check = VALIDATOR.validate(raw);
        assertThat(check.isValid()).isFalse();
        assertThat(check.errors()).extracting(NikIssue::group)
                .isSubsetOf(NikGroup.LENGTH, NikGroup.CHARACTERS).isNotEmpty();
    }

    @Provide
    Arbitrary<String> wrongShapes() {
        Arbitrary<String> shortOrLong = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(30)
                .filter(s -> s.length() != 16);
        Arbitrary<String> withLetter = Combinators.combine(people().map(p -> p.nik().value()),
                Arbitraries.integers().between(0, 15), Arbitraries.chars().alpha())
                .as((nik, i, c) -> nik.substring(0, i) + c + nik.substring(i + 1));
        return Arbitraries.oneOf(shortOrLong, withLetter);
    }

    /** Two-digit segments that, under the given parent, exist in no list at all. */
    private static List<String> unknownTwoDigits(UnaryOperator<String> codeFor) {
        return UNKNOWN.computeIfAbsent(codeFor.apply("__"), k -> {
            List<String> unknown = TWO_DIGITS.stream().filter(d -> !CATALOG.exists(codeFor.apply(d))).toList();
            assertThat(unknown).isNotEmpty();
            return unknown;
        });
    }
}
