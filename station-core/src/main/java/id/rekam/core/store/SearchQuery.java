package id.rekam.core.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A search of the records screen, tested against {@link PackedEntry packed entries} without
 * turning them back into strings. The rules are those the index had over {@code String}s: the
 * query stripped and upper-cased (Locale.ROOT); empty matches everything; all digits match NIKs
 * containing them; otherwise every whitespace-separated word of the query must start a word of
 * the (upper-cased) name.
 *
 * <p>Entries in Latin-1 (nearly all: names and NIKs of the station's area) are compared byte by
 * byte against the query's Latin-1 bytes; a query char above U+00FF cannot occur in such an
 * entry, so that entry cannot match. The rare UTF-16 name or NIK is turned back into strings
 * and compared as before.
 */
final class SearchQuery {

    private enum Kind { ALL, NIK, NAME }

    private final Kind kind;
    /** NIK digits, or the words of a name query. */
    private final String[] words;
    /** The same in Latin-1; {@code null} when any has a char above U+00FF. */
    private final byte[][] latin1;
    /** A NIK query as half bytes, for {@link PackedEntry#hasDigitNik digit NIKs}; -1 digits: none match. */
    private final int digitCount;
    private final long digitPattern;
    private final long digitMask;

    private SearchQuery(Kind kind, String[] words) {
        this.kind = kind;
        this.words = words;
        byte[][] bytes = new byte[words.length][];
        for (int i = 0; i < words.length; i++) {
            bytes[i] = PackedEntry.latin1(words[i]);
            if (bytes[i] == null) {
                bytes = null;
                break;
            }
        }
        this.latin1 = bytes;
        String digits = kind == Kind.NIK ? words[0] : "";
        long pattern = 0;
        int count = digits.length() <= 16 ? digits.length() : -1;
        for (int i = 0; i < digits.length() && count >= 0; i++) {
            char c = digits.charAt(i);
            count = c >= '0' && c <= '9' ? count : -1;
            pattern = pattern << 4 | (c - '0') & 0xF;
        }
        this.digitCount = count;
        this.digitPattern = pattern;
        this.digitMask = count == 16 ? -1L : (1L << 4 * Math.max(count, 0)) - 1;
    }

    static SearchQuery of(String query) {
        String q = query == null ? "" : query.strip().toUpperCase(Locale.ROOT);
        if (q.isEmpty()) {
            return new SearchQuery(Kind.ALL, new String[0]);
        }
        if (q.chars().allMatch(Character::isDigit)) {
            return new SearchQuery(Kind.NIK, new String[] {q});
        }
        // No word is empty: strip() removed every leading whitespace char \s could match first.
        return new SearchQuery(Kind.NAME, q.split("\\s+"));
    }

    /**
     * Ids of the newest entries this query matches, at most {@code limit}. One loop per kind of
     * query rather than a test per entry, so that each loop is compiled for its own case.
     */
    List<String> matching(PackedEntries entries, int limit) {
        List<String> hits = new ArrayList<>();
        int n = entries.size();
        switch (kind) {
            case ALL -> {
                for (int i = 0; i < n && hits.size() < limit; i++) {
                    hits.add(PackedEntry.id(entries.newest(i)));
                }
            }
            case NIK -> {
                for (int i = 0; i < n && hits.size() < limit; i++) {
                    byte[] e = entries.newest(i);
                    if (nikContains(e)) {
                        hits.add(PackedEntry.id(e));
                    }
                }
            }
            case NAME -> {
                for (int i = 0; i < n && hits.size() < limit; i++) {
                    byte[] e = entries.newest(i);
                    if (nameMatches(e)) {
                        hits.add(PackedEntry.id(e));
                    }
                }
            }
        }
        return hits;
    }

    private boolean nikContains(byte[] e) {
        if (PackedEntry.hasDigitNik(e)) {
            return digitsContain(PackedEntry.nikDigits(e));
        }
        int h = PackedEntry.varint(e, PackedEntry.NIK);
        if (PackedEntry.isUtf16(h)) {
            return PackedEntry.nik(e).contains(words[0]);
        }
        if (latin1 == null) {
            return false;
        }
        int from = PackedEntry.NIK + PackedEntry.varintSize(e, PackedEntry.NIK);
        return indexOf(e, from, from + (h >>> 1), latin1[0]) >= 0;
    }

    /**
     * Whether the sixteen digits (four bits each, first highest) contain the query's digits: the
     * query's half bytes compared at each of the 17 − length places. A query of other digits
     * (Arabic-Indic, say) or longer than sixteen is in no such NIK.
     */
    private boolean digitsContain(long nik) {
        if (digitCount < 0) {
            return false;
        }
        for (int shift = 64 - 4 * digitCount; shift >= 0; shift -= 4) {
            if ((nik >>> shift & digitMask) == digitPattern) {
                return true;
            }
        }
        return false;
    }

    private boolean nameMatches(byte[] e) {
        int at = PackedEntry.nameAt(e);
        int h = e[at];
        int from = at + 1;
        if (h < 0) {
            // A name of 64 bytes or more: a longer header.
            h = PackedEntry.varint(e, at);
            from = at + PackedEntry.varintSize(e, at);
        }
        if (PackedEntry.isUtf16(h)) {
            return nameMatches(PackedEntry.nameWords(e));
        }
        if (latin1 == null) {
            return false;
        }
        int end = from + (h >>> 1);
        for (byte[] w : latin1) {
            if (!wordStarts(e, from, end, w)) {
                return false;
            }
        }
        return true;
    }

    /** The rare UTF-16 name, as the strings were matched. */
    private boolean nameMatches(String[] nameWords) {
        for (String w : words) {
            boolean found = false;
            for (String n : nameWords) {
                if (n.startsWith(w)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a word of the Latin-1 name in {@code e[from, end)} (each word: its length, then its
     * bytes) starts with {@code w}: a jump from word to word, a byte compared only where the
     * word is long enough.
     */
    private static boolean wordStarts(byte[] e, int from, int end, byte[] w) {
        int p = from;
        byte first = w[0];
        while (p < end) {
            int length = e[p];
            if (length >= 0) {
                p++;
            } else {
                length = PackedEntry.varint(e, p);
                p += PackedEntry.varintSize(e, p);
            }
            if (length >= w.length && e[p] == first && startsWith(e, p, w)) {
                return true;
            }
            p += length;
        }
        return false;
    }

    private static int indexOf(byte[] e, int from, int end, byte[] w) {
        for (int p = from, last = end - w.length; p <= last; p++) {
            if (startsWith(e, p, w)) {
                return p;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] e, int at, byte[] w) {
        for (int i = 0; i < w.length; i++) {
            if (e[at + i] != w[i]) {
                return false;
            }
        }
        return true;
    }
}
