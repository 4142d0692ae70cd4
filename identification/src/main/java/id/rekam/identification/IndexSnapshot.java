package id.rekam.identification;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The index's bytes, written and read as a stream so neither side ever holds them whole:
 * magic, format version, the feature parameters they were made with, the people (sorted by id:
 * id, mask of indexed fingers), then the {@value PostingIndex#PAGES} pages of rows exactly as
 * the index keeps them ({@link PostingCodec}; finger ids numbered by the people's order here),
 * then the magic again. The same people give the same bytes however and in whatever order they
 * were added. Reading it back parses each page once to rebuild its {@link BucketTable}, so a
 * restore costs the index's own memory and one page. Nothing here is encrypted: triangle
 * buckets are biometric data, so the caller seals the stream before it touches disk.
 */
final class IndexSnapshot {

    private static final int MAGIC = 0x524B4958; // "RKIX"
    /**
     * 2: compressed pages (1 held per-finger bucket lists). The pages' bucket tables are not
     * written: a restore rebuilds them while it parses each page, so they may change without a
     * new version.
     */
    private static final int VERSION = 2;
    /** Changes whenever the features change, so an old snapshot is rebuilt instead of misread. */
    static final int FEATURES = java.util.Objects.hash(Triplets.NEIGHBOURS, Triplets.STORED_NEIGHBOURS, Triplets.SIDE_BIN, Triplets.MIN_SIDE,
            Triplets.MAX_SIDE, Triplets.ANGLE_BINS, Triplets.MARGIN, Triplets.MIN_HEIGHT, Triplets.SIDE_TIE,
            PostingIndex.BUCKET_BITS, PostingIndex.PAGE_BITS);
    /** No page of a station or server partition comes near this; a larger length is not a snapshot. */
    private static final int MAX_PAGE = 1 << 28;

    private IndexSnapshot() {
    }

    /** What a restore installs. */
    record Restored(PersonTable people, PostingIndex index) {
    }

    /**
     * Writes a captured index. Pages whose finger numbering already is the snapshot's (people
     * added in id order and none removed, as after a restore or a rebuild from the store) are
     * copied as they are; others are renumbered bucket by bucket.
     */
    static void write(IndexCapture c, OutputStream sink) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(sink, 1 << 16));
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(FEATURES);
        int n = c.order().length;
        out.writeInt(n);
        byte[] ids = c.ids();
        int[] starts = c.idStarts();
        for (int r = 0; r < n; r++) {
            int s = c.order()[r];
            int len = starts[s + 1] - starts[s];
            if (len > 0xFFFF) {
                throw new IllegalArgumentException("person id too long");
            }
            out.writeShort(len);
            out.write(ids, starts[s], len);
            out.writeShort(c.fingers()[r]);
        }
        int universe = Math.max(1, n * IdentificationEngine.FINGERS);
        PostingCodec.Reader reader = new PostingCodec.Reader();
        byte[] scratch = new byte[1 << 16];
        int[] renumbered = new int[256];
        for (PostingIndex.Page page : c.pages()) {
            if (c.identity() && page.universe() == universe || page.data().length == 0) {
                out.writeInt(page.data().length);
                out.write(page.data());
                continue;
            }
            int at = 0;
            int lastWritten = -1;
            int bucket = -1;
            for (int from = 0; from < page.data().length; ) {
                from = reader.read(page.data(), from, page.data().length, page.universe());
                bucket += reader.bucketGap() + 1;
                int count = reader.count();
                if (renumbered.length < count) {
                    renumbered = new int[Math.max(count, renumbered.length * 2)];
                }
                int k = 0;
                for (int i = 0; i < count; i++) {
                    int f = reader.fingers()[i];
                    int rank = c.rank()[f / IdentificationEngine.FINGERS];
                    if (rank >= 0) {
                        renumbered[k++] = rank * IdentificationEngine.FINGERS + f % IdentificationEngine.FINGERS;
                    }
                }
                if (k == 0) {
                    continue;
                }
                Arrays.sort(renumbered, 0, k);
                int need = at + PostingCodec.maxBytes(k, universe);
                if (need > scratch.length) {
                    scratch = Arrays.copyOf(scratch, Math.max(need, scratch.length * 2));
                }
                at = PostingCodec.encode(bucket - lastWritten - 1, renumbered, k, universe, scratch, at);
                lastWritten = bucket;
            }
            out.writeInt(at);
            out.write(scratch, 0, at);
        }
        out.writeInt(MAGIC);
        out.flush();
    }

    /**
     * Reads a snapshot to its end (so a sealed stream's completeness is checked too).
     *
     * @throws IllegalArgumentException the bytes are not a snapshot of this index version
     * @throws IOException              the stream failed or ended early
     */
    static Restored read(InputStream source) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(source, 1 << 16));
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            throw new IllegalArgumentException("not an identification index snapshot of this version");
        }
        if (in.readInt() != FEATURES) {
            throw new IllegalArgumentException("snapshot made with other index features; rebuild from templates");
        }
        int n = in.readInt();
        if (n < 0 || n > Integer.MAX_VALUE / IdentificationEngine.FINGERS) {
            throw new IllegalArgumentException("malformed snapshot: people count");
        }
        PersonTable people = new PersonTable();
        byte[] previous = null;
        for (int r = 0; r < n; r++) {
            byte[] id = new byte[in.readUnsignedShort()];
            in.readFully(id);
            if (previous != null && Arrays.compareUnsigned(previous, id) >= 0) {
                throw new IllegalArgumentException("malformed snapshot: people out of order");
            }
            previous = id;
            int slot = people.add(new String(id, java.nio.charset.StandardCharsets.UTF_8));
            int mask = in.readUnsignedShort();
            if ((mask & ~0x3FF) != 0) {
                throw new IllegalArgumentException("malformed snapshot: finger mask");
            }
            for (int p = 0; p < IdentificationEngine.FINGERS; p++) {
                if ((mask & (1 << p)) != 0) {
                    people.addFinger(slot, p);
                }
            }
        }
        int universe = Math.max(1, n * IdentificationEngine.FINGERS);
        PostingCodec.Reader reader = new PostingCodec.Reader();
        PostingIndex.Page[] pages = new PostingIndex.Page[PostingIndex.PAGES];
        for (int p = 0; p < PostingIndex.PAGES; p++) {
            int length = in.readInt();
            if (length < 0 || length > MAX_PAGE) {
                throw new IllegalArgumentException("malformed snapshot: page length");
            }
            if (length == 0) {
                pages[p] = PostingIndex.Page.EMPTY;
                continue;
            }
            byte[] data = new byte[length];
            in.readFully(data);
            BucketTable.Builder table = new BucketTable.Builder();
            int bucket = -1;
            long postings = 0;
            for (int from = 0; from < length; ) {
                int start = from;
                from = reader.read(data, from, length, universe);
                bucket += reader.bucketGap() + 1;
                if (bucket >= PostingIndex.PAGE_BUCKETS) {
                    throw new IllegalArgumentException("malformed snapshot: bucket out of range");
                }
                for (int i = 0; i < reader.count(); i++) {
                    int f = reader.fingers()[i];
                    if (!people.hasFinger(f / IdentificationEngine.FINGERS, f % IdentificationEngine.FINGERS)) {
                        throw new IllegalArgumentException("malformed snapshot: posting of a finger not indexed");
                    }
                }
                table.add(bucket, start);
                postings += reader.count();
            }
            pages[p] = new PostingIndex.Page(data, table.build(), universe, postings);
        }
        if (in.readInt() != MAGIC) {
            throw new IllegalArgumentException("malformed snapshot: no end mark");
        }
        if (in.read() != -1) {
            throw new IllegalArgumentException("trailing bytes after the snapshot");
        }
        return new Restored(people, new PostingIndex(pages));
    }
}
