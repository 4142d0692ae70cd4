package id.rekam.app.core;

import id.rekam.app.service.NikCheck;
import id.rekam.core.domain.Gender;
import id.rekam.core.nik.NikIssue;
import id.rekam.core.nik.NikValidator;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** station-core's {@link NikValidator}; its messages are already localised and name the digit group. */
public final class ValidatorNikCheck implements NikCheck {

    private final NikValidator validator;
    private final Locale locale;

    public ValidatorNikCheck(NikValidator validator, Locale locale) {
        this.validator = validator;
        this.locale = locale;
    }

    @Override
    public List<Issue> check(String nik, LocalDate birthDate, Gender gender) {
        return validator.validate(nik, birthDate, gender).issues().stream()
                .map(i -> new Issue(i.severity() == NikIssue.Severity.ERROR ? Severity.ERROR : Severity.WARNING,
                        "nik.core", i.message(locale)))
                .toList();
    }
}
