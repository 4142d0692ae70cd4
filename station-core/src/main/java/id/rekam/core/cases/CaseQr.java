package id.rekam.core.cases;

/** The QR code printed on a letter: {@code rekam-case:<case id>}; scanning it at the desk opens the case. */
public final class CaseQr {

    public static final String PREFIX = "rekam-case:";

    private CaseQr() {
    }

    public static String text(String caseId) {
        return PREFIX + caseId;
    }

    /** The case id in a scanned text or a typed id. */
    public static String caseId(String scannedOrId) {
        String s = scannedOrId == null ? "" : scannedOrId.strip();
        return s.startsWith(PREFIX) ? s.substring(PREFIX.length()).strip() : s;
    }
}
