package id.rekam.app.enroll;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/** Birth dates as typed at the desk: {@code 17-08-1990}, {@code 17/08/1990} or {@code 17081990}. */
public final class BirthDates {

    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd-MM-uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private BirthDates() {
    }

    public static Optional<LocalDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().replace('/', '-').replace('.', '-');
        if (t.matches("\\d{8}")) {
            t = t.substring(0, 2) + "-" + t.substring(2, 4) + "-" + t.substring(4);
        }
        try {
            return Optional.of(LocalDate.parse(t, TYPED));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static String format(LocalDate date) {
        return date.format(TYPED);
    }
}
