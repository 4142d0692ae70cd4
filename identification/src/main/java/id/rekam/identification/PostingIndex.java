package id.rekam.identification;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * Inverted file from triangle buckets to the fingers filed under them: a compressed-row
 * layout (one {@code int} per posting, one offset per bucket) plus a small unsorted tail of
 * recent additions that is merged in when it grows too large ({@link #tailLarge()}), so adding
 * a person costs a few array appends; a bulk load fills the tail and merges once.
 *
 * <p>Keys are hashed into a fixed 2<sup>{@value #BUCKET_BITS}</sup> buckets: the triangle keys
 * actually used by fingers are far fewer, so sharing a bucket adds little noise, and a fixed
 * bucket count keeps a snapshot independent of the gallery's size. Not thread-safe: the
 * engine reads under a shared lock and writes under an exclusive one.
 */
final class PostingIndex {

    static final int BUCKET_BITS = 22;
    static final int BUCKETS = 1 << BUCKET_BITS;
    private static final int MIN_TAIL = 1 << 16;
    private static final int MAX_TAIL = 1 << 20;

    private int[] offsets = new int[BUCKETS + 1];
    private int[] postings = new int[0];
    private int[] tailBucket = new int[1024];
    private int[] tailFinger = new int[1024];
    private int tailSize;

    /** The sorted, distinct buckets of a finger's (or a probe's) keys. */
    static int[] buckets(int[] keys) {
        int[] b = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            b[i] = (keys[i] * 0x9E3779B1) >>> (32 - BUCKET_BITS);
        }
        Arrays.sort(b);
        int n = 0;
        for (int i = 0; i < b.length; i++) {
            if (n == 0 || b[i] != b[n - 1]) {
                b[n++] = b[i];
            }
        }
        return Arrays.copyOf(b, n);
    }

    /** Files a finger; merges the tail when it has grown large unless {@code bulk} (the caller merges at the end). */
    void add(int finger, int[] buckets, IntPredicate alive, boolean bulk) {
        if (tailSize + buckets.length > tailBucket.length) {
            int capacity = Math.max(tailBucket.length * 2, tailSize + buckets.length);
            tailBucket = Arrays.copyOf(tailBucket, capacity);
            tailFinger = Arrays.copyOf(tailFinger, capacity);
        }
        for (int b : buckets) {
            tailBucket[tailSize] = b;
            tailFinger[tailSize++] = finger;
        }
        if (!bulk && tailLarge()) {
            merge(alive);
        }
    }

    /**
     * Whether the tail should be folded in: every probe finger scans it whole, so it stays
     * under a sixteenth of the rows and under a million entries (a merge of a kecamatan's
     * 40 million postings takes about a second).
     */
    boolean tailLarge() {
        return tailSize > Math.max(MIN_TAIL, Math.min(postings.length / 16, MAX_TAIL));
    }

    /**
     * Adds one vote per shared bucket to every finger filed under the probe's buckets.
     *
     * @param probe     sorted distinct buckets of one probe finger
     * @param probeBits the same buckets as a bit set over all buckets, for the unsorted tail
     */
    void vote(int[] probe, long[] probeBits, short[] votes) {
        for (int b : probe) {
            for (int i = offsets[b], end = offsets[b + 1]; i < end; i++) {
                votes[postings[i]]++;
            }
        }
        for (int i = 0; i < tailSize; i++) {
            int b = tailBucket[i];
            if ((probeBits[b >>> 6] & (1L << b)) != 0) {
                votes[tailFinger[i]]++;
            }
        }
    }

    /**
     * Replaces the whole index with these fingers' buckets in one counting sort (restore from a
     * snapshot: no tail, no intermediate merges).
     *
     * @param byFinger per finger id its sorted buckets, or null
     */
    void rebuild(int[][] byFinger) {
        int[] count = new int[BUCKETS + 1];
        long total = 0;
        for (int[] buckets : byFinger) {
            if (buckets != null) {
                for (int b : buckets) {
                    count[b + 1]++;
                }
                total += buckets.length;
            }
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("index too large for one partition");
        }
        for (int b = 0; b < BUCKETS; b++) {
            count[b + 1] += count[b];
        }
        int[] next = new int[(int) total];
        int[] fill = Arrays.copyOf(count, BUCKETS);
        for (int f = 0; f < byFinger.length; f++) {
            if (byFinger[f] != null) {
                for (int b : byFinger[f]) {
                    next[fill[b]++] = f;
                }
            }
        }
        offsets = count;
        postings = next;
        tailSize = 0;
        tailBucket = new int[1024];
        tailFinger = new int[1024];
    }

    /** During a bulk load: merges when the tail outgrows the rows, so the total merge work stays linear. */
    void mergeIfDoubled(IntPredicate alive) {
        if (tailSize > Math.max(MIN_TAIL, postings.length)) {
            merge(alive);
        }
    }

    /** Rebuilds the compressed rows with the tail folded in, dropping fingers no longer alive. */
    void merge(IntPredicate alive) {
        int[] count = new int[BUCKETS + 1];
        int total = 0;
        for (int b = 0; b < BUCKETS; b++) {
            for (int i = offsets[b]; i < offsets[b + 1]; i++) {
                if (alive.test(postings[i])) {
                    count[b + 1]++;
                    total++;
                }
            }
        }
        for (int i = 0; i < tailSize; i++) {
            if (alive.test(tailFinger[i])) {
                count[tailBucket[i] + 1]++;
                total++;
            }
        }
        for (int b = 0; b < BUCKETS; b++) {
            count[b + 1] += count[b];
        }
        int[] next = new int[total];
        int[] fill = Arrays.copyOf(count, BUCKETS);
        for (int b = 0; b < BUCKETS; b++) {
            for (int i = offsets[b]; i < offsets[b + 1]; i++) {
                if (alive.test(postings[i])) {
                    next[fill[b]++] = postings[i];
                }
            }
        }
        for (int i = 0; i < tailSize; i++) {
            if (alive.test(tailFinger[i])) {
                next[fill[tailBucket[i]]++] = tailFinger[i];
            }
        }
        offsets = count;
        postings = next;
        tailSize = 0;
        tailBucket = new int[1024];
        tailFinger = new int[1024];
    }

    /**
     * Every alive finger's buckets, ascending, as {@code out[finger]} (null for fingers with
     * none). Folds the tail in first.
     */
    int[][] byFinger(int fingers, IntPredicate alive) {
        merge(alive);
        int[] count = new int[fingers];
        for (int f : postings) {
            count[f]++;
        }
        int[][] out = new int[fingers][];
        for (int f = 0; f < fingers; f++) {
            if (count[f] > 0) {
                out[f] = new int[count[f]];
            }
        }
        int[] fill = new int[fingers];
        for (int b = 0; b < BUCKETS; b++) {
            for (int i = offsets[b]; i < offsets[b + 1]; i++) {
                int f = postings[i];
                out[f][fill[f]++] = b;
            }
        }
        return out;
    }

    long postingCount() {
        return (long) postings.length + tailSize;
    }

    /** Bytes held by the arrays (what the index costs in heap beyond object headers). */
    long heapBytes() {
        return 4L * offsets.length + 4L * postings.length + 8L * tailBucket.length;
    }
}
