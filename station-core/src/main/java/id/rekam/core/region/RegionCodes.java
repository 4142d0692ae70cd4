package id.rekam.core.region;

/**
 * Shape of Kemendagri codes: {@code PP}, {@code PP.KK}, {@code PP.KK.CC}, {@code PP.KK.CC.NNNN}.
 * Also packs a code into a {@code long} that sorts exactly like the dotted text, so the
 * catalog can keep ~100,000 codes without a String each.
 */
public final class RegionCodes {

    private static final int[] LENGTHS = {2, 5, 8, 13};
    /** Width, in packed units, of the subtree below a code of depth 1..4. */
    private static final long[] SPAN = {100_000_000L * 4, 1_000_000L * 4, 10_000L * 4, 4};

    private RegionCodes() {
    }

    /** True when the text has the dotted shape of some region level. */
    public static boolean isWellFormed(String code) {
        if (code == null) {
            return false;
        }
        int depth = depthOfLength(code.length());
        if (depth < 0) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            boolean dot = i == 2 || i == 5 || i == 8;
            if (dot ? c != '.' : c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** @throws IllegalArgumentException if the code is not well formed */
    public static RegionLevel level(String code) {
        requireWellFormed(code);
        return RegionLevel.ofDepth(depthOfLength(code.length()));
    }

    /** The code one level up, or {@code null} for a province. */
    public static String parent(String code) {
        requireWellFormed(code);
        int depth = depthOfLength(code.length());
        return depth == 1 ? null : code.substring(0, LENGTHS[depth - 2]);
    }

    /** The dotted kecamatan code {@code PP.KK.CC} for six NIK digits {@code PPKKCC}. */
    public static String districtOfDigits(String sixDigits) {
        if (sixDigits.length() != 6) {
            throw new IllegalArgumentException("need 6 digits");
        }
        String code = sixDigits.substring(0, 2) + "." + sixDigits.substring(2, 4) + "." + sixDigits.substring(4, 6);
        requireWellFormed(code);
        return code;
    }

    static long pack(String code) {
        requireWellFormed(code);
        int depth = depthOfLength(code.length());
        long digits = 0;
        int count = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c != '.') {
                digits = digits * 10 + (c - '0');
                count++;
            }
        }
        for (; count < 10; count++) {
            digits *= 10;
        }
        // Low two bits keep the depth so that a parent sorts before any child, even one whose
        // own segment is all zeros.
        return digits * 4 + (depth - 1);
    }

    static String unpack(long packed) {
        int depth = (int) (packed & 3) + 1;
        long digits = packed >>> 2;
        char[] ten = new char[10];
        for (int i = 9; i >= 0; i--) {
            ten[i] = (char) ('0' + digits % 10);
            digits /= 10;
        }
        StringBuilder sb = new StringBuilder(13).append(ten, 0, 2);
        if (depth >= 2) {
            sb.append('.').append(ten, 2, 2);
        }
        if (depth >= 3) {
            sb.append('.').append(ten, 4, 2);
        }
        if (depth == 4) {
            sb.append('.').append(ten, 6, 4);
        }
        return sb.toString();
    }

    static int depthOf(long packed) {
        return (int) (packed & 3) + 1;
    }

    /** First packed value past the subtree of {@code packed} (its descendants lie strictly between). */
    static long subtreeEnd(long packed) {
        long base = packed & ~3L;
        return base + SPAN[depthOf(packed) - 1];
    }

    private static int depthOfLength(int length) {
        for (int i = 0; i < LENGTHS.length; i++) {
            if (LENGTHS[i] == length) {
                return i + 1;
            }
        }
        return -1;
    }

    private static void requireWellFormed(String code) {
        if (!isWellFormed(code)) {
            throw new IllegalArgumentException("not a Kemendagri region code: " + code);
        }
    }
}
