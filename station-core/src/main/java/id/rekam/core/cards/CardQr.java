package id.rekam.core.cards;

/**
 * What a hand-over desk scans: the serial itself, or the station's QR text {@code rekam-card:<serial>}
 * (printed on delivery lists and collection slips).
 */
public final class CardQr {

    public static final String PREFIX = "rekam-card:";

    private CardQr() {
    }

    public static String encode(String serial) {
        return PREFIX + Serials.normalise(serial);
    }

    /** @throws CardException not a serial nor a card QR */
    public static String serial(String scanned) {
        String s = scanned == null ? "" : scanned.strip();
        if (s.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            s = s.substring(PREFIX.length());
        }
        return Serials.normalise(s);
    }
}
