package id.rekam.core.store;

import java.util.Arrays;

/**
 * The packed entries of the search index, newest first. Held oldest first in one array so that
 * a save appends (no shift of 100,000 references) and a scan walks it backwards. Not
 * synchronized: {@link SummaryIndex} guards it.
 */
final class PackedEntries {

    private byte[][] items;
    private int size;

    PackedEntries(int capacity) {
        items = new byte[Math.max(capacity, 16)][];
    }

    int size() {
        return size;
    }

    /** The {@code i}-th newest entry (0 = the newest). */
    byte[] newest(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return items[size - 1 - i];
    }

    /** Adds an entry newer than all before it. */
    void addNewest(byte[] entry) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size + (size >> 1) + 16);
        }
        items[size++] = entry;
    }
}
