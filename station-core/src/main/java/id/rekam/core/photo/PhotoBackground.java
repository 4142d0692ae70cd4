package id.rekam.core.photo;

import java.time.LocalDate;
import java.util.Optional;

/** The KTP-el photo's backdrop: blue (even birth year), red (odd), orange (foreign residents). */
public enum PhotoBackground {
    BLUE(0x1f5fbf), RED(0xc62828), ORANGE(0xef7d22);

    private final int rgb;

    PhotoBackground(int rgb) {
        this.rgb = rgb;
    }

    /**
     * The backdrop the rule asks for; empty while a citizen's birth date is not known yet.
     *
     * @param birthDate null when not (validly) entered yet
     */
    public static Optional<PhotoBackground> required(boolean foreignResident, LocalDate birthDate) {
        if (foreignResident) {
            return Optional.of(ORANGE);
        }
        return Optional.ofNullable(birthDate).map(d -> d.getYear() % 2 == 0 ? BLUE : RED);
    }

    public String web() {
        return String.format("#%06x", rgb);
    }
}
