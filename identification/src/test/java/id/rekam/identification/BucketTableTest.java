package id.rekam.identification;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sparse bucket table finds every used bucket's start, and nothing for the others, at every edge of a page. */
class BucketTableTest {

    private static final int BUCKETS = PostingIndex.PAGE_BUCKETS;

    /** Builds a table of these buckets (ascending) and checks every bucket of the page against them. */
    private static BucketTable assertFinds(TreeMap<Integer, Integer> starts) {
        BucketTable.Builder builder = new BucketTable.Builder();
        starts.forEach(builder::add);
        BucketTable table = builder.build();
        for (int b = 0; b < BUCKETS; b++) {
            assertThat(table.start(b)).as("bucket %d", b).isEqualTo(starts.getOrDefault(b, -1));
        }
        assertThat(table.size()).isEqualTo(starts.size());
        assertThat(table.heapBytes()).as("640 bytes of bitmap and ranks, 4 per used bucket, headers")
                .isEqualTo(72 + 640 + 4L * starts.size());
        return table;
    }

    @Test
    void anEmptyPageFindsNothing() {
        assertFinds(new TreeMap<>());
        for (int b = 0; b < BUCKETS; b++) {
            assertThat(BucketTable.EMPTY.start(b)).isEqualTo(-1);
        }
        assertThat(BucketTable.EMPTY.heapBytes()).isLessThan(1024);
    }

    @Test
    void aPageWithEveryBucketUsedFindsEach() {
        TreeMap<Integer, Integer> starts = new TreeMap<>();
        for (int b = 0; b < BUCKETS; b++) {
            starts.put(b, 3 * b + 1);
        }
        assertFinds(starts);
    }

    @Test
    void theFirstAndLastBucketsOfThePageAndOfEveryWordAreFound() {
        TreeMap<Integer, Integer> starts = new TreeMap<>();
        int at = 0;
        for (int b : new int[]{0, 1, 62, 63, 64, 65, 127, 128, 2047, 2048, 4031, 4032, 4094, 4095}) {
            starts.put(b, at);
            at += 1 + b % 7;
        }
        assertFinds(starts);
        TreeMap<Integer, Integer> ends = new TreeMap<>();
        ends.put(0, 0);
        ends.put(BUCKETS - 1, 9);
        assertFinds(ends);
        TreeMap<Integer, Integer> last = new TreeMap<>();
        last.put(BUCKETS - 1, 0);
        assertFinds(last);
    }

    @Test
    void randomPagesOfEveryDensityMatchAMap() {
        Random random = new Random(2036);
        for (double density : new double[]{0.001, 0.03, 0.15, 0.5, 0.97}) {
            for (int round = 0; round < 20; round++) {
                TreeMap<Integer, Integer> starts = new TreeMap<>();
                int at = 0;
                for (int b = 0; b < BUCKETS; b++) {
                    if (random.nextDouble() < density) {
                        starts.put(b, at);
                        at += 2 + random.nextInt(300); // records of a few bytes to a few hundred
                    }
                }
                assertFinds(starts);
            }
        }
    }

    @Test
    void bucketsOutOfOrderOrOutsideThePageAreRefused() {
        BucketTable.Builder builder = new BucketTable.Builder();
        builder.add(10, 0);
        assertThatThrownBy(() -> builder.add(10, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.add(9, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.add(BUCKETS, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BucketTable.Builder().add(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
