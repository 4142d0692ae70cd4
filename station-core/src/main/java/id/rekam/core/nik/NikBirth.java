package id.rekam.core.nik;

import id.rekam.core.domain.Gender;
import id.rekam.core.domain.Nik;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Birth date and sex embedded in digits 7–12 of a NIK ({@code DDMMYY}, women's day + 40).
 * The year has two digits only, so the century is not in the NIK: a reading needs a reference
 * date, normally the birth date on the form ({@link #dateNearest}).
 *
 * @param day           1–31, without the +40
 * @param month         1–12
 * @param yearOfCentury 0–99
 */
public record NikBirth(int day, int month, int yearOfCentury, Gender gender) {

    public NikBirth {
        Objects.requireNonNull(gender, "gender");
        if (day < 1 || day > 31 || month < 1 || month > 12 || yearOfCentury < 0 || yearOfCentury > 99) {
            throw new IllegalArgumentException("day 1–31, month 1–12, year 0–99");
        }
    }

    /** Empty when the day is not 01–31/41–71 or the month not 01–12. */
    public static Optional<NikBirth> decode(Nik nik) {
        return decodeDigits(nik.value().substring(6, 12));
    }

    /** Reads {@code DDMMYY}; empty when out of range or not six digits. */
    public static Optional<NikBirth> decodeDigits(String ddmmyy) {
        if (ddmmyy == null || ddmmyy.length() != 6 || !ddmmyy.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int dd = Integer.parseInt(ddmmyy.substring(0, 2));
        int mm = Integer.parseInt(ddmmyy.substring(2, 4));
        int yy = Integer.parseInt(ddmmyy.substring(4, 6));
        Gender gender = dd > 40 ? Gender.PEREMPUAN : Gender.LAKI_LAKI;
        int day = dd > 40 ? dd - 40 : dd;
        if (day < 1 || day > 31 || mm < 1 || mm > 12) {
            return Optional.empty();
        }
        return Optional.of(new NikBirth(day, mm, yy, gender));
    }

    /** {@code DDMMYY} of a birth date, women's day + 40. */
    public static String encode(LocalDate birthDate, Gender gender) {
        return new NikBirth(birthDate.getDayOfMonth(), birthDate.getMonthValue(), birthDate.getYear() % 100, gender)
                .digits();
    }

    /** The six digits as they stand in the NIK. */
    public String digits() {
        return twoDigits(encodedDay()) + twoDigits(month) + twoDigits(yearOfCentury);
    }

    /** The day as written in the NIK: 1–31 for men, 41–71 for women. */
    public int encodedDay() {
        return gender == Gender.PEREMPUAN ? day + 40 : day;
    }

    /** The dates in 1900–2099 these digits can stand for; empty for e.g. 31 February. */
    public List<LocalDate> candidateDates() {
        List<LocalDate> dates = new ArrayList<>(2);
        dateIn(1900 + yearOfCentury).ifPresent(dates::add);
        dateIn(2000 + yearOfCentury).ifPresent(dates::add);
        return dates;
    }

    /** Whether some century makes this a real date (only {@code 290200} depends on the century). */
    public boolean isRealDate() {
        return !candidateDates().isEmpty();
    }

    /**
     * The reading whose year, ending in these two digits, lies nearest the reference (the
     * form's birth date): 15-05-85 near 1985 is 1985, 01-01-99 near 2001 is 1999. Empty if the
     * day does not exist in that year (29 February).
     */
    public Optional<LocalDate> dateNearest(LocalDate reference) {
        int ref = reference.getYear();
        int below = ref - Math.floorMod(ref - yearOfCentury, 100);
        int year = ref - below <= below + 100 - ref ? below : below + 100;
        return dateIn(year);
    }

    /** The latest reading not after {@code today}: what a birth date prefilled from the NIK should be. */
    public Optional<LocalDate> latestNotAfter(LocalDate today) {
        int year = today.getYear() - Math.floorMod(today.getYear() - yearOfCentury, 100);
        for (int y = year; y > year - 300; y -= 100) {
            Optional<LocalDate> d = dateIn(y);
            if (d.isPresent() && !d.get().isAfter(today)) {
                return d;
            }
        }
        return Optional.empty();
    }

    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }

    private Optional<LocalDate> dateIn(int year) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Leaves the date out: it is personal data. */
    @Override
    public String toString() {
        return "NikBirth[" + gender + "]";
    }
}
