package id.rekam.identification;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The index's bytes: magic, format version, the feature parameters they were made with,
 * then per person (sorted by id) the id, a mask of indexed fingers and each finger's sorted
 * buckets as variable-length gaps (about 1.5 bytes a bucket). Nothing here is encrypted:
 * triangle buckets are biometric data, so the caller seals the bytes before they touch disk.
 */
final class IndexSnapshot {

    private static final int MAGIC = 0x524B4958; // "RKIX"
    private static final int VERSION = 1;
    /** Changes whenever the features change, so an old snapshot is rebuilt instead of misread. */
    static final int FEATURES = java.util.Objects.hash(Triplets.NEIGHBOURS, Triplets.SIDE_BIN, Triplets.MIN_SIDE,
            Triplets.MAX_SIDE, Triplets.ANGLE_BINS, Triplets.MARGIN, Triplets.MIN_HEIGHT, Triplets.SIDE_TIE,
            PostingIndex.BUCKET_BITS);

    private IndexSnapshot() {
    }

    static byte[] write(Map<String, int[][]> people) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(bytes, 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(FEATURES);
            out.writeInt(people.size());
            for (Map.Entry<String, int[][]> e : people.entrySet()) {
                byte[] id = e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                if (id.length > 0xFFFF) {
                    throw new IllegalArgumentException("person id too long");
                }
                out.writeShort(id.length);
                out.write(id);
                int mask = 0;
                for (int p = 0; p < IdentificationEngine.FINGERS; p++) {
                    if (e.getValue()[p] != null) {
                        mask |= 1 << p;
                    }
                }
                out.writeShort(mask);
                for (int[] buckets : e.getValue()) {
                    if (buckets == null) {
                        continue;
                    }
                    // encoded into a scratch array first: per-byte stream writes take a lock each
                    byte[] scratch = new byte[5 * (buckets.length + 1)];
                    int n = putVarint(scratch, 0, buckets.length);
                    int previous = -1;
                    for (int b : buckets) {
                        n = putVarint(scratch, n, b - previous - 1);
                        previous = b;
                    }
                    out.write(scratch, 0, n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Map<String, int[][]> read(byte[] snapshot) {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(snapshot);
        try {
            if (in.getInt() != MAGIC || in.getInt() != VERSION) {
                throw new IllegalArgumentException("not an identification index snapshot");
            }
            if (in.getInt() != FEATURES) {
                throw new IllegalArgumentException("snapshot made with other index features; rebuild from templates");
            }
            int n = in.getInt();
            Map<String, int[][]> people = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                byte[] id = new byte[in.getShort() & 0xFFFF];
                in.get(id);
                int mask = in.getShort() & 0xFFFF;
                int[][] fingers = new int[IdentificationEngine.FINGERS][];
                for (int p = 0; p < IdentificationEngine.FINGERS; p++) {
                    if ((mask & (1 << p)) == 0) {
                        continue;
                    }
                    int[] buckets = new int[readVarint(in)];
                    int previous = -1;
                    for (int k = 0; k < buckets.length; k++) {
                        previous += readVarint(in) + 1;
                        if (previous >= PostingIndex.BUCKETS) {
                            throw new IllegalArgumentException("snapshot bucket out of range");
                        }
                        buckets[k] = previous;
                    }
                    fingers[p] = buckets;
                }
                people.put(new String(id, java.nio.charset.StandardCharsets.UTF_8), fingers);
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("trailing bytes after the snapshot");
            }
            return people;
        } catch (java.nio.BufferUnderflowException | NegativeArraySizeException e) {
            throw new IllegalArgumentException("truncated identification index snapshot", e);
        }
    }

    private static int putVarint(byte[] out, int at, int v) {
        while ((v & ~0x7F) != 0) {
            out[at++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out[at++] = (byte) v;
        return at;
    }

    private static int readVarint(java.nio.ByteBuffer in) {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.get() & 0xFF;
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("malformed varint in snapshot");
    }
}
