package id.rekam.identification;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rows' encoding gives back every posting it was given, whatever the gaps. */
class PostingCodecTest {

    @Test
    void recordsRoundTripFromDenseToHugeGaps() {
        Random random = new Random(7);
        int[][] cases = {
                {0},
                {Integer.MAX_VALUE - 2},
                {0, 1, 2, 3, 4, 5},
                {0, 1_000_000_000, 2_000_000_000, Integer.MAX_VALUE - 2},
                {5, 6, 7, 1 << 30, (1 << 30) + 1},
                sortedSample(random, 1_000, 2_000),        // dense
                sortedSample(random, 3, 2_000_000_000),    // a few ids far apart in a huge universe
                sortedSample(random, 5_000, 50_000_000),
        };
        int[] universes = {1, Integer.MAX_VALUE - 1, 10, Integer.MAX_VALUE - 1, (1 << 30) + 2, 2_000, 2_000_000_000,
                50_000_000};
        byte[] page = new byte[0];
        int at = 0;
        int[] gaps = {0, 3, 16_383, 0, 1, 70_000, 5, 0};
        for (int c = 0; c < cases.length; c++) {
            int universe = Math.max(universes[c], cases[c][cases[c].length - 1] + 1);
            page = Arrays.copyOf(page, at + PostingCodec.maxBytes(cases[c].length, universe));
            at = PostingCodec.encode(gaps[c], cases[c], cases[c].length, universe, page, at);
            universes[c] = universe;
        }
        PostingCodec.Reader reader = new PostingCodec.Reader();
        int from = 0;
        for (int c = 0; c < cases.length; c++) {
            from = reader.read(page, from, at, universes[c]);
            assertThat(reader.bucketGap()).isEqualTo(gaps[c]);
            assertThat(Arrays.copyOf(reader.fingers(), reader.count())).as("case %d", c).isEqualTo(cases[c]);
        }
        assertThat(from).as("records end where the next begins").isEqualTo(at);
    }

    @Test
    void manyRandomRecordsRoundTripAndStayCompact() {
        Random random = new Random(11);
        int universe = 1_000_000;
        long postings = 0;
        long bytes = 0;
        for (int round = 0; round < 500; round++) {
            int[] fingers = sortedSample(random, 1 + random.nextInt(400), universe);
            byte[] out = new byte[PostingCodec.maxBytes(fingers.length, universe)];
            int end = PostingCodec.encode(round, fingers, fingers.length, universe, out, 0);
            PostingCodec.Reader reader = new PostingCodec.Reader();
            assertThat(reader.read(out, 0, end, universe)).isEqualTo(end);
            assertThat(Arrays.copyOf(reader.fingers(), reader.count())).isEqualTo(fingers);
            postings += fingers.length;
            bytes += end;
        }
        assertThat(bytes / (double) postings).as("bytes per posting").isLessThan(2.0);
    }

    @Test
    void truncatedOrOutOfRangeRecordsAreRefused() {
        int[] fingers = {3, 900, 70_000};
        byte[] out = new byte[PostingCodec.maxBytes(3, 100_000)];
        int end = PostingCodec.encode(0, fingers, 3, 100_000, out, 0);
        assertThatThrownBy(() -> new PostingCodec.Reader().read(out, 0, end - 1, 100_000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PostingCodec.Reader().read(out, 0, end, 2))
                .as("more ids than the universe holds").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PostingCodec.encode(0, new int[] {5, 5}, 2, 10, new byte[64], 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static int[] sortedSample(Random random, int n, int universe) {
        java.util.TreeSet<Integer> set = new java.util.TreeSet<>();
        while (set.size() < n) {
            set.add(random.nextInt(universe));
        }
        return set.stream().mapToInt(Integer::intValue).toArray();
    }
}
