package id.rekam.core.crypto;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.BiFunction;

/**
 * Seals a long stream in chunks of {@value #CHUNK} bytes, each an {@link Aead} value of its
 * own written as {@code [int length][sealed]}, so neither the writer nor the reader
 * ({@link SealedChunkInput}) ever holds the whole plain or sealed stream. Each chunk's AAD names
 * its index and whether it is the last ({@code aad.apply(index, last)}): chunks cannot be
 * reordered, dropped, repeated or cut off at a chunk boundary without a chunk failing to open.
 * {@link #close()} seals the last chunk (possibly empty) and does not close the target.
 */
public final class SealedChunkOutput extends OutputStream {

    /** Plain bytes per chunk: small against a 512 MB heap, large against the 29 bytes of seal. */
    public static final int CHUNK = 1 << 20;

    private final DataOutputStream out;
    private final Aead aead;
    private final BiFunction<Long, Boolean, byte[]> aad;
    private final byte[] buffer = new byte[CHUNK];
    private int size;
    private long index;
    private boolean closed;

    public SealedChunkOutput(OutputStream target, Aead aead, BiFunction<Long, Boolean, byte[]> aad) {
        this.out = new DataOutputStream(target);
        this.aead = aead;
        this.aad = aad;
    }

    @Override
    public void write(int b) throws IOException {
        if (size == CHUNK) {
            seal(false);
        }
        buffer[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (size == CHUNK) {
                seal(false);
            }
            int n = Math.min(len, CHUNK - size);
            System.arraycopy(b, off, buffer, size, n);
            size += n;
            off += n;
            len -= n;
        }
    }

    /** Seals the last chunk. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            seal(true);
            out.flush();
        }
    }

    private void seal(boolean last) throws IOException {
        if (closed && !last) {
            throw new IOException("stream closed");
        }
        byte[] plain = size == CHUNK ? buffer : java.util.Arrays.copyOf(buffer, size);
        byte[] sealed = aead.encrypt(plain, aad.apply(index++, last));
        out.writeInt(sealed.length);
        out.write(sealed);
        size = 0;
    }
}
