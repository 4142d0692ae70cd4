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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compressed rows lose no posting: every vote matches a plain list of (finger, buckets)
 * through additions to the tail, merges, removals and a snapshot round trip.
 */
class PostingIndexTest {

    private static final int FINGERS = IdentificationEngine.FINGERS;
    private static final java.util.concurrent.ForkJoinPool POOL = new java.util.concurrent.ForkJoinPool(2);

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
            int slot = people.add(id);
            for (int p = 0; p < FINGERS; p++) {
                if (random.nextInt(10) == 0) {
                    continue; // an exception: no print at this position
                }
                int[] b = randomBuckets();
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
                int[] asked = randomBuckets();
                long[] bits = new long[PostingIndex.BUCKETS / 64];
                BitSet set = new BitSet();
                for (int b : asked) {
                    bits[b >>> 6] |= 1L << b;
                    set.set(b);
                }
                short[] votes = new short[slots * FINGERS];
                under.vote(asked, bits, votes, new PostingCodec.Reader());
                for (Map.Entry<Integer, int[]> e : buckets.entrySet()) {
                    if (dead.get(e.getKey())) {
                        continue;
                    }
                    int expected = 0;
                    for (int b : e.getValue()) {
                        expected += set.get(b) ? 1 : 0;
                    }
                    assertThat(votes[e.getKey()]).as("finger %d, probe %d", e.getKey(), probe).isEqualTo((short) expected);
                }
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
        assertThat(g.index.heapBytes() - 4L * PostingIndex.BUCKETS)
                .as("less than an int a posting beyond the bucket offsets").isLessThan(4 * g.index.postingCount());
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
            int[] asked = g.randomBuckets();
            long[] bits = new long[PostingIndex.BUCKETS / 64];
            for (int b : asked) {
                bits[b >>> 6] |= 1L << b;
            }
            short[] before = new short[g.people.slots() * FINGERS];
            g.index.vote(asked, bits, before, new PostingCodec.Reader());
            short[] after = new short[restored.people().slots() * FINGERS];
            restored.index().vote(asked, bits, after, new PostingCodec.Reader());
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
