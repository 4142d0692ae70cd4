package id.rekam.app.ports;

import id.rekam.core.domain.Gender;

import java.time.LocalDate;
import java.util.List;

/** Judges a typed NIK against the form (region prefix, embedded birth date and gender). */
public interface NikCheck {

    /** Empty list: nothing to say. birthDate/gender may be null while not yet filled. */
    List<Issue> check(String nik, LocalDate birthDate, Gender gender);

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
