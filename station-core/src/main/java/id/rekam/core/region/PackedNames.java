package id.rekam.core.region;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The catalog's ≈100,000 region names in one UTF-8 byte array with an offset per name.
 *
 * <p>As a {@code String[]} they held ≈7 MB of heap for the station's whole life (a String and
 * its array per name, ≈56 bytes of headers each); packed they hold ≈1.4 MB. A name is decoded
 * only when a {@link Region} is built, which is when a screen or a check asks for that region.
 */
final class PackedNames {

    private final byte[] bytes;
    private final int[] starts;

    private PackedNames(byte[] bytes, int[] starts) {
        this.bytes = bytes;
        this.starts = starts;
    }

    int size() {
        return starts.length - 1;
    }

    String get(int i) {
        return new String(bytes, starts[i], starts[i + 1] - starts[i], StandardCharsets.UTF_8);
    }

    /** Appends names in index order; {@link #build()} trims the arrays to what was written. */
    static final class Builder {
        private byte[] bytes = new byte[1 << 20];
        private int[] starts = new int[1 << 17];
        private int count;
        private int length;

        void add(String name) {
            byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
            if (length + utf8.length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + utf8.length));
            }
            if (count + 2 > starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            System.arraycopy(utf8, 0, bytes, length, utf8.length);
            starts[count++] = length;
            length += utf8.length;
        }

        PackedNames build() {
            int[] ends = Arrays.copyOf(starts, count + 1);
            ends[count] = length;
            return new PackedNames(Arrays.copyOf(bytes, length), ends);
        }
    }
}
