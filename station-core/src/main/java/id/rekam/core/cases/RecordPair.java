package id.rekam.core.cases;

/** Two records as one key, whichever order they are named in: the station and the server key a case and a decided pair by it. */
public final class RecordPair {

    private RecordPair() {
    }

    public static String key(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
    }
}
