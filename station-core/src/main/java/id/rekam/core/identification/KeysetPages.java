package id.rekam.core.identification;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Reads a whole table a page at a time by its text key (keyset paging: each page starts after
 * the last key of the one before), so loading every person's templates into an index never
 * holds them all in memory, and rows added meanwhile neither repeat nor shift the pages. Used by
 * the station's store and the server's templates table to feed the identification engine.
 *
 * @param <R> a row as the page query returns it
 * @param <T> what the iterator gives for a row (e.g. the row with its templates opened)
 */
public final class KeysetPages<R, T> implements Iterator<T> {

    /** One page: up to {@code limit} rows whose key is greater than {@code after}, in key order. */
    @FunctionalInterface
    public interface Page<R> {
        List<R> after(String after, int limit);
    }

    private final Page<R> page;
    private final Function<R, String> key;
    private final Function<R, T> open;
    private final int size;
    private List<R> rows = List.of();
    private int at;
    private String after = "";
    private boolean exhausted;

    public KeysetPages(Page<R> page, Function<R, String> key, Function<R, T> open, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("page size must be at least 1");
        }
        this.page = page;
        this.key = key;
        this.open = open;
        this.size = size;
    }

    @Override
    public boolean hasNext() {
        if (at < rows.size()) {
            return true;
        }
        if (exhausted) {
            return false;
        }
        rows = page.after(after, size);
        at = 0;
        exhausted = rows.size() < size;
        if (!rows.isEmpty()) {
            after = key.apply(rows.get(rows.size() - 1));
        }
        return !rows.isEmpty();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return open.apply(rows.get(at++));
    }
}
