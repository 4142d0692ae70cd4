package id.rekam.core.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The plaintext of one chunk of the sealed search snapshot (format 2): the packed entries as
 * they are in memory, so that a load copies arrays instead of decoding strings.
 *
 * <pre>
 * int     MAGIC ("RKS2")
 * int     entries
 * int     kelurahan codes used in this chunk, then each (writeUTF)
 * entries × (int length, the packed entry with its kelurahan number counted in this chunk's codes)
 * </pre>
 *
 * The chunk carries its own codes because {@link VillageCodes} numbers them per session. The
 * first format began with the entry count (at most {@link SummaryIndex#CHUNK}), which is never
 * {@link #MAGIC}: such a chunk reads as {@code null} and the index is rebuilt from the summaries.
 */
final class SnapshotChunk {

    static final int MAGIC = 0x524B5332;

    private SnapshotChunk() {
    }

    static byte[] write(List<byte[]> entries, VillageCodes villages) {
        Map<Integer, Integer> local = new HashMap<>();
        List<String> codes = new ArrayList<>();
        int size = 16;
        for (byte[] e : entries) {
            int number = PackedEntry.village(e);
            if (number != VillageCodes.NONE && !local.containsKey(number)) {
                local.put(number, codes.size());
                codes.add(villages.code(number));
            }
            size += 4 + e.length;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(size + codes.size() * 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(entries.size());
            out.writeInt(codes.size());
            for (String code : codes) {
                out.writeUTF(code);
            }
            for (byte[] e : entries) {
                int number = PackedEntry.village(e);
                int inChunk = number == VillageCodes.NONE ? number : local.get(number);
                out.writeInt(e.length);
                out.writeByte(e[0]);
                out.writeByte(inChunk >>> 16);
                out.writeShort(inChunk);
                out.write(e, 4, e.length - 4);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The chunk's entries, newest first; {@code null} when the chunk is of another format. */
    static List<byte[]> read(byte[] plain, VillageCodes villages) {
        if (plain.length < 4 || ((plain[0] & 0xFF) << 24 | (plain[1] & 0xFF) << 16
                | (plain[2] & 0xFF) << 8 | plain[3] & 0xFF) != MAGIC) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain, 4, plain.length - 4))) {
            int n = in.readInt();
            int[] numbers = new int[in.readInt()];
            for (int i = 0; i < numbers.length; i++) {
                numbers[i] = villages.number(in.readUTF());
            }
            List<byte[]> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                byte[] e = new byte[in.readInt()];
                in.readFully(e);
                int inChunk = PackedEntry.village(e);
                if (inChunk != VillageCodes.NONE) {
                    if (inChunk >= numbers.length) {
                        throw new IOException("kelurahan " + inChunk + " of " + numbers.length);
                    }
                    PackedEntry.setVillage(e, numbers[inChunk]);
                }
                out.add(e);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("search snapshot unreadable", e);
        }
    }
}
