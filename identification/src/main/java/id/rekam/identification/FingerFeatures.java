package id.rekam.identification;

import id.rekam.core.domain.FingerPosition;

import java.util.Map;

/** One person's index buckets by finger position (null where no readable print). */
record FingerFeatures(int[][] buckets) {

    static FingerFeatures of(Map<FingerPosition, byte[]> prints) {
        int[][] b = new int[IdentificationEngine.FINGERS][];
        prints.forEach((position, bytes) -> {
            try {
                b[position.ordinal()] = PostingIndex.buckets(Triplets.stored(Minutiae.read(bytes)));
            } catch (IllegalArgumentException unreadable) {
                // not a SourceAFIS template: nothing to index, nothing SourceAFIS could match either
            }
        });
        return new FingerFeatures(b);
    }
}
