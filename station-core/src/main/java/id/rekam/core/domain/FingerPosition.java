package id.rekam.core.domain;

/**
 * The ten finger slots in the order they are captured, with their ISO/IEC 19794-2
 * finger position codes (1 = right thumb ... 10 = left little).
 */
public enum FingerPosition {
    RIGHT_THUMB(1), RIGHT_INDEX(2), RIGHT_MIDDLE(3), RIGHT_RING(4), RIGHT_LITTLE(5),
    LEFT_THUMB(6), LEFT_INDEX(7), LEFT_MIDDLE(8), LEFT_RING(9), LEFT_LITTLE(10);

    private final int isoCode;

    FingerPosition(int isoCode) {
        this.isoCode = isoCode;
    }

    public int isoCode() {
        return isoCode;
    }

    /** The position with this ISO/IEC 19794-2 code (1..10), as the sync protocol names fingers. */
    public static java.util.Optional<FingerPosition> ofIsoCode(int code) {
        for (FingerPosition f : values()) {
            if (f.isoCode == code) {
                return java.util.Optional.of(f);
            }
        }
        return java.util.Optional.empty();
    }

    public boolean rightHand() {
        return isoCode <= 5;
    }
}
