package id.rekam.app.ports;

import id.rekam.core.domain.Gender;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Judges a typed NIK against the form (region prefix, embedded birth date and gender). */
public interface NikCheck {

    /** Empty list: nothing to say. birthDate/gender may be null while not yet filled. */
    List<Issue> check(String nik, LocalDate birthDate, Gender gender);

    /**
     * The birth date and sex a complete, valid NIK carries, to prefill the form: the latest
     * reading of its two year digits not after {@code today}. Empty for a NIK that is not
     * complete and valid.
     */
    default Optional<Embedded> embedded(String nik, LocalDate today) {
        return Optional.empty();
    }

    record Embedded(LocalDate birthDate, Gender gender) {
    }

    /**
     * @param key  resource-bundle key of the message shown next to the field
     * @param args message arguments
     */
    record Issue(Severity severity, String key, Object... args) {
    }

    enum Severity {
        /** The record cannot be saved. */
        ERROR,
        /** Allowed, but the operator must confirm it. */
        WARNING
    }
}
