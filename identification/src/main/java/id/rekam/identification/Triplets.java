package id.rekam.identification;

import java.util.Arrays;

/**
 * Index keys of a finger: triangles of neighbouring minutiae (after Germain, Califano and
 * Colville's FLASH and Bhanu and Tan's triplet indexing), described only by what survives
 * another impression of the same finger — rotation and displacement change nothing — and
 * quantised into one integer each.
 *
 * <p>Each minutia is joined with pairs of its nearest neighbours ({@value #STORED_NEIGHBOURS} for a
 * stored finger, {@value #NEIGHBOURS} for a probe: asymmetric, see {@link #STORED_NEIGHBOURS}). A
 * triangle is read clockwise from the vertex opposite its longest side; its key packs the
 * three side lengths ({@value #SIDE_BIN} px bins) and, per vertex, the minutia's direction
 * relative to the side leaving it ({@value #ANGLE_BINS} bins). A stored finger keeps one key
 * per triangle; a probe asks for every key its triangle could have had in another
 * impression: a value near a bin border asks for the neighbouring bin too, and a triangle
 * whose two longest sides are almost equal is also read from the other vertex.
 */
final class Triplets {

    /** A probe joins each minutia with pairs of this many nearest neighbours (six pairs). */
    static final int NEIGHBOURS = 4;
    /**
     * A stored finger joins each minutia with pairs of only this many (three pairs): half the
     * triangles, so half the index's memory, and each stored triangle is still one the probe
     * builds, because a minutia's three nearest neighbours are among its four nearest. Measured
     * on 12,500 simulated people (docs/benchmarks.md, "Fewer stored triangles"): every
     * re-enrolment still ranked first, the true person's votes at least 2.5 times the best
     * other person's (2.8 with four); with two neighbours the margin fell to 1.6.
     */
    static final int STORED_NEIGHBOURS = 3;
    static final double SIDE_BIN = 10;
    static final double MIN_SIDE = 12;
    static final double MAX_SIDE = 150;
    static final int ANGLE_BINS = 16;
    /** Share of a bin near its border where a probe also asks for the neighbouring bin. */
    static final double MARGIN = 0.25;
    /** Collinear minutiae have no stable clockwise order: the apex must stand off the longest side. */
    static final double MIN_HEIGHT = 6;
    /** Two longest sides closer than this are ambiguous: the probe reads the triangle both ways. */
    static final double SIDE_TIE = 6;

    static final int SIDE_BINS = (int) Math.ceil(MAX_SIDE / SIDE_BIN) + 1;
    /** Per key digit (three sides, three angles): its base, and its weight in the key. */
    private static final int[] RADIX = {SIDE_BINS, SIDE_BINS, SIDE_BINS, ANGLE_BINS, ANGLE_BINS, ANGLE_BINS};
    private static final int[] WEIGHT = new int[6];

    static {
        int w = 1;
        for (int d = 5; d >= 0; d--) {
            WEIGHT[d] = w;
            w *= RADIX[d];
        }
    }
    /** Keys are integers below this (16.7 million; the index files them into fewer buckets). */
    static final int KEY_SPACE = SIDE_BINS * SIDE_BINS * SIDE_BINS * ANGLE_BINS * ANGLE_BINS * ANGLE_BINS;

    private Triplets() {
    }

    /** The sorted, distinct keys a stored finger is filed under. */
    static int[] stored(Minutiae m) {
        return keys(m, false);
    }

    /** The sorted, distinct keys to look up for a probe finger (with the tolerance variants). */
    static int[] probe(Minutiae m) {
        return keys(m, true);
    }

    private static int[] keys(Minutiae m, boolean probe) {
        int n = m.size();
        int[][] neighbours = neighbours(m, probe ? NEIGHBOURS : STORED_NEIGHBOURS);
        KeySink sink = new KeySink(probe ? 4096 : 256);
        for (int i = 0; i < n; i++) {
            int[] nb = neighbours[i];
            for (int a = 0; a < nb.length; a++) {
                for (int b = a + 1; b < nb.length; b++) {
                    // each triangle once: from its lowest-numbered vertex that lists the other two
                    int j = nb[a];
                    int k = nb[b];
                    if (!firstSeenFrom(i, j, k, neighbours)) {
                        continue;
                    }
                    triangle(m, i, j, k, probe, sink);
                }
            }
        }
        return sink.distinctSorted();
    }

    /** Whether (i, j, k) is enumerated first from i: no lower vertex of it lists the other two. */
    private static boolean firstSeenFrom(int i, int j, int k, int[][] neighbours) {
        if (j < i && lists(neighbours[j], i, k)) {
            return false;
        }
        return !(k < i && lists(neighbours[k], i, j));
    }

    private static boolean lists(int[] nb, int p, int q) {
        boolean hasP = false;
        boolean hasQ = false;
        for (int v : nb) {
            hasP |= v == p;
            hasQ |= v == q;
        }
        return hasP && hasQ;
    }

