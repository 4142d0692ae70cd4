package id.rekam.core.nik;

import id.rekam.core.nik.NikIssue.Severity;

/**
 * What is wrong with a NIK. Errors come from the number alone; warnings compare it with the
 * form and need the operator's confirmation (Dukcapil does not reissue a NIK whose embedded
 * date or sex is wrong, so such a NIK is still the person's NIK).
 */
public enum NikIssueCode {
    EMPTY(Severity.ERROR, NikGroup.LENGTH),
    WRONG_LENGTH(Severity.ERROR, NikGroup.LENGTH),
    NOT_DIGITS(Severity.ERROR, NikGroup.CHARACTERS),
    PROVINCE_UNKNOWN(Severity.ERROR, NikGroup.PROVINCE),
    REGENCY_UNKNOWN(Severity.ERROR, NikGroup.REGENCY),
    DISTRICT_UNKNOWN(Severity.ERROR, NikGroup.DISTRICT),
    DAY_OUT_OF_RANGE(Severity.ERROR, NikGroup.DAY),
    MONTH_OUT_OF_RANGE(Severity.ERROR, NikGroup.MONTH),
    /** Day and month in range but no such date, e.g. 31 February, or 29 February of 2023. */
    DATE_NOT_IN_CALENDAR(Severity.ERROR, NikGroup.DAY),
    SERIAL_ZERO(Severity.ERROR, NikGroup.SERIAL),
    BIRTH_DAY_DIFFERS(Severity.WARNING, NikGroup.DAY),
    BIRTH_MONTH_DIFFERS(Severity.WARNING, NikGroup.MONTH),
    BIRTH_YEAR_DIFFERS(Severity.WARNING, NikGroup.YEAR),
    GENDER_DIFFERS(Severity.WARNING, NikGroup.DAY);

    private final Severity severity;
    private final NikGroup group;

    NikIssueCode(Severity severity, NikGroup group) {
        this.severity = severity;
        this.group = group;
    }

    public Severity severity() {
        return severity;
    }

    /** The digit group this issue points at. */
    public NikGroup group() {
        return group;
    }
}
