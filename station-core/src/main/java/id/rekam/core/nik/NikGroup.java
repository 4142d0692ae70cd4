package id.rekam.core.nik;

/**
 * The digit groups of a NIK (PP KK CC DDMMYY SSSS), with their 1-based digit positions, so a
 * message can point the operator at the digits to re-read. {@link #LENGTH} and
 * {@link #CHARACTERS} concern the whole number.
 */
public enum NikGroup {
    PROVINCE(1, 2),
    REGENCY(3, 4),
    DISTRICT(5, 6),
    DAY(7, 8),
    MONTH(9, 10),
    YEAR(11, 12),
    SERIAL(13, 16),
    LENGTH(1, 16),
    CHARACTERS(1, 16);

    private final int firstDigit;
    private final int lastDigit;

    NikGroup(int firstDigit, int lastDigit) {
        this.firstDigit = firstDigit;
        this.lastDigit = lastDigit;
    }

    /** 1-based position of the group's first digit. */
    public int firstDigit() {
        return firstDigit;
    }

    /** 1-based position of the group's last digit (inclusive). */
    public int lastDigit() {
        return lastDigit;
    }

    /** This group's digits out of a 16-digit NIK. */
    public String digitsOf(String nik) {
        return nik.substring(firstDigit - 1, lastDigit);
    }

    /** The NIK with this group's digits replaced by {@code digits} (same length). */
    public String replaceIn(String nik, String digits) {
        if (digits.length() != lastDigit - firstDigit + 1) {
            throw new IllegalArgumentException(name() + " has " + (lastDigit - firstDigit + 1) + " digits");
        }
        return nik.substring(0, firstDigit - 1) + digits + nik.substring(lastDigit);
    }
}
