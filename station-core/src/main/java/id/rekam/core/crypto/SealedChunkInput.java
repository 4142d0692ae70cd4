package id.rekam.core.crypto;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.BiFunction;

/**
 * Opens what {@link SealedChunkOutput} wrote, one chunk at a time. A chunk that does not open
 * (wrong key, station or count in the AAD, a flipped bit, another chunk's place), a stream that
 * ends before its last chunk, or bytes after it, raise an {@link IOException}: the reader learns
 * only at the end that the stream was whole, so it must not act on what it read before then.
 */
public final class SealedChunkInput extends InputStream {

    private final DataInputStream in;
    private final Aead aead;
    private final BiFunction<Long, Boolean, byte[]> aad;
    private byte[] chunk = new byte[0];
    private int at;
    private long index;
    private boolean last;

    public SealedChunkInput(InputStream source, Aead aead, BiFunction<Long, Boolean, byte[]> aad) {
        this.in = new DataInputStream(source);
        this.aead = aead;
        this.aad = aad;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return chunk[at++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, chunk.length - at);
        System.arraycopy(chunk, at, b, off, n);
        at += n;
        return n;
    }

    @Override
    public int available() {
        return chunk.length - at;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Opens chunks until there is a byte to read; false at the authenticated end. */
    private boolean fill() throws IOException {
        while (at == chunk.length) {
            if (last) {
                if (in.read() != -1) {
                    throw new IOException("data after the last sealed chunk");
                }
                return false;
            }
            int length;
            try {
                length = in.readInt();
            } catch (EOFException e) {
                throw new IOException("sealed stream cut off before its last chunk", e);
            }
            if (length < Aead.OVERHEAD || length > SealedChunkOutput.CHUNK + Aead.OVERHEAD) {
                throw new IOException("not a sealed chunk (length " + length + ")");
            }
            byte[] sealed = new byte[length];
            try {
                in.readFully(sealed);
            } catch (EOFException e) {
                throw new IOException("sealed stream cut off in chunk " + index, e);
            }
            // try both flags: the AAD says which one the writer meant, and only that one opens
            byte[] plain = open(sealed, false);
            if (plain == null) {
                plain = open(sealed, true);
                if (plain == null) {
                    throw new IOException("sealed chunk " + index + " does not open");
                }
                last = true;
            }
            index++;
            chunk = plain;
            at = 0;
        }
        return true;
    }

    private byte[] open(byte[] sealed, boolean lastChunk) {
        try {
            return aead.decrypt(sealed, aad.apply(index, lastChunk));
        } catch (DecryptionException e) {
            return null;
        }
    }
}
