package id.rekam.identification;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
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
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(FEATURES);
            out.writeInt(people.size());
            for (Map.Entry<String, int[][]> e : people.entrySet()) {
                out.writeUTF(e.getKey());
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
                    writeVarint(out, buckets.length);
                    int previous = -1;
                    for (int b : buckets) {
                        writeVarint(out, b - previous - 1);
                        previous = b;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Map<String, int[][]> read(byte[] snapshot) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IllegalArgumentException("not an identification index snapshot");
            }
            if (in.readInt() != FEATURES) {
                throw new IllegalArgumentException("snapshot made with other index features; rebuild from templates");
            }
            int n = in.readInt();
            Map<String, int[][]> people = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                String id = in.readUTF();
                int mask = in.readUnsignedShort();
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
                people.put(id, fingers);
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException("trailing bytes after the snapshot");
            }
            return people;
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated identification index snapshot", e);
        }
    }

    private static void writeVarint(DataOutputStream out, int v) throws IOException {
        while ((v & ~0x7F) != 0) {
            out.writeByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    private static int readVarint(DataInputStream in) throws IOException {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("malformed varint in snapshot");
    }
}
