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

    private static final Pattern NIK_LIKE = Pattern.compile("(?<!\\d)\\d{16}(?!\\d)");

    /**
     * Free text that goes into card history, audit and sync events (reasons, notes): it must not
     * carry a NIK, which the station keeps only sealed.
     */
    static String freeText(String value, String field) {
        String v = requireText(value, field);
        if (NIK_LIKE.matcher(v).find()) {
            throw new CardException("input.noNik", field);
        }
        return v;
    }

    static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new CardException("input.required", field);
        }
        return value.strip();
    }
}
