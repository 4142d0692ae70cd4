package id.rekam.core.nik;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One finding about a NIK.
 *
 * @param code what is wrong; fixes severity and digit group
 * @param args details for the message (the digits found, the form's value…), strings or
 *             {@link id.rekam.core.domain.Gender} values, which are localised
 */
public record NikIssue(NikIssueCode code, List<Object> args) {

    public enum Severity { ERROR, WARNING }

    public NikIssue {
        Objects.requireNonNull(code, "code");
        args = List.copyOf(args);
    }

    public static NikIssue of(NikIssueCode code, Object... args) {
        return new NikIssue(code, List.of(args));
    }

    public Severity severity() {
        return code.severity();
    }

    public NikGroup group() {
        return code.group();
    }

    /** The message for the operator, naming the digit group at fault. */
    public String message(Locale locale) {
        return NikMessages.format(this, locale);
    }

    /** Leaves the arguments out: they carry digits of a birth date. */
    @Override
    public String toString() {
        return severity() + " " + code + " (" + group() + " " + group().firstDigit() + "–" + group().lastDigit() + ")";
    }
}
