package id.rekam.core.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Nomor Induk Kependudukan: 16 digits, no check digit. This type guarantees only the
 * shape (16 ASCII digits); whether the region prefix exists and whether the embedded
 * date matches the person is judged by {@code id.rekam.core.nik.NikValidator}.
 */
public record Nik(@JsonValue String value) {

    /** Sixteen digits standing alone, the shape of a NIK inside free text. */
    private static final Pattern IN_TEXT = Pattern.compile("(?<![0-9A-Za-z])(\\d{6})\\d{6}(\\d{4})(?![0-9A-Za-z])");

    public Nik {
        Objects.requireNonNull(value, "value");
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("NIK must be 16 digits");
        }
    }

    /** Sixteen ASCII digits. */
    public static boolean isWellFormed(String value) {
        return value != null && value.length() == 16 && value.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /**
     * Free text (a server's message, a reason) with every NIK-shaped number in its
     * {@link #masked()} form: for showing such text on a screen or writing it to the audit trail.
     * Stored data is sealed, never masked.
     */
    public static String maskIn(String text) {
        return text == null ? null : IN_TEXT.matcher(text).replaceAll("$1******$2");
    }

    @JsonCreator
    public static Nik of(String value) {
        return new Nik(value);
    }

    /** Province code, e.g. {@code 32}. */
    public String provinceCode() {
        return value.substring(0, 2);
    }

    /** Kabupaten/kota code in dotted form, e.g. {@code 32.76}. */
    public String regencyCode() {
        return value.substring(0, 2) + "." + value.substring(2, 4);
    }

    /** Kecamatan of first registration in dotted form, e.g. {@code 32.76.01}. */
    public String districtCode() {
        return regencyCode() + "." + value.substring(4, 6);
    }

    /** Never print a whole NIK into logs: use this masked form. */
    public String masked() {
        return value.substring(0, 6) + "******" + value.substring(12);
    }

    @Override
    public String toString() {
        return masked();
    }
}
