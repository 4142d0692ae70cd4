package id.rekam.core.nik;

import id.rekam.core.domain.Gender;
import id.rekam.core.region.Region;
import id.rekam.core.region.RegionCatalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Checks a NIK typed by an operator (PP 37/2007: province · kabupaten/kota · kecamatan of first
 * registration · DDMMYY, women +40 · serial; there is no check digit).
 *
 * <p>Errors judge the number on its own: shape, a region prefix that exists in the current or
 * any archived Kemendagri list (the kecamatan of first registration may since have split or
 * been renumbered), a day of 01–31/41–71, a month of 01–12, a date that exists (the century
 * is unknown, so 29-02-00 passes as 2000), a serial other than 0000. Warnings compare the
 * number with the form: a NIK whose embedded date or sex disagrees with the person is still
 * their NIK (Dukcapil does not reissue it), so the operator confirms rather than being stopped.
 */
public final class NikValidator {

    private final RegionCatalog regions;

    public NikValidator(RegionCatalog regions) {
        this.regions = Objects.requireNonNull(regions, "regions");
    }

    /** A validator over the region lists shipped with station-core. */
    public static NikValidator withBundledRegions() {
        return new NikValidator(RegionCatalog.bundled());
    }

    /** Shape, region, date and serial: errors only. */
    public NikCheck validate(String raw) {
        return validate(raw, null, null);
    }

    /**
     * As {@link #validate(String)}, plus warnings where the embedded birth date or sex differs
     * from the form's. A {@code null} form value is not compared.
     */
    public NikCheck validate(String raw, LocalDate formBirthDate, Gender formGender) {
        String digits = stripWhitespace(raw);
        List<NikIssue> issues = new ArrayList<>();
        if (digits.isEmpty()) {
            issues.add(NikIssue.of(NikIssueCode.EMPTY));
            return new NikCheck(digits, issues, Optional.empty(), Optional.empty(), Optional.empty());
        }
        if (digits.length() != 16) {
            issues.add(NikIssue.of(NikIssueCode.WRONG_LENGTH, String.valueOf(digits.length())));
        }
        StringJoiner bad = new StringJoiner(", ");
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                bad.add(String.valueOf(i + 1));
            }
        }
        if (bad.length() > 0) {
            issues.add(NikIssue.of(NikIssueCode.NOT_DIGITS, bad.toString()));
        }
        if (!issues.isEmpty()) {
            // Groups cannot be located in a number of the wrong shape.
            return new NikCheck(digits, issues, Optional.empty(), Optional.empty(), Optional.empty());
        }

        Optional<Region> district = checkRegion(digits, issues);
        Optional<NikBirth> birth = checkBirth(digits, issues);
        if (NikGroup.SERIAL.digitsOf(digits).equals("0000")) {
            issues.add(NikIssue.of(NikIssueCode.SERIAL_ZERO));
        }
        if (birth.isPresent() && birth.get().isRealDate()) {
            compareWithForm(birth.get(), formBirthDate, formGender, issues);
        }
        Optional<LocalDate> reading = formBirthDate == null ? Optional.empty()
                : birth.flatMap(b -> b.dateNearest(formBirthDate));
        return new NikCheck(digits, issues, district, birth, reading);
    }

    private Optional<Region> checkRegion(String digits, List<NikIssue> issues) {
        String province = NikGroup.PROVINCE.digitsOf(digits);
        if (!regions.exists(province)) {
            issues.add(NikIssue.of(NikIssueCode.PROVINCE_UNKNOWN, province));
            return Optional.empty();
        }
        String regency = province + "." + NikGroup.REGENCY.digitsOf(digits);
        if (!regions.exists(regency)) {
            issues.add(NikIssue.of(NikIssueCode.REGENCY_UNKNOWN, regency, nameOf(province)));
            return Optional.empty();
        }
        String district = regency + "." + NikGroup.DISTRICT.digitsOf(digits);
        Optional<Region> found = regions.find(district);
        if (found.isEmpty()) {
            issues.add(NikIssue.of(NikIssueCode.DISTRICT_UNKNOWN, district, nameOf(regency)));
        }
        return found;
    }

    private Optional<NikBirth> checkBirth(String digits, List<NikIssue> issues) {
        String dd = NikGroup.DAY.digitsOf(digits);
        String mm = NikGroup.MONTH.digitsOf(digits);
        int day = Integer.parseInt(dd);
        int month = Integer.parseInt(mm);
        boolean dayOk = (day >= 1 && day <= 31) || (day >= 41 && day <= 71);
        boolean monthOk = month >= 1 && month <= 12;
        if (!dayOk) {
            issues.add(NikIssue.of(NikIssueCode.DAY_OUT_OF_RANGE, dd));
        }
        if (!monthOk) {
            issues.add(NikIssue.of(NikIssueCode.MONTH_OUT_OF_RANGE, mm));
        }
        if (!dayOk || !monthOk) {
            return Optional.empty();
        }
        NikBirth birth = NikBirth.decodeDigits(dd + mm + NikGroup.YEAR.digitsOf(digits)).orElseThrow();
        if (!birth.isRealDate()) {
            issues.add(NikIssue.of(NikIssueCode.DATE_NOT_IN_CALENDAR, twoDigits(birth.day()), mm,
                    NikGroup.YEAR.digitsOf(digits)));
        }
        return Optional.of(birth);
    }

    private static void compareWithForm(NikBirth birth, LocalDate formDate, Gender formGender, List<NikIssue> issues) {
        if (formDate != null) {
            // Only two year digits are in the NIK; the century is taken from the form (the nearest
            // year ending in those digits), so equal endings are the same year.
            if (birth.day() != formDate.getDayOfMonth()) {
                issues.add(NikIssue.of(NikIssueCode.BIRTH_DAY_DIFFERS, twoDigits(birth.day()),
                        twoDigits(formDate.getDayOfMonth())));
            }
            if (birth.month() != formDate.getMonthValue()) {
                issues.add(NikIssue.of(NikIssueCode.BIRTH_MONTH_DIFFERS, twoDigits(birth.month()),
                        twoDigits(formDate.getMonthValue())));
            }
            if (birth.yearOfCentury() != formDate.getYear() % 100) {
                issues.add(NikIssue.of(NikIssueCode.BIRTH_YEAR_DIFFERS, twoDigits(birth.yearOfCentury()),
                        String.valueOf(formDate.getYear())));
            }
        }
        if (formGender != null && birth.gender() != formGender) {
            issues.add(NikIssue.of(NikIssueCode.GENDER_DIFFERS, birth.gender(), formGender));
        }
    }

    private String nameOf(String code) {
        return regions.find(code).map(Region::name).orElse(code);
    }

    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }

    /** Operators paste NIKs copied with spaces ("3276 0141 ..."); whitespace is never a digit. */
    static String stripWhitespace(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(raw.length());
        raw.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(sb::appendCodePoint);
        return sb.toString();
    }
}
