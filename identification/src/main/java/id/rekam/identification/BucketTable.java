package id.rekam.identification;

import java.util.Arrays;

/**
 * Where each used bucket's record starts in one page of rows: a bit per bucket of the page
 * (set when it has a record), the count of set bits before each 64-bucket word (its rank), and
 * the start of every record in bucket order. A bucket's record is
 * {@code starts[rank[w] + bitCount(bits below it in word w)]}.
 *
 * <p>Why not an {@code int} per bucket: of the 4.2 million buckets only ≈0.6 million hold a
 * posting (14,750 distinct SIMULATED people), so a dense table was 16.8 MB of which most said
 * "empty"; here a page costs 712 bytes (bitmap, ranks, headers) plus 4 per used bucket, 3.2 MB
 * for the whole index. Why not a sorted list of used buckets with a binary search: it costs
 * 6 bytes a used bucket against 4 + 1.2 here (a page's 712 bytes over its ≈600), and where
 * the rank finds a bucket, used or not, with two array reads and a popcount, the search makes
 * ≈9 dependent comparisons for each of the ≈1,650 buckets a probe finger asks for.
 *
 * <p>Immutable once built, like the page it belongs to.
 */
final class BucketTable {

    private static final int WORDS = PostingIndex.PAGE_BUCKETS / 64;
    /** This object (a 12-byte header, three references: 24 bytes) and its three arrays' headers (16 each). */
    private static final int HEADERS = 24 + 3 * 16;
    /** A page without records; shared by every empty page. */
    static final BucketTable EMPTY = new Builder().build();

    private final long[] used;
    /** Per word, the used buckets before it; fits a {@code char} because a page has 4,096 buckets. */
    private final char[] rank;
    private final int[] starts;

    private BucketTable(long[] used, char[] rank, int[] starts) {
        this.used = used;
        this.rank = rank;
        this.starts = starts;
    }

    /** Where local bucket {@code bucket}'s record starts in the page's bytes, or -1 when it has none. */
    int start(int bucket) {
        long word = used[bucket >>> 6];
        long bit = 1L << bucket; // a long shift takes the low 6 bits: the bucket within its word
        if ((word & bit) == 0) {
            return -1;
        }
        return starts[rank[bucket >>> 6] + Long.bitCount(word & (bit - 1))];
    }

    /** Buckets with a record. */
    int size() {
        return starts.length;
    }

    /** Heap held by this table, headers included. */
    long heapBytes() {
        return HEADERS + 8L * used.length + 2L * rank.length + 4L * starts.length;
    }

    /**
     * Collects a page's records in bucket order, as a merge writes them or a restore reads them;
     * used once ({@link #build()} hands its bitmap to the table).
     */
    static final class Builder {
        private final long[] used = new long[WORDS];
        private int[] starts = new int[64];
        private int n;
        private int last = -1;

        /**
         * Notes that local bucket {@code bucket} has a record starting at {@code start}.
         *
         * @throws IllegalArgumentException buckets not ascending or outside the page (a malformed snapshot)
         */
        void add(int bucket, int start) {
            if (bucket <= last || bucket >= PostingIndex.PAGE_BUCKETS) {
                throw new IllegalArgumentException("bucket out of order or outside its page");
            }
            last = bucket;
            used[bucket >>> 6] |= 1L << bucket;
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
            }
            starts[n++] = start;
        }

        BucketTable build() {
            char[] rank = new char[WORDS];
            int before = 0;
            for (int w = 0; w < WORDS; w++) {
                rank[w] = (char) before;
                before += Long.bitCount(used[w]);
            }
            return new BucketTable(used, rank, Arrays.copyOf(starts, n));
        }
    }
}
