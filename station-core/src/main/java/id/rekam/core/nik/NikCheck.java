package id.rekam.core.nik;

import id.rekam.core.domain.Nik;
import id.rekam.core.region.Region;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Result of checking a NIK: errors block the record, warnings need the operator's confirmation.
 *
 * @param digits   the input with whitespace removed, as checked (issue positions refer to it)
 * @param issues   errors first, then warnings, each in digit order
 * @param district the kecamatan of first registration, when the region prefix is known
 * @param birth    the embedded birth date and sex, when day and month are in range
 * @param birthDate the embedded date read with the century of the form's birth date, when
 *                  one was given and the date exists in that century
 */
public record NikCheck(String digits, List<NikIssue> issues, Optional<Region> district, Optional<NikBirth> birth,
                       Optional<LocalDate> birthDate) {

    public NikCheck {
        Objects.requireNonNull(digits, "digits");
        issues = List.copyOf(issues);
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(birth, "birth");
        Objects.requireNonNull(birthDate, "birthDate");
    }

    /** No errors: the number may be stored (after confirming any warnings). */
    public boolean isValid() {
        return errors().isEmpty();
    }

    /** Valid, but the form disagrees with the NIK: the operator must confirm. */
    public boolean needsConfirmation() {
        return isValid() && !warnings().isEmpty();
    }

    public List<NikIssue> errors() {
        return issues.stream().filter(i -> i.severity() == NikIssue.Severity.ERROR).toList();
    }

    public List<NikIssue> warnings() {
        return issues.stream().filter(i -> i.severity() == NikIssue.Severity.WARNING).toList();
    }

    /** Whether some issue has this code. */
    public boolean has(NikIssueCode code) {
        return issues.stream().anyMatch(i -> i.code() == code);
    }

    /** The NIK, when there are no errors. */
    public Optional<Nik> nik() {
        return isValid() ? Optional.of(Nik.of(digits)) : Optional.empty();
    }

    /** Never the whole number: this may end up in a log. */
    @Override
    public String toString() {
        String shown = digits.length() == 16 && isValid() ? Nik.of(digits).masked() : "(" + digits.length() + " chars)";
        return "NikCheck[" + shown + ", " + issues + "]";
    }
}
