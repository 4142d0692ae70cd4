package id.rekam.identification;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Inverted file from triangle buckets to the fingers filed under them: compressed rows
 * ({@link PostingCodec}: sorted finger ids per bucket, Rice-coded gaps, ≈1.4 bytes a posting)
 * in 1,024 immutable pages, each with a sparse {@link BucketTable} of where its used buckets'
 * records start, plus a small unsorted tail of recent additions that is merged in when it grows
 * too large ({@link #tailLarge()}), so adding a person costs a few array appends; a bulk load
 * fills the tail and merges when it reaches {@link #BULK_MAX_TAIL}.
 *
 * <p>A merge rewrites one page at a time and drops the old page before the next, so it needs
 * one page's worth of extra memory, not a second copy of the index; pages are never changed in
 * place, so a {@link #pages() copy of the page table} stays a consistent view to write a
 * snapshot from while the index moves on.
 *
 * <p>Keys are hashed into a fixed 2<sup>{@value #BUCKET_BITS}</sup> buckets: the triangle keys
 * actually used by fingers are far fewer, so sharing a bucket adds little noise, and a fixed
 * bucket count keeps a snapshot independent of the gallery's size. Not thread-safe: the
 * engine reads under a shared lock and writes under an exclusive one.
 */
final class PostingIndex {

    static final int BUCKET_BITS = 22;
    static final int BUCKETS = 1 << BUCKET_BITS;
    /**
     * 1,024 pages of 4,096 buckets: a page's bytes (≈160 KB, the largest 202 KB, at 100,000
     * people; ≈330 KB at 200,000) stay under half of G1's smallest region (1 MB), so they are
     * ordinary objects; a larger page would be "humongous", each taking whole regions (a 650 KB
     * page wastes a third of its 1 MB region).
     */
    static final int PAGE_BITS = 12;
    static final int PAGE_BUCKETS = 1 << PAGE_BITS;
    static final int PAGES = BUCKETS / PAGE_BUCKETS;
    private static final int MIN_TAIL = 1 << 16;
    private static final int MAX_TAIL = 1 << 20;
    /**
     * A bulk load merges at the latest at 4 million tail entries (32 MB): doubling the tail with
     * the rows, as a merge-once load would, held 8 bytes a posting for half the index (≈450 MB at
     * 100,000 people) on top of the rows; past this size each merge rewrites the rows again, which
     * costs CPU (a few seconds at 100,000 people), not memory.
     */
    static final int BULK_MAX_TAIL = 1 << 22;

    /** One page of rows: its records ({@link PostingCodec}) and where each used bucket's record starts. */
    record Page(byte[] data, BucketTable buckets, int universe, long postings) {
        static final Page EMPTY = new Page(new byte[0], BucketTable.EMPTY, 1, 0);
        /** The record object (a 12-byte header and four fields: 32 bytes) and its data array's header (16). */
        static final int HEADERS = 32 + 16;
    }

    private final Page[] pages = new Page[PAGES];
    /** Recent additions: bucket in the high half, finger id in the low half (sorts by bucket, then finger). */
    private long[] tail = new long[1024];
    private int tailSize;
    private long rowPostings;
    /** Whether fingers were taken out since the rows were written (their postings are still in them). */
    private boolean removals;

    PostingIndex() {
        Arrays.fill(pages, Page.EMPTY);
    }

    /** An index of these pages (read from a snapshot), with no tail. */
    PostingIndex(Page[] restored) {
        if (restored.length != PAGES) {
            throw new IllegalArgumentException("wrong page count");
        }
        for (int p = 0; p < PAGES; p++) {
            pages[p] = restored[p];
            rowPostings += restored[p].postings();
        }
    }

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

    /** Files a finger; merges the tail when it has grown large unless {@code bulk} (see {@link #mergeIfLarge}). */
    void add(int finger, int[] buckets, IntPredicate alive, int universe, boolean bulk, ForkJoinPool pool) {
        if (tailSize + buckets.length > tail.length) {
            // doubling up to the bulk limit, then in eighths: a slice's overshoot of the limit
            // must not double a 32 MB array
            int grown = tail.length < BULK_MAX_TAIL ? tail.length * 2 : tail.length + tail.length / 8;
            tail = Arrays.copyOf(tail, Math.max(grown, tailSize + buckets.length));
        }
        for (int b : buckets) {
            tail[tailSize++] = ((long) b << 32) | finger;
        }
        if (!bulk && tailLarge()) {
            merge(alive, universe, pool);
        }
    }

    /** A finger was taken out: its postings are skipped by the caller now and dropped at the next merge. */
    void removed() {
        removals = true;
    }

    /**
     * Whether the tail should be folded in: every probe finger scans it whole, so it stays
     * under a sixteenth of the rows and under a million entries (a merge of a kecamatan's
     * 40 million postings takes about a second).
     */
    boolean tailLarge() {
        return tailSize > Math.max(MIN_TAIL, Math.min(rowPostings / 16, MAX_TAIL));
    }

    /** During a bulk load: merges when the tail outgrows the rows or reaches {@link #BULK_MAX_TAIL}. */
    void mergeIfLarge(IntPredicate alive, int universe, ForkJoinPool pool) {
        if (tailSize > Math.max(MIN_TAIL, Math.min(rowPostings, BULK_MAX_TAIL))) {
            // the load goes on: keep the tail's array for the next round instead of growing a new one
            long[] kept = tail;
            merge(alive, universe, pool);
            tail = kept;
        }
    }

    /**
     * Adds one vote per shared bucket to every finger filed under the probe's buckets.
     *
     * @param probe     sorted distinct buckets of one probe finger
     * @param probeBits the same buckets as a bit set over all buckets, for the unsorted tail
     * @param reader    the calling thread's record reader
     */
    void vote(int[] probe, long[] probeBits, short[] votes, PostingCodec.Reader reader) {
        for (int b : probe) {
            Page page = pages[b >>> PAGE_BITS];
            int from = page.buckets().start(b & (PAGE_BUCKETS - 1));
            if (from < 0) {
                continue;
            }
            reader.read(page.data(), from, page.data().length, page.universe());
            int[] fingers = reader.fingers();
            for (int i = 0, n = reader.count(); i < n; i++) {
                votes[fingers[i]]++;
            }
        }
        for (int i = 0; i < tailSize; i++) {
            long e = tail[i];
            int b = (int) (e >>> 32);
            if ((probeBits[b >>> 6] & (1L << b)) != 0) {
                votes[(int) e]++;
            }
        }
    }

    /**
     * Rewrites the rows with the tail folded in, dropping fingers no longer alive, page by page
     * on the pool (each old page is released as soon as its successor exists, so the extra
     * memory is a page per thread).
     *
     * @param universe finger ids are below this (the engine's slot count × fingers)
     */
    void merge(IntPredicate alive, int universe, ForkJoinPool pool) {
        if (tailSize == 0 && !removals) {
            return;
        }
        // without removals every posting is alive: no test per posting
        IntPredicate keep = removals ? alive : f -> true;
        int[] tailFrom = partitionByPage();
        pool.submit(() -> IntStream.range(0, PAGES).parallel().forEach(p -> {
            Arrays.sort(tail, tailFrom[p], tailFrom[p + 1]); // by bucket, then finger
            pages[p] = mergePage(p, tail, tailFrom[p], tailFrom[p + 1], keep, universe);
        })).join();
        long total = 0;
        for (Page page : pages) {
            total += page.postings();
        }
        rowPostings = total;
        removals = false;
        tailSize = 0;
        if (tail.length > 1024) {
            tail = new long[1024];
        }
    }

    /**
     * Groups the tail by page in place (one pass, swapping each entry into its page's range), so
     * each page's share is sorted on its own thread instead of the whole tail on one.
     *
     * @return where each page's entries start, and the tail's size last
     */
    private int[] partitionByPage() {
        int[] from = new int[PAGES + 1];
        for (int i = 0; i < tailSize; i++) {
            from[(int) (tail[i] >>> (32 + PAGE_BITS)) + 1]++;
        }
        for (int p = 0; p < PAGES; p++) {
            from[p + 1] += from[p];
        }
        int[] next = Arrays.copyOf(from, PAGES);
        for (int p = 0; p < PAGES; p++) {
            while (next[p] < from[p + 1]) {
                long e = tail[next[p]];
                int q = (int) (e >>> (32 + PAGE_BITS));
                if (q == p) {
                    next[p]++;
                } else {
                    tail[next[p]] = tail[next[q]];
                    tail[next[q]++] = e;
                }
            }
        }
        return from;
    }

    /** Page p rewritten with the sorted tail entries {@code tail[from..to)} (all in this page) folded in. */
    private Page mergePage(int p, long[] tail, int from, int to, IntPredicate alive, int universe) {
        Page old = pages[p];
        if (from == to && old.data().length == 0) {
            return Page.EMPTY;
        }
        PostingCodec.Reader reader = new PostingCodec.Reader();
        byte[] out = new byte[Math.max(1 << 12, old.data().length + 2 * (to - from))];
        int[] merged = new int[256];
        long pageStart = (long) p << PAGE_BITS;
        BucketTable.Builder table = new BucketTable.Builder();
        int at = 0;
        int lastWritten = -1;
        long postings = 0;
        int oldAt = 0;
        int oldBucket = PAGE_BUCKETS;
        if (old.data().length > 0) {
            oldAt = reader.read(old.data(), 0, old.data().length, old.universe());
            oldBucket = reader.bucketGap();
        }
        int t = from;
        while (true) {
            int tailBucket = t < to ? (int) ((tail[t] >>> 32) - pageStart) : PAGE_BUCKETS;
            int b = Math.min(oldBucket, tailBucket);
            if (b == PAGE_BUCKETS) {
                break;
            }
            int n = 0;
            if (oldBucket == b) {
                int[] fingers = reader.fingers();
                int count = reader.count();
                if (merged.length < count) {
                    merged = new int[Math.max(count, merged.length * 2)];
                }
                for (int i = 0; i < count; i++) {
                    if (alive.test(fingers[i])) {
                        merged[n++] = fingers[i];
                    }
                }
                if (oldAt < old.data().length) {
                    oldAt = reader.read(old.data(), oldAt, old.data().length, old.universe());
                    oldBucket = b + 1 + reader.bucketGap();
                } else {
                    oldBucket = PAGE_BUCKETS;
                }
            }
            boolean sorted = true;
            while (t < to && (tail[t] >>> 32) == pageStart + b) {
                int f = (int) tail[t++];
                if (alive.test(f)) {
                    if (n == merged.length) {
                        merged = Arrays.copyOf(merged, n * 2);
                    }
                    sorted &= n == 0 || merged[n - 1] < f;
                    merged[n++] = f;
                }
            }
            if (n == 0) {
                continue;
            }
            if (!sorted) {
                // the tail holds only fingers added after the rows were written, so this is a safeguard
                Arrays.sort(merged, 0, n);
            }
            int need = at + PostingCodec.maxBytes(n, universe);
            if (need > out.length) {
                out = Arrays.copyOf(out, Math.max(need, out.length * 2));
            }
            table.add(b, at);
            at = PostingCodec.encode(b - lastWritten - 1, merged, n, universe, out, at);
            lastWritten = b;
            postings += n;
        }
        return at == 0 ? Page.EMPTY : new Page(Arrays.copyOf(out, at), table.build(), universe, postings);
    }

    /** The pages as they are now; pages are immutable, so this stays a consistent view after later merges. */
    Page[] pages() {
        return pages.clone();
    }

    /** Whether the rows hold everything (no tail, nothing removed since): what a snapshot is written from. */
    boolean merged() {
        return tailSize == 0 && !removals;
    }

    long postingCount() {
        return rowPostings + tailSize;
    }

    /** Heap held by the index: the tail, the page table, every page's bytes and bucket table, headers included. */
    long heapBytes() {
        // the shared empty page counts once, however many pages are empty
        long bytes = 16 + 8L * tail.length + 16 + 4L * PAGES + Page.HEADERS + BucketTable.EMPTY.heapBytes();
        for (Page page : pages) {
            if (page != Page.EMPTY) {
                bytes += Page.HEADERS + page.data().length + page.buckets().heapBytes();
            }
        }
        return bytes;
    }

    /** Heap held by the pages' bucket tables (the shared empty one once): what locates records, beyond their bytes. */
    long bucketTableBytes() {
        long bytes = BucketTable.EMPTY.heapBytes();
        for (Page page : pages) {
            if (page != Page.EMPTY) {
                bytes += page.buckets().heapBytes();
            }
        }
        return bytes;
    }

    /** Buckets with a record in the rows (not counting the tail). */
    long usedBuckets() {
        long n = 0;
        for (Page page : pages) {
            n += page.buckets().size();
        }
        return n;
    }
}
