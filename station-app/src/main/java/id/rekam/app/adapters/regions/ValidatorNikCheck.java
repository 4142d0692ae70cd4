package id.rekam.app.adapters.regions;

import id.rekam.app.ports.NikCheck;
import id.rekam.core.domain.Gender;
import id.rekam.core.nik.NikIssue;
import id.rekam.core.nik.NikValidator;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** station-core's {@link NikValidator}; its messages are already localised and name the digit group. */
public final class ValidatorNikCheck implements NikCheck {

    private final Supplier<NikValidator> validator;
    private final Locale locale;

    /** @param validator may wait for the region catalogue to finish loading */
    public ValidatorNikCheck(Supplier<NikValidator> validator, Locale locale) {
        this.validator = validator;
        this.locale = locale;
    }

    public ValidatorNikCheck(NikValidator validator, Locale locale) {
        this(() -> validator, locale);
    }

    @Override
    public List<Issue> check(String nik, LocalDate birthDate, Gender gender) {
        return validator.get().validate(nik, birthDate, gender).issues().stream()
                .map(i -> new Issue(i.severity() == NikIssue.Severity.ERROR ? Severity.ERROR : Severity.WARNING,
                        "nik.core", i.message(locale)))
                .toList();
    }

    @Override
    public Optional<Embedded> embedded(String nik, LocalDate today) {
        var check = validator.get().validate(nik);
        if (!check.isValid()) {
            return Optional.empty();
        }
        return check.birth().flatMap(b -> b.latestNotAfter(today).map(d -> new Embedded(d, b.gender())));
    }
}
