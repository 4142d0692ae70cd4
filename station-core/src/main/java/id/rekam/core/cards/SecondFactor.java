package id.rekam.core.cards;

import java.util.Objects;

/**
 * The independent check a supervisor adds when the finger does not match: the recipient's live
 * photo compared with the enrolled photo, or the family card (KK) number the recipient shows.
 */
public record SecondFactor(Kind kind, String value) {

    public enum Kind {
        PHOTO_COMPARISON,
        FAMILY_CARD
    }

    public SecondFactor {
        Objects.requireNonNull(kind, "kind");
    }

    public static SecondFactor photoComparison(String note) {
        return new SecondFactor(Kind.PHOTO_COMPARISON, note);
    }

    public static SecondFactor familyCard(String kkNumber) {
        return new SecondFactor(Kind.FAMILY_CARD, kkNumber);
    }

    /** @throws CardException missing note, or a KK number that is not 16 digits */
    void validate() {
        String v = value == null ? "" : value.strip();
        switch (kind) {
            case FAMILY_CARD -> {
                if (!v.matches("\\d{16}")) {
                    throw new CardException("handover.kkInvalid");
                }
            }
            case PHOTO_COMPARISON -> {
                if (v.isEmpty()) {
                    throw new CardException("handover.photoNoteRequired");
                }
            }
        }
    }
}
