package id.rekam.identification;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The indexed people by slot: their ids as UTF-8 in one byte array, a mask of indexed fingers
 * and an open-addressing table from id to slot. A {@code String} per person in a
 * {@code HashMap<String, Integer>} cost ≈150 bytes beside a 36-character id; this costs the
 * id's bytes and ≈14 more. Slots are never reused: a person added again gets a new slot and
 * the old one is dead (the engine's postings name slots, and dead ones are dropped at a merge).
 * Not thread-safe: the engine guards it with its lock.
 */
final class PersonTable {

    private static final short ALIVE = (short) 0x8000;

    private byte[] idBytes = new byte[1 << 12];
    private int idEnd;
    /** {@code idStart[s]} to {@code idStart[s + 1]} is slot s's id. */
    private int[] idStart = new int[1025];
    private short[] mask = new short[1024];
    private int slots;
    private int alive;
    /** Slot + 1 per entry, 0 = empty; dead slots stay in it until the table grows. */
    private int[] table = new int[2048];

    int slots() {
        return slots;
    }

    int size() {
        return alive;
    }

    /** A new slot for this id (the caller took any previous one out first). */
    int add(String id) {
        byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
        int slot = slots++;
        if (slot == mask.length) {
            mask = Arrays.copyOf(mask, slot * 2);
            idStart = Arrays.copyOf(idStart, slot * 2 + 1);
        }
        if (idEnd + bytes.length > idBytes.length) {
            idBytes = Arrays.copyOf(idBytes, Math.max(idBytes.length * 2, idEnd + bytes.length));
        }
        System.arraycopy(bytes, 0, idBytes, idEnd, bytes.length);
        idEnd += bytes.length;
        idStart[slot + 1] = idEnd;
        mask[slot] = ALIVE;
        alive++;
        if (2L * slots > table.length) {
            rehash(table.length * 2);
        }
        insert(slot, hash(idBytes, idStart[slot], idEnd));
        return slot;
    }

    /** The alive slot of this id, or -1. */
    int slot(String id) {
        byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
        int m = table.length - 1;
        for (int i = hash(bytes, 0, bytes.length) & m; table[i] != 0; i = (i + 1) & m) {
            int s = table[i] - 1;
            if (mask[s] < 0 && Arrays.equals(idBytes, idStart[s], idStart[s + 1], bytes, 0, bytes.length)) {
                return s;
            }
        }
        return -1;
    }

    /** Takes the person out; returns the slot they had, or -1. */
    int remove(String id) {
        int s = slot(id);
        if (s >= 0) {
            mask[s] = 0;
            alive--;
        }
        return s;
    }

    void addFinger(int slot, int position) {
        mask[slot] |= (short) (1 << position);
    }

    boolean alive(int slot) {
        return mask[slot] < 0;
    }

    boolean hasFinger(int slot, int position) {
        return (mask[slot] & (1 << position)) != 0;
    }

    /** The indexed fingers' positions as bits (0 for a dead slot's). */
    int fingers(int slot) {
        return mask[slot] & 0x3FF;
    }

    String id(int slot) {
        return new String(idBytes, idStart[slot], idStart[slot + 1] - idStart[slot], StandardCharsets.UTF_8);
    }

    /** Slot s's id bytes (UTF-8) are {@code ids()[idStart(s)] .. ids()[idStart(s + 1)]}; appends never move them. */
    byte[] ids() {
        return idBytes;
    }

    int[] idStarts() {
        return idStart;
    }

    /** Orders slots by id (unsigned UTF-8 bytes, which is code point order). */
    int compare(int a, int b) {
        return Arrays.compareUnsigned(idBytes, idStart[a], idStart[a + 1], idBytes, idStart[b], idStart[b + 1]);
    }

    long heapBytes() {
        return idBytes.length + 4L * idStart.length + 2L * mask.length + 4L * table.length;
    }

    private void rehash(int capacity) {
        table = new int[capacity];
        for (int s = 0; s < slots - 1; s++) {
            if (mask[s] < 0) {
                insert(s, hash(idBytes, idStart[s], idStart[s + 1]));
            }
        }
    }

    private void insert(int slot, int hash) {
        int m = table.length - 1;
        int i = hash & m;
        while (table[i] != 0) {
            i = (i + 1) & m;
        }
        table[i] = slot + 1;
    }

    private static int hash(byte[] b, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        return (h ^ (h >>> 16)) * 0x9E3779B1 >>> 7;
    }
}
