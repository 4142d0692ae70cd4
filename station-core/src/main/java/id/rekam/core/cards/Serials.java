package id.rekam.core.cards;

import java.util.Locale;
import java.util.regex.Pattern;

/** Card serial shape. Sixteen bare digits are refused: in logs and the audit trail they would pass for a NIK. */
final class Serials {

    private static final Pattern SHAPE = Pattern.compile("[A-Z0-9][A-Z0-9-]{3,31}");
    private static final Pattern SIXTEEN_DIGITS = Pattern.compile("\\d{16}");

    private Serials() {
    }

    static String normalise(String serial) {
        String s = serial == null ? "" : serial.strip().toUpperCase(Locale.ROOT);
        if (!SHAPE.matcher(s).matches() || SIXTEEN_DIGITS.matcher(s).matches()) {
            throw new CardException("card.serialInvalid", serial == null ? "" : serial.strip());
        }
        return s;
    }

    static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new CardException("input.required", field);
        }
        return value.strip();
    }
}
