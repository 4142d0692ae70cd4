package id.rekam.core.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The kelurahan codes of the search index, each held once and named by a small number in the
 * packed entries: a station records a few kecamatan, so a few dozen codes serve 100,000 records.
 * Synchronized because snapshot chunks are decoded on two threads at once.
 */
final class VillageCodes {

    /** No kelurahan code; also the bound of the three bytes an entry has for the number. */
    static final int NONE = 0xFFFFFF;

    private final List<String> codes = new ArrayList<>();
    private final Map<String, Integer> numbers = new HashMap<>();

    /** The number of {@code code}, given it now if new; {@link #NONE} for {@code null}. */
    synchronized int number(String code) {
        if (code == null) {
            return NONE;
        }
        Integer known = numbers.get(code);
        if (known != null) {
            return known;
        }
        if (codes.size() == NONE) {
            throw new IllegalStateException("more kelurahan codes than an entry can number");
        }
        codes.add(code);
        numbers.put(code, codes.size() - 1);
        return codes.size() - 1;
    }

    /** The code numbered {@code number}; {@code null} for {@link #NONE}. */
    synchronized String code(int number) {
        return number == NONE ? null : codes.get(number);
    }
}