    private static int[][] neighbours(Minutiae m, int wanted) {
        int n = m.size();
        int[][] out = new int[n][];
        long[] order = new long[n];
        for (int i = 0; i < n; i++) {
            int count = 0;
            for (int j = 0; j < n; j++) {
                double d = dist(m, i, j);
                if (j != i && d >= MIN_SIDE && d <= MAX_SIDE) {
                    // distance in 1/16 px above the index: one primitive sort orders by distance, then index
                    order[count++] = ((long) (d * 16) << 20) | j;
                }
            }
            Arrays.sort(order, 0, count);
            int[] nb = new int[Math.min(wanted, count)];
            for (int r = 0; r < nb.length; r++) {
                nb[r] = (int) (order[r] & 0xFFFFF);
            }
            out[i] = nb;
        }
        return out;
    }

    private static void triangle(Minutiae m, int i, int j, int k, boolean probe, KeySink sink) {
        int[] v = {i, j, k};
        double cross = (m.x()[j] - m.x()[i]) * (double) (m.y()[k] - m.y()[i])
                - (m.y()[j] - m.y()[i]) * (double) (m.x()[k] - m.x()[i]);
        if (cross < 0) {
            v[1] = k;
            v[2] = j;
        }
        double[] opposite = new double[3];
        double longest = 0;
        for (int s = 0; s < 3; s++) {
            opposite[s] = dist(m, v[(s + 1) % 3], v[(s + 2) % 3]);
            longest = Math.max(longest, opposite[s]);
        }
        if (longest > MAX_SIDE || Math.abs(cross) / longest < MIN_HEIGHT) {
            return;
        }
        for (int start = 0; start < 3; start++) {
            boolean canonical = opposite[start] == longest && isFirstLongest(opposite, start);
            boolean tie = probe && opposite[start] >= longest - SIDE_TIE;
            if (canonical || tie) {
                emit(m, v[start], v[(start + 1) % 3], v[(start + 2) % 3], probe, sink);
            }
        }
    }

    private static boolean isFirstLongest(double[] opposite, int start) {
        for (int s = 0; s < start; s++) {
            if (opposite[s] == opposite[start]) {
                return false;
            }
        }
        return true;
    }

    private static void emit(Minutiae m, int v0, int v1, int v2, boolean probe, KeySink sink) {
        double[] f = {
                dist(m, v1, v2) / SIDE_BIN,
                dist(m, v2, v0) / SIDE_BIN,
                dist(m, v0, v1) / SIDE_BIN,
                relative(m, v0, v1) * ANGLE_BINS / (2 * Math.PI),
                relative(m, v1, v2) * ANGLE_BINS / (2 * Math.PI),
                relative(m, v2, v0) * ANGLE_BINS / (2 * Math.PI)};
        int[] lo = new int[6];
        int[] alt = new int[6];
        for (int d = 0; d < 6; d++) {
            boolean angle = d >= 3;
            int bins = angle ? ANGLE_BINS : SIDE_BINS;
            int bin = (int) Math.floor(f[d]);
            double frac = f[d] - bin;
            lo[d] = wrap(bin, bins, angle);
            if (lo[d] < 0) {
                return;
            }
            alt[d] = -1;
            if (probe) {
                if (frac < MARGIN) {
                    alt[d] = wrap(bin - 1, bins, angle);
                } else if (frac > 1 - MARGIN) {
                    alt[d] = wrap(bin + 1, bins, angle);
                }
            }
        }
        int key = 0;
        int alternatives = 0;
        int[] altDims = new int[6];
        for (int d = 0; d < 6; d++) {
            key = key * RADIX[d] + lo[d];
            if (alt[d] >= 0) {
                altDims[alternatives++] = d;
            }
        }
        sink.add(key);
        // a probe also asks for every combination of own / neighbouring bin where a value is near a border
        for (int mask = 1; mask < 1 << alternatives; mask++) {
            int variant = key;
            for (int a = 0; a < alternatives; a++) {
                if ((mask >> a & 1) != 0) {
                    int d = altDims[a];
                    variant += (alt[d] - lo[d]) * WEIGHT[d];
                }
            }
            sink.add(variant);
        }
    }

    private static int wrap(int bin, int bins, boolean circular) {
        if (circular) {
            return Math.floorMod(bin, bins);
        }
        return bin < 0 || bin >= bins ? -1 : bin;
    }

    /** Direction of minutia a relative to the side from a to b, in [0, 2π). */
    private static double relative(Minutiae m, int a, int b) {
        double side = Math.atan2(m.y()[b] - m.y()[a], m.x()[b] - m.x()[a]);
        double r = m.direction()[a] - side;
        r %= 2 * Math.PI;
        return r < 0 ? r + 2 * Math.PI : r;
    }

    private static double dist(Minutiae m, int a, int b) {
        double dx = m.x()[a] - m.x()[b];
        double dy = m.y()[a] - m.y()[b];
        return Math.sqrt(dx * dx + dy * dy);
    }

    /** A growable int list that ends sorted and distinct. */
    private static final class KeySink {
        private int[] keys;
        private int size;

        KeySink(int capacity) {
            keys = new int[capacity];
        }

        void add(int key) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
            }
            keys[size++] = key;
        }

        int[] distinctSorted() {
            Arrays.sort(keys, 0, size);
            int n = 0;
            for (int i = 0; i < size; i++) {
                if (n == 0 || keys[i] != keys[n - 1]) {
                    keys[n++] = keys[i];
                }
            }
            return Arrays.copyOf(keys, n);
        }
    }
}
