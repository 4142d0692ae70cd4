package id.rekam.identification;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compressed rows lose no posting: every vote matches a plain list of (finger, buckets)
 * through additions to the tail, merges, removals and a snapshot round trip.
 */
class PostingIndexTest {

    private static final int FINGERS = IdentificationEngine.FINGERS;
    private static final java.util.concurrent.ForkJoinPool POOL = new java.util.concurrent.ForkJoinPool(2);
    private static final int PAGE = PostingIndex.PAGE_BUCKETS;
    /** A non-empty page's bucket table without its entries: bitmap and ranks (640 bytes) and headers (72). */
    private static final long TABLE_PAGE = 712;

    /** A gallery of random fingers with buckets skewed like triangles' (a few buckets are popular). */
    private static final class Gallery {
        final Random random = new Random(2035);
        final Map<Integer, int[]> buckets = new HashMap<>();
        final BitSet dead = new BitSet();
        final PersonTable people = new PersonTable();
        final PostingIndex index = new PostingIndex();

        int[] randomBuckets() {
            int[] keys = new int[60 + random.nextInt(80)];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = random.nextInt(4) == 0 ? random.nextInt(50) : random.nextInt(Triplets.KEY_SPACE);
            }
            return PostingIndex.buckets(keys);
        }

        void addPerson(String id, boolean bulk) {
            addPerson(id, bulk, this::randomBuckets);
        }

        /** Adds a person whose fingers are filed under what {@code fingerBuckets} gives (sorted, distinct). */
        void addPerson(String id, boolean bulk, Supplier<int[]> fingerBuckets) {
            int slot = people.add(id);
            for (int p = 0; p < FINGERS; p++) {
                if (random.nextInt(10) == 0) {
                    continue; // an exception: no print at this position
                }
                int[] b = fingerBuckets.get();
                people.addFinger(slot, p);
                buckets.put(slot * FINGERS + p, b);
                index.add(slot * FINGERS + p, b, this::alive, people.slots() * FINGERS, bulk, POOL);
            }
        }

        void removePerson(String id) {
            int slot = people.remove(id);
            for (int p = 0; p < FINGERS; p++) {
                dead.set(slot * FINGERS + p);
            }
            index.removed();
        }

        boolean alive(int finger) {
            return people.hasFinger(finger / FINGERS, finger % FINGERS);
        }

        /** Votes of the index against the plain lists, for alive fingers, for a few probes. */
        void assertVotes(PostingIndex under, int slots) {
            for (int probe = 0; probe < 5; probe++) {
                assertVotes(under, slots, randomBuckets());
            }
        }

        /** Votes of the index for this probe (sorted, distinct buckets) against the plain lists. */
        void assertVotes(PostingIndex under, int slots, int[] asked) {
            BitSet set = new BitSet();
            for (int b : asked) {
                set.set(b);
            }
            short[] votes = vote(under, slots, asked);
            for (Map.Entry<Integer, int[]> e : buckets.entrySet()) {
                if (dead.get(e.getKey())) {
                    continue;
                }
                int expected = 0;
                for (int b : e.getValue()) {
                    expected += set.get(b) ? 1 : 0;
                }
                assertThat(votes[e.getKey()]).as("finger %d", e.getKey()).isEqualTo((short) expected);
            }
        }

