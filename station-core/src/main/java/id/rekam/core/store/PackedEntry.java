package id.rekam.core.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One search entry as a single byte array, so that 100,000 entries cost one small object each
 * instead of an entry, five to seven {@code String}s with their arrays and a {@code String[]}
 * (≈300 bytes per entry before, ≈70 after; see {@code SummaryIndexFootprintTest}).
 *
 * <pre>
 * [0]       flags: {@link #ID_UUID} when the id is held as 16 bytes, {@link #NIK_DIGITS} when the NIK is
 *           sixteen ASCII digits held as 8 bytes of packed decimal (every NIK the station records)
 * [1..3]    number of the kelurahan code in {@link VillageCodes}, big-endian ({@link VillageCodes#NONE}: none);
 *           at a fixed offset so that a snapshot chunk can swap it for its own numbering in place
 * [4..]     NIK: 8 bytes, one digit in each half byte, first digit highest; or a text field
 *           name: varint header {@code bytes << 1 | utf16}, then each upper-cased word as a varint
 *           char count and its chars
 *           id: 16 bytes (most, then least significant half of the UUID) or a text field
 * </pre>
 *
 * A text field is a varint header {@code chars << 1 | utf16} and the chars. Chars take one byte
 * each when all of the field's chars are at most U+00FF (Latin-1, as {@code String} itself does
 * it), else two bytes each (UTF-16 big-endian): chars rather than UTF-8 so that matching
 * compares exactly the chars the {@code String}s compared, and every string, even one with a
 * lone surrogate, comes back equal. Each name word carries its length so that a search jumps
 * from word start to word start as it did over the words' strings, instead of reading every
 * byte for a separator (that was three times slower). The NIK as one {@code long} lets a digit
 * search compare half bytes in a register. The id comes last: it is only read for a hit.
 */
final class PackedEntry {

    static final int ID_UUID = 1;
    static final int NIK_DIGITS = 2;
    static final int NIK = 4;
    private static final int UTF16 = 1;
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private PackedEntry() {
    }

    /** Packs the fields; {@code nameWords} are already upper-cased and split. */
    static byte[] pack(String id, String nik, String[] nameWords, int village) {
        boolean nameLatin1 = true;
        for (String w : nameWords) {
            nameLatin1 &= fitsLatin1(w);
        }
        int nameBytes = 0;
        for (String w : nameWords) {
            nameBytes += varintSize(w.length()) + (nameLatin1 ? 1 : 2) * w.length();
        }
        int nameHeader = nameBytes << 1 | (nameLatin1 ? 0 : UTF16);
        boolean digits = isSixteenDigits(nik);
        boolean uuid = isCanonicalUuid(id);
        int size = NIK + (digits ? 8 : textSize(nik)) + varintSize(nameHeader) + nameBytes + (uuid ? 16 : textSize(id));
        byte[] e = new byte[size];
        e[0] = (byte) ((uuid ? ID_UUID : 0) | (digits ? NIK_DIGITS : 0));
        setVillage(e, village);
        int pos;
        if (digits) {
            long bcd = 0;
            for (int i = 0; i < 16; i++) {
                bcd = bcd << 4 | (nik.charAt(i) - '0');
            }
            LONG.set(e, NIK, bcd);
            pos = NIK + 8;
        } else {
            pos = putText(e, NIK, nik);
        }
        pos = putVarint(e, pos, nameHeader);
        for (String w : nameWords) {
            pos = putVarint(e, pos, w.length());
            pos = putChars(e, pos, w, nameLatin1);
        }
        if (uuid) {
            UUID u = UUID.fromString(id);
            LONG.set(e, pos, u.getMostSignificantBits());
            LONG.set(e, pos + 8, u.getLeastSignificantBits());
        } else {
            putText(e, pos, id);
        }
        return e;
    }

    static int village(byte[] e) {
        return (e[1] & 0xFF) << 16 | (e[2] & 0xFF) << 8 | e[3] & 0xFF;
    }

    static void setVillage(byte[] e, int village) {
        if (village < 0 || village > VillageCodes.NONE) {
            throw new IllegalArgumentException("village number " + village);
        }
        e[1] = (byte) (village >>> 16);
        e[2] = (byte) (village >>> 8);
        e[3] = (byte) village;
    }

    /** The record id, materialised for a hit. */
    static String id(byte[] e) {
        if ((e[0] & ID_UUID) != 0) {
            int at = e.length - 16;
            return new UUID((long) LONG.get(e, at), (long) LONG.get(e, at + 8)).toString();
        }
        int name = nameAt(e);
        return text(e, name + varintSize(e, name) + (varint(e, name) >>> 1));
    }

    static boolean hasDigitNik(byte[] e) {
        return (e[0] & NIK_DIGITS) != 0;
    }

    /** The sixteen digits of a {@link #hasDigitNik digit NIK}, four bits each, the first highest. */
    static long nikDigits(byte[] e) {
        return (long) LONG.get(e, NIK);
    }

    static String nik(byte[] e) {
        if (!hasDigitNik(e)) {
            return text(e, NIK);
        }
        long bcd = nikDigits(e);
        char[] c = new char[16];
        for (int i = 15; i >= 0; i--) {
            c[i] = (char) ('0' + (bcd & 0xF));
            bcd >>>= 4;
        }
        return new String(c);
    }

    /** Where the name field starts: after the NIK. */
    static int nameAt(byte[] e) {
        return hasDigitNik(e) ? NIK + 8 : skipText(e, NIK);
    }

    static String[] nameWords(byte[] e) {
        int at = nameAt(e);
        int header = varint(e, at);
        int pos = at + varintSize(e, at);
        int end = pos + (header >>> 1);
        boolean utf16 = isUtf16(header);
        List<String> words = new ArrayList<>(4);
        while (pos < end) {
            int chars = varint(e, pos);
            pos += varintSize(e, pos);
            words.add(chars(e, pos, chars, utf16));
            pos += utf16 ? 2 * chars : chars;
        }
        return words.toArray(new String[0]);
    }

    private static boolean isSixteenDigits(String s) {
        if (s.length() != 16) {
            return false;
        }
        for (int i = 0; i < 16; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- fields

    /** The unsigned varint at {@code pos}. */
    static int varint(byte[] e, int pos) {
        int value = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = e[pos++];
            value |= (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
    }

    /** Bytes the varint at {@code pos} takes. */
    static int varintSize(byte[] e, int pos) {
        int n = 1;
        while (e[pos++] < 0) {
            n++;
        }
        return n;
    }

    static boolean isUtf16(int header) {
        return (header & UTF16) != 0;
    }

    /** Position just after the text field at {@code pos}. */
    static int skipText(byte[] e, int pos) {
        int h = varint(e, pos);
        return pos + varintSize(e, pos) + ((h >>> 1) << (h & UTF16));
    }

    static String text(byte[] e, int pos) {
        int h = varint(e, pos);
        return chars(e, pos + varintSize(e, pos), h >>> 1, isUtf16(h));
    }

    private static String chars(byte[] e, int from, int n, boolean utf16) {
        if (!utf16) {
            return new String(e, from, n, StandardCharsets.ISO_8859_1);
        }
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = (char) ((e[from + 2 * i] & 0xFF) << 8 | e[from + 2 * i + 1] & 0xFF);
        }
        return new String(c);
    }

    /** The string's chars in one byte each when they all fit in Latin-1, else {@code null}. */
    static byte[] latin1(String s) {
        byte[] out = new byte[s.length()];
        for (int i = 0; i < out.length; i++) {
            char c = s.charAt(i);
            if (c > 0xFF) {
                return null;
            }
            out[i] = (byte) c;
        }
        return out;
    }

    private static int textSize(String s) {
        return varintSize(s.length() << 1) + (fitsLatin1(s) ? s.length() : 2 * s.length());
    }

    private static int putText(byte[] e, int pos, String s) {
        boolean latin1 = fitsLatin1(s);
        return putChars(e, putVarint(e, pos, s.length() << 1 | (latin1 ? 0 : UTF16)), s, latin1);
    }

    private static int putChars(byte[] e, int pos, String s, boolean latin1) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (latin1) {
                e[pos++] = (byte) c;
            } else {
                e[pos++] = (byte) (c >>> 8);
                e[pos++] = (byte) c;
            }
        }
        return pos;
    }

    private static int putVarint(byte[] e, int pos, int value) {
        while ((value & ~0x7F) != 0) {
            e[pos++] = (byte) (value & 0x7F | 0x80);
            value >>>= 7;
        }
        e[pos++] = (byte) value;
        return pos;
    }

    private static boolean fitsLatin1(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    private static int varintSize(int value) {
        int n = 1;
        while ((value >>>= 7) != 0) {
            n++;
        }
        return n;
    }

    // ---------------------------------------------------------------- ids

    /**
     * The lower-case 8-4-4-4-12 form {@code UUID.toString()} gives, the form of every id the
     * station makes; anything else (a test's "R-1") is kept as text so it comes back unchanged.
     */
    static boolean isCanonicalUuid(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return false;
                }
            } else if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
