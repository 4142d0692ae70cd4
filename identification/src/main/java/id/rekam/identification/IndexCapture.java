package id.rekam.identification;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A consistent view of an engine's index, taken in a moment ({@link IdentificationEngine#capture()})
 * and written as a snapshot later ({@link #writeTo}) while the engine keeps checking and adding:
 * the pages are immutable and the people's ids are never moved, so the view costs a few
 * references and a slot order, not a copy of the index.
 */
public final class IndexCapture {

    private final PostingIndex.Page[] pages;
    private final byte[] ids;
    private final int[] idStarts;
    private final int[] order;
    private final short[] fingers;
    private final int[] rank;
    private final boolean identity;

    IndexCapture(PostingIndex.Page[] pages, PersonTable people) {
        this.pages = pages;
        this.ids = people.ids();
        this.idStarts = people.idStarts().clone();
        int slots = people.slots();
        java.util.List<Integer> alive = new java.util.ArrayList<>(people.size());
        boolean inOrder = true;
        for (int s = 0; s < slots; s++) {
            if (people.alive(s)) {
                inOrder &= alive.isEmpty() || people.compare(alive.get(alive.size() - 1), s) < 0;
                alive.add(s);
            }
        }
        if (!inOrder) {
            alive.sort(people::compare);
        }
        this.order = alive.stream().mapToInt(Integer::intValue).toArray();
        this.fingers = new short[order.length];
        this.rank = new int[slots];
        java.util.Arrays.fill(rank, -1);
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r;
            fingers[r] = (short) people.fingers(order[r]);
        }
        this.identity = inOrder && order.length == slots;
    }

    /** People in the snapshot. */
    public int people() {
        return order.length;
    }

    /** Writes the snapshot bytes (see {@link IdentificationEngine#snapshot()}); the caller seals them. */
    public void writeTo(OutputStream out) throws IOException {
        IndexSnapshot.write(this, out);
    }

    PostingIndex.Page[] pages() {
        return pages;
    }

    byte[] ids() {
        return ids;
    }

    int[] idStarts() {
        return idStarts;
    }

    /** Alive slots in id order. */
    int[] order() {
        return order;
    }

    /** Per entry of {@link #order()}, its indexed fingers as bits. */
    short[] fingers() {
        return fingers;
    }

    /** Per slot, its place in {@link #order()}, or -1 for a dead slot. */
    int[] rank() {
        return rank;
    }

    /** Whether every slot is alive and in id order: finger ids are already the snapshot's. */
    boolean identity() {
        return identity;
    }
}