        /** The distinct buckets of the alive fingers: what the rows' bucket tables must hold after a merge. */
        long aliveBuckets() {
            BitSet used = new BitSet(PostingIndex.BUCKETS);
            buckets.forEach((finger, b) -> {
                if (!dead.get(finger)) {
                    for (int x : b) {
                        used.set(x);
                    }
                }
            });
            return used.cardinality();
        }
    }

    private static short[] vote(PostingIndex index, int slots, int[] asked) {
        long[] bits = new long[PostingIndex.BUCKETS / 64];
        for (int b : asked) {
            bits[b >>> 6] |= 1L << b;
        }
        short[] votes = new short[slots * FINGERS];
        index.vote(asked, bits, votes, new PostingCodec.Reader());
        return votes;
    }

    /** The restored index gives every person's fingers, found by id, the votes the original gives. */
    private static void assertSameVotes(Gallery g, IndexSnapshot.Restored restored, List<String> ids, int[] asked) {
        short[] before = vote(g.index, g.people.slots(), asked);
        short[] after = vote(restored.index(), restored.people().slots(), asked);
        for (String id : ids) {
            int was = g.people.slot(id);
            int is = restored.people().slot(id);
            if (was < 0) {
                assertThat(is).isEqualTo(-1);
                continue;
            }
            for (int p = 0; p < FINGERS; p++) {
                assertThat(after[is * FINGERS + p]).as("%s finger %d", id, p).isEqualTo(before[was * FINGERS + p]);
            }
        }
    }

    @Test
    void everyPostingVotesThroughTailMergesAndRemovals() {
        Gallery g = new Gallery();
        for (int i = 0; i < 800; i++) {
            g.addPerson("p" + i, true);
            if (i % 100 == 99) {
                g.index.mergeIfLarge(g::alive, g.people.slots() * FINGERS, POOL);
            }
        }
        g.index.merge(g::alive, g.people.slots() * FINGERS, POOL);
        g.assertVotes(g.index, g.people.slots());
        long merged = g.index.postingCount();
        assertThat(merged).isEqualTo(g.buckets.values().stream().mapToLong(b -> b.length).sum());

        // some in the tail, some removed, someone added again under the same id
        for (int i = 800; i < 900; i++) {
            g.addPerson("p" + i, false);
        }
        g.removePerson("p17");
        g.removePerson("p850");
        g.removePerson("p3");
        g.addPerson("p3", false);
        g.assertVotes(g.index, g.people.slots());
        g.index.merge(g::alive, g.people.slots() * FINGERS, POOL);
        assertThat(g.index.merged()).isTrue();
        g.assertVotes(g.index, g.people.slots());
        assertThat(g.index.postingCount()).as("removed people's postings dropped at the merge").isEqualTo(
                g.buckets.entrySet().stream().filter(e -> !g.dead.get(e.getKey())).mapToLong(e -> e.getValue().length).sum());
        // these random buckets are far sparser than triangles' (≈1.4 bytes a posting on real prints)
        assertThat(g.index.heapBytes() - g.index.bucketTableBytes())
                .as("less than an int a posting beyond the bucket tables").isLessThan(4 * g.index.postingCount());
        assertThat(g.index.usedBuckets()).as("a table entry per used bucket, none for removed fingers' buckets")
                .isEqualTo(g.aliveBuckets());
        assertThat(g.index.bucketTableBytes()).as("the tables follow the used buckets, not all 4.2 million")
                .isEqualTo(TABLE_PAGE * (PostingIndex.PAGES + 1) + 4 * g.index.usedBuckets());
    }

    @Test
    void aSnapshotRestoresTheSameRowsReadInDribbles() throws IOException {
        Gallery g = new Gallery();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add("id-" + (char) ('a' + g.random.nextInt(26)) + i); // added out of id order
            g.addPerson(ids.get(i), false);
        }
        g.removePerson(ids.get(5));
        IndexCapture capture = new IndexCapture(mergedPages(g), g.people);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        capture.writeTo(bytes);

        IndexSnapshot.Restored restored = IndexSnapshot.read(dribble(bytes.toByteArray()));
        assertThat(restored.people().size()).isEqualTo(299);
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        new IndexCapture(restored.index().pages(), restored.people()).writeTo(again);
        assertThat(again.toByteArray()).as("the restored index writes the same snapshot").isEqualTo(bytes.toByteArray());

        // the same votes, by id and position, before and after
        for (int probe = 0; probe < 5; probe++) {
            assertSameVotes(g, restored, ids, g.randomBuckets());
        }
    }

    /** Page 5 gets every one of its buckets, page 7 none; page 9 and the index's last bucket only "edge-3"'s fingers. */
    private static final int FULL = 5;
    private static final int EMPTY = 7;
    private static final int LONE = 9;
    /** First and last buckets of pages and of 64-bucket words, around the full and the empty page and at the index's ends. */
    private static final int[] EDGES = {0, 1, 63, 64, PAGE - 1, PAGE, PAGE + 1, 2 * PAGE - 1,
            FULL * PAGE - 1, FULL * PAGE, (FULL + 1) * PAGE - 1, (FULL + 1) * PAGE,
            EMPTY * PAGE - 1, (EMPTY + 1) * PAGE, PostingIndex.BUCKETS - PAGE, PostingIndex.BUCKETS - 2};

    @Test
    void bucketsAtPageEdgesAFullPageAndAnEmptyPageVoteExactlyThroughMergesRemovalsAndASnapshot() throws IOException {
        Gallery g = new Gallery();
        int[] fingerNo = {0};
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String id = "edge-" + i;
            ids.add(id);
            // person 3 alone is filed under page LONE and the index's very last bucket
            g.addPerson(id, true, () -> edgeBuckets(g.random, fingerNo[0]++, id.equals("edge-3")));
        }
        int[] asked = edgeProbe(g.random);
        g.assertVotes(g.index, g.people.slots(), asked); // all in the tail
        g.index.merge(g::alive, g.people.slots() * FINGERS, POOL);
        g.assertVotes(g.index, g.people.slots(), asked);
        PostingIndex.Page[] pages = g.index.pages();
        assertThat(pages[FULL].buckets().size()).as("every bucket of the full page").isEqualTo(PAGE);
        assertThat(pages[EMPTY]).as("no bucket of the empty page").isSameAs(PostingIndex.Page.EMPTY);
        assertThat(pages[LONE].buckets().size()).isPositive();
        assertThat(pages[PostingIndex.PAGES - 1].buckets().start(PAGE - 1)).isNotNegative();
        assertThat(g.index.usedBuckets()).isEqualTo(g.aliveBuckets());

        // the only fingers under page LONE and the last bucket go: the merge must leave no entry for them
        g.removePerson("edge-3");
        g.removePerson("edge-40");
        g.assertVotes(g.index, g.people.slots(), asked);
        g.index.merge(g::alive, g.people.slots() * FINGERS, POOL);
        g.assertVotes(g.index, g.people.slots(), asked);
        pages = g.index.pages();
        assertThat(pages[LONE]).as("a page whose every posting was removed is empty again").isSameAs(PostingIndex.Page.EMPTY);
        assertThat(pages[PostingIndex.PAGES - 1].buckets().start(PAGE - 1)).isEqualTo(-1);
        assertThat(g.index.usedBuckets()).isEqualTo(g.aliveBuckets());

        // more people, some in the tail on top of the rows, one merged in again
        for (int i = 60; i < 80; i++) {
            String id = "edge-" + i;
            ids.add(id);
            g.addPerson(id, false, () -> edgeBuckets(g.random, fingerNo[0]++, false));
        }
        g.addPerson("edge-3", false, () -> edgeBuckets(g.random, fingerNo[0]++, true));
        g.assertVotes(g.index, g.people.slots(), asked);
        IndexCapture capture = new IndexCapture(mergedPages(g), g.people);
        g.assertVotes(g.index, g.people.slots(), asked);
        assertThat(g.index.pages()[LONE].buckets().size()).isPositive();
        assertThat(g.index.usedBuckets()).isEqualTo(g.aliveBuckets());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        capture.writeTo(bytes);
        IndexSnapshot.Restored restored = IndexSnapshot.read(dribble(bytes.toByteArray()));
        assertSameVotes(g, restored, ids, asked);
        assertThat(restored.index().usedBuckets()).isEqualTo(g.index.usedBuckets());
        assertThat(restored.index().bucketTableBytes()).isEqualTo(g.index.bucketTableBytes());
        PostingIndex.Page[] back = restored.index().pages();
        assertThat(back[FULL].buckets().size()).isEqualTo(PAGE);
        assertThat(back[EMPTY]).isSameAs(PostingIndex.Page.EMPTY);
        PostingIndex.Page[] now = g.index.pages();
        List<Integer> differ = new ArrayList<>();
        for (int bucket = 0; bucket < PostingIndex.BUCKETS; bucket++) {
            int p = bucket / PAGE;
            if ((back[p].buckets().start(bucket % PAGE) < 0) != (now[p].buckets().start(bucket % PAGE) < 0)) {
                differ.add(bucket);
            }
        }
        assertThat(differ).as("buckets used in one index and not in the other").isEmpty();
    }

    @Test
    void anEmptyIndexCostsAFewKilobytes() {
        PostingIndex empty = new PostingIndex();
        assertThat(empty.usedBuckets()).isZero();
        assertThat(empty.bucketTableBytes()).isEqualTo(TABLE_PAGE);
        assertThat(empty.heapBytes()).as("tail, page table, the shared empty page").isLessThan(16 * 1024);
        short[] votes = vote(empty, 1, EDGES);
        assertThat(votes).containsOnly((short) 0);
    }

    /**
     * One finger's buckets: about half the {@link #EDGES}, the full page's buckets of one residue
     * mod 37 (so 37 fingers cover the page), random buckets elsewhere (never in the empty page,
     * the lone page or the last bucket), and for {@code lone} a few buckets of page LONE and the last one.
     */
    private static int[] edgeBuckets(Random random, int finger, boolean lone) {
        TreeSet<Integer> b = new TreeSet<>();
        for (int e : EDGES) {
            if (random.nextBoolean()) {
                b.add(e);
            }
        }
        for (int x = finger % 37; x < PAGE; x += 37) {
            b.add(FULL * PAGE + x);
        }
        while (b.size() < 200) {
            int x = random.nextInt(PostingIndex.BUCKETS - 1);
            int page = x / PAGE;
            if (page != EMPTY && page != LONE) {
                b.add(x);
            }
        }
        if (lone) {
            b.add(LONE * PAGE);
            b.add(LONE * PAGE + 1000 + random.nextInt(100));
            b.add(LONE * PAGE + PAGE - 1);
            b.add(PostingIndex.BUCKETS - 1);
        }
        return b.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Asks for the edges and their neighbours, every bucket of the full, the empty and the lone page, and the last bucket. */
    private static int[] edgeProbe(Random random) {
        TreeSet<Integer> b = new TreeSet<>();
        for (int e : EDGES) {
            for (int d = -2; d <= 2; d++) {
                if (e + d >= 0 && e + d < PostingIndex.BUCKETS) {
                    b.add(e + d);
                }
            }
        }
        for (int x = 0; x < PAGE; x++) {
            b.add(FULL * PAGE + x);
            b.add(EMPTY * PAGE + x);
            b.add(LONE * PAGE + x);
        }
        b.add(PostingIndex.BUCKETS - 1);
        for (int i = 0; i < 3000; i++) {
            b.add(random.nextInt(PostingIndex.BUCKETS));
        }
        return b.stream().mapToInt(Integer::intValue).toArray();
    }

    private static PostingIndex.Page[] mergedPages(Gallery g) {
        g.index.merge(g::alive, g.people.slots() * FINGERS, POOL);
        return g.index.pages();
    }

    /** Hands out at most 7 bytes per read, as a chunked, sealed stream may. */
    private static InputStream dribble(byte[] bytes) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 7));
            }
        };
    }
}
